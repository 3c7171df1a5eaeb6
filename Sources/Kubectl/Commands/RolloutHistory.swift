import KubeAPI

/// `kubectl rollout history`: the REVISION / CHANGE-CAUSE table of a workload's revisions, or with
/// `--revision=N` that revision's pod template (`polymorphichelpers/history.go`). StatefulSets and
/// DaemonSets keep revisions as ControllerRevisions, Deployments as their ReplicaSets.
enum RolloutHistory {
    static let deploymentRevisionKey = "deployment.kubernetes.io/revision"

    static func run(_ call: Invocation) throws -> Int32 {
        let sel = try RolloutCommand.targets(call)
        let revision = Int(call.flags.string("revision")) ?? 0
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        if !sel.errors.isEmpty { return ErrorReport.finish(lines: sel.errors, call: call) }
        for (r, obj) in sel.objects {
            guard RolloutCommand.kinds.contains(r.kind) else {
                throw KubectlFailure.error("no history viewer has been implemented for \(KubeAPI.GoFormat.quoted(r.kind))")
            }
            let history = revisions(of: obj, as: r, call: call)
            if output != .table {
                // -o prints the revisions themselves (the workload as each one restores it).
                if revision > 0 {
                    guard let one = history.first(where: { $0.number == revision }) else {
                        throw KubectlFailure.error("unable to find the specified revision")
                    }
                    try ObjectOutput.printEach([shown(one, of: r)], format: output, call: call)
                } else {
                    try ObjectOutput.printEach(history.map { shown($0, of: r) }, format: output, call: call)
                }
                continue
            }
            guard !history.isEmpty else {
                call.out("\(RolloutCommand.name(r, obj)) \nNo rollout history found.\n")
                continue
            }
            if revision > 0 {
                guard let one = history.first(where: { $0.number == revision }) else {
                    throw KubectlFailure.error("unable to find the specified revision")
                }
                var w = DescribeWriter(aligned: false)
                DescribeSections.podTemplate(&w, shown(one, of: r).1["spec"]["template"])
                call.out("\(RolloutCommand.name(r, obj)) with revision #\(revision)\n\(w.finish())\n")
                continue
            }
            var tab = TabWriter(minWidth: 0, padding: 2)
            tab.write("REVISION\tCHANGE-CAUSE\n")
            for h in history { tab.write("\(h.number)\t\(h.changeCause ?? "<none>")\n") }
            call.out("\(RolloutCommand.name(r, obj)) \n\(tab.flush())\n")
        }
        return 0
    }

    /// What the history viewer's GetHistory gives for a revision: a Deployment's is its ReplicaSet
    /// (its template keeps the pod-template-hash label), a StatefulSet's or DaemonSet's the
    /// workload with the ControllerRevision applied.
    static func shown(_ revision: Revision, of r: ResourceType) -> (ResourceType, JSONValue) {
        guard r.kind == "Deployment", let replicaSets = ResourceRegistry.forKind("ReplicaSet") else { return (r, revision.restored) }
        return (replicaSets, revision.source)
    }

    /// One revision of a workload.
    struct Revision {
        var number: Int
        var changeCause: String?
        /// The workload with this revision's template (what `undo` would make of it).
        var restored: JSONValue
        /// The revision's own object (ControllerRevision or ReplicaSet).
        var source: JSONValue
    }

    /// Oldest first; one per revision number.
    static func revisions(of obj: JSONValue, as r: ResourceType, call: Invocation) -> [Revision] {
        var byNumber: [Int: Revision] = [:]
        if r.kind == "Deployment" {
            let replicaSets = ResourceRegistry.forKind("ReplicaSet")!
            for rs in call.store.list(replicaSets, namespace: obj.namespace) where rs.controllerRef?["uid"].string == obj.uid {
                guard let n = Int(rs.annotations[deploymentRevisionKey] ?? "") else { continue }
                var restored = obj
                var template = rs["spec"]["template"]
                template["metadata"]["labels"]["pod-template-hash"] = .null
                if template["metadata"]["labels"].object?.isEmpty == true { template["metadata"]["labels"] = .null }
                restored["spec"]["template"] = template
                let cause = rs.annotations[ChangeCause.annotation] ?? rs["spec"]["template"]["metadata"]["annotations"][ChangeCause.annotation].string
                byNumber[n] = Revision(number: n, changeCause: cause, restored: restored, source: rs)
            }
        } else {
            let controllerRevisions = ResourceRegistry.forKind("ControllerRevision")!
            for cr in call.store.list(controllerRevisions, namespace: obj.namespace) where cr.controllerRef?["uid"].string == obj.uid {
                let n = cr["revision"].int ?? 0
                let restored = (try? ObjectMerge.strategicMerge(cr["data"], into: obj, kind: r.kind)) ?? obj
                byNumber[n] = Revision(number: n, changeCause: cr.annotations[ChangeCause.annotation], restored: restored, source: cr)
            }
        }
        return byNumber.keys.sorted().compactMap { byNumber[$0] }
    }
}
