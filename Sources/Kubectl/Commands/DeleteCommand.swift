import KubeAPI
import KubeSim

/// `kubectl delete`: by name, `-f`, `-l` or `--all`; waits until the objects are gone.
struct DeleteCommand: KubectlCommand {
    static let name = "delete"
    static let help = HelpText.usage("""
        Delete objects by name, by label selector, from manifests, or all of a type.
        Pods stop gracefully first; objects they own are removed by the garbage collector.

        Examples:
          kubectl delete -f mysql-sts.yml
          kubectl delete pod mysql-0
          kubectl delete pvc -l app=visit-cnt-stfs
          kubectl delete pod web-1 --grace-period=0 --force

        Options:
          -f, --filename=[]        objects to delete, from manifests
          -l, --selector=''        delete objects matching the label selector
          --all                    delete every object of the type in the namespace
          -A, --all-namespaces     with --all or -l, across every namespace
          --cascade='background'   'background', 'foreground' or 'orphan' for owned objects
          --grace-period=-1        seconds a pod gets to stop (-1: its own setting)
          --force                  with --grace-period=0, remove at once without waiting
          --now                    same as --grace-period=1
          --wait=true              wait until the objects are gone
          --ignore-not-found       say nothing about objects that do not exist
          -o, --output=''          'name' prints only kind/name

        Usage:
          kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [options]
        """)

    let flags = FlagSet([
        .init("filename", "f", .stringArray), .init("recursive", "R", .bool), .init("selector", "l"), .init("all", nil, .bool),
        .init("all-namespaces", "A", .bool), .init("cascade", nil, .string, default: "background"),
        .init("grace-period", nil, .int64, default: "-1"), .init("force", nil, .bool), .init("now", nil, .bool),
        .init("wait", nil, .bool, default: "true"), .init("timeout", nil, .duration, default: "0s"),
        .init("ignore-not-found", nil, .bool), .init("output", "o"), .init("field-selector"),
        .init("dry-run", nil, .string, default: "none"), .init("interactive", "i", .bool), .init("raw"), .init("kustomize", "k"),
    ])

    static let longestGracePeriodSeconds = 100 * 365 * 24 * 3600

    /// `--cascade`, as DeleteFlags reads it for delete and replace --force.
    static func propagation(_ cascade: String) throws -> APIServer.Propagation {
        switch cascade {
        case "background", "true": return .background
        case "foreground": return .foreground
        case "orphan", "false": return .orphan
        case let other:
            throw KubectlFailure.error("invalid cascade value (\(other)). Must be \"background\", \"foreground\", or \"orphan\"")
        }
    }

    func run(_ call: Invocation) throws -> Int32 {
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = call.flags.string("output")
        guard output.isEmpty || output == "name" else {
            throw KubectlFailure.error("unexpected -o output mode: \(output), the flag 'output' must be one of yaml|json|name")
        }
        let propagation = try Self.propagation(call.flags.string("cascade"))
        // kubectl takes any int64; a grace period past a century only ever means "never": capped so the
        // deletion timestamp stays a date.
        var grace = min(call.flags.int("grace-period") ?? -1, Self.longestGracePeriodSeconds)
        let force = call.flags.bool("force")
        if call.flags.bool("now") {
            if grace != -1 { throw KubectlFailure.error("--now and --grace-period cannot be specified together") }
            grace = 1
        }
        // kubectl turns --grace-period=0 without --force into 1 second, against accidental loss.
        if grace == 0 && !force { grace = 1 }
        if force && grace < 0 { grace = 0 }
        if force && grace == 0 {
            call.err("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n")
        }
        let sel = try ObjectSelection.resolve(call, requireNames: true, missingText: ObjectSelection.noResourcesText, notFoundVerb: "deleting",
                                               namedVerb: "delete")
        let ignoreMissing = call.flags.bool("ignore-not-found")
        if sel.objects.isEmpty && sel.errors.isEmpty {
            call.out("No resources found\n")
            return 0
        }
        var deleted: [(ref: ObjectRef, uid: String)] = []
        var errors = ignoreMissing ? sel.errorsBesidesNotFound : sel.errors
        for (i, (r, obj)) in sel.objects.enumerated() {
            let ref = ObjectRef(r, namespace: obj.namespace ?? "", name: obj.name)
            do {
                if dryRun == .none {
                    // `--force --grace-period=0` is a grace-0 delete: the server removes the object at
                    // once unless finalizers hold it.
                    try call.api.delete(ref, propagation: propagation, gracePeriodSeconds: force && grace == 0 ? 0 : (grace >= 0 ? grace : nil))
                    deleted.append((ref, obj.uid))
                }
                let word = force && grace == 0 ? "force deleted" : "deleted"
                if output == "name" { call.out("\(r.qualifiedKind)/\(obj.name)\n") }
                else { call.out("\(r.qualifiedKind) \"\(obj.name)\" \(word)\(dryRun.suffix)\n") }
            } catch {
                let source = i < sel.sources.count ? sel.sources[i] : ""
                if error.reason == .notFound && ignoreMissing { continue }
                errors.append(error.fromSource("deleting", source).kubectlText)
            }
        }
        // A failed lookup or delete returns before the wait, as DeleteResult's visit error does.
        if !errors.isEmpty {
            call.err(errors.joined(separator: "\n") + "\n")
            return 1
        }
        if call.flags.bool("wait") && !deleted.isEmpty {
            let timeout = Duration.parseGo(call.flags.string("timeout")) ?? 0
            let timedOut = DeletionWait(targets: deleted).run(timeout: timeout, call: call)
            if !timedOut.isEmpty { return ErrorReport.finish(timedOut, call: call) }
        }
        return 0
    }
}
