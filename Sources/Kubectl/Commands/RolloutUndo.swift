import KubeAPI
import KubeSim

/// `kubectl rollout undo [--to-revision=N]`: patches the workload back to a revision's template
/// (`polymorphichelpers/rollback.go`): the revision before the newest when N is 0.
enum RolloutUndo {
    static func run(_ call: Invocation) throws -> Int32 {
        let sel = try RolloutCommand.targets(call)
        let toRevision = Int(call.flags.string("to-revision")) ?? 0
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        if !sel.errors.isEmpty { return ErrorReport.finish(lines: sel.errors, call: call) }
        for (r, obj) in sel.objects {
            guard RolloutCommand.kinds.contains(r.kind) else {
                throw KubectlFailure.error("no rollbacker has been implemented for \(KubeAPI.GoFormat.quoted(r.kind))")
            }
            let result = try rollback(obj, as: r, to: toRevision, dryRun: dryRun, call: call)
            // The rollbacker's text is the name printer's operation, which PrintFlagsWithDryRunStrategy
            // ends with ` (dry run)` or ` (server dry run)`.
            if output == .table { call.out("\(RolloutCommand.name(r, obj)) \(result)\(dryRun.suffix)\n") }
            else { try ObjectOutput.printEach([(r, obj)], format: output, call: call) }
        }
        return 0
    }

    /// Equal as JSON documents: key order and null members do not count (kubectl compares the encoded patch).
    static func sameContent(_ a: JSONValue, _ b: JSONValue) -> Bool {
        JSONText.compact(ObjectMerge.mergePatch(a, into: [:])) == JSONText.compact(ObjectMerge.mergePatch(b, into: [:]))
    }

    static func notFound(_ n: Int) -> KubectlFailure { .error("unable to find specified revision \(n) in history") }

    /// What kubectl prints after the name: `rolled back`, `skipped rollback (...)`, or a client dry run's template.
    static func rollback(_ obj: JSONValue, as r: ResourceType, to n: Int, dryRun: DryRun, call: Invocation) throws -> String {
        guard n >= 0 else { throw notFound(n) }
        if r.kind == "Deployment" && obj["spec"]["paused"].bool == true {
            throw KubectlFailure.error("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
        }
        let history = RolloutHistory.revisions(of: obj, as: r, call: call)
        if n == 0 && history.count <= 1 {
            throw KubectlFailure.error(r.kind == "Deployment" ? "no rollout history found for deployment \(KubeAPI.GoFormat.quoted(obj.name))"
                                                              : "no last revision to roll back to")
        }
        // Revision 0 is the one before the newest.
        guard let target = n == 0 ? history[history.count - 2] : history.first(where: { $0.number == n }) else { throw notFound(n) }
        if dryRun == .client {
            var w = DescribeWriter(aligned: false)
            DescribeSections.podTemplate(&w, target.restored["spec"]["template"])
            // DeploymentRollbacker prints the ReplicaSet's template as it is (history's printTemplate);
            // the StatefulSet and DaemonSet rollbackers' printPodTemplate leads with "will roll back to".
            return r.kind == "Deployment" ? w.finish() : "will roll back to \(w.finish())"
        }
        if sameContent(target.restored["spec"]["template"], obj["spec"]["template"]) {
            return "skipped rollback (current template already matches revision \(target.number))"
        }
        var patch: JSONValue = [:]
        if r.kind == "Deployment" {
            var template = target.restored["spec"]["template"]
            template["$patch"] = "replace"
            patch["spec"]["template"] = template
        } else {
            patch = target.source["data"]
        }
        let ref = ObjectRef(r, namespace: obj.namespace ?? "", name: obj.name)
        do {
            _ = try call.api.patch(ref, type: .strategic, body: JSONText.compact(patch), dryRun: dryRun == .server)
        } catch {
            throw KubectlFailure.error("failed restoring revision \(target.number): \(error.statusMessage)")
        }
        return "rolled back"
    }
}
