import KubeAPI
import KubeSim

/// `kubectl replace -f FILE`: sends each manifest as the whole new object (a PUT), as replace.go does.
///
/// Unlike apply nothing is merged: fields the manifest leaves out are gone (the server keeps only
/// what it owns, such as the status and the uid). A resourceVersion in the manifest makes the write
/// conditional, so replacing from an old `get -o yaml` fails with a Conflict. `--force` deletes each
/// object, waits until it is gone and creates it again.
struct ReplaceCommand: KubectlCommand {
    static let name = "replace"
    static let help = HelpText.usage("""
        Replace objects with the ones the manifests describe. The object must exist; the manifest is
        the whole new object, so fields it leaves out are removed (apply merges instead).

        Examples:
          kubectl replace -f web.yaml
          kubectl get pod web-0 -o yaml | sed 's/nginx:1.26/nginx:1.27/' | kubectl replace -f -
          kubectl replace --force -f web-pod.yaml

        Options:
          -f, --filename=[]     files, directories or '-' for standard input
          -R, --recursive       read directories recursively
          --force               delete each object, wait until it is gone, and create it again
          --grace-period=-1     with --force: seconds a pod gets to stop
          --timeout=0s          with --force: how long to wait for the deletion
          --cascade='background' with --force: what happens to the objects it owns
          --dry-run='none'      'client' or 'server' to only show what would happen
          -o, --output=''       print the objects as yaml, json, name, jsonpath=... or go-template=... instead of a message
          --save-config         record the manifest so later 'kubectl apply' can patch it

        Usage:
          kubectl replace -f FILENAME [options]
        """)

    let flags = FlagSet([
        .init("filename", "f", .stringArray), .init("recursive", "R", .bool), .init("kustomize", "k"),
        .init("force", nil, .bool), .init("cascade", nil, .string, default: "background"),
        .init("grace-period", nil, .int64, default: "-1"), .init("timeout", nil, .duration, default: "0s"),
        .init("wait", nil, .bool), .init("raw"), .init("subresource"),
        .init("dry-run", nil, .string, default: "none"), .init("output", "o"), .init("save-config", nil, .bool),
        .init("validate", nil, .string, default: "strict"), .init("field-manager", nil, .string, default: "kubectl-replace"),
        .init("template"), .init("allow-missing-template-keys", nil, .bool, default: "true"),
        .init("show-managed-fields", nil, .bool),
    ])

    func run(_ call: Invocation) throws -> Int32 {
        // Complete, in replace.go's order.
        try ManifestReader.checkValidateFlag(call.flags.string("validate"))
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        let propagation = try DeleteCommand.propagation(call.flags.string("cascade"))
        var grace = min(call.flags.int("grace-period") ?? -1, DeleteCommand.longestGracePeriodSeconds)
        var waitForDeletion = call.flags.bool("wait")
        // As delete does, --grace-period=0 becomes 1 second and a wait, against accidental loss.
        if grace == 0 {
            grace = 1
            waitForDeletion = true
        }
        let paths = call.flags.strings("filename")
        if paths.isEmpty && !call.flags.isSet("kustomize") { throw KubectlFailure.error("must specify one of -f and -k") }
        // Validate.
        let force = call.flags.bool("force")
        let timeout = Duration.parseGo(call.flags.string("timeout")) ?? 0
        if grace >= 0 && !force { throw KubectlFailure.error("--grace-period must have --force specified") }
        if timeout != 0 && !force { throw KubectlFailure.error("--timeout must have --force specified") }
        if force && dryRun != .none { throw KubectlFailure.error("--dry-run can not be used when --force is set") }
        if call.flags.isSet("kustomize") {
            if !paths.isEmpty { throw KubectlFailure.error("only one of -f or -k can be specified") }
            throw KubectlFailure.error("kustomize is not available in kubelab; replace with the generated manifests and -f")
        }
        if call.flags.isSet("raw") { throw KubectlFailure.error("kubelab does not simulate \"kubectl replace --raw\" yet") }
        if call.flags.isSet("subresource") { throw KubectlFailure.error("kubelab does not simulate \"kubectl replace --subresource\" yet") }

        let batch = Namespaces.check(try ManifestReader.read(paths, recursive: call.flags.bool("recursive"), files: call.kubectl.files,
                                                             stdin: call.io.stdin, validate: ManifestReader.validates(call.flags.string("validate"))),
                                     call: call)
        let request = Request(call: call, output: output)
        if force {
            return try request.forceReplace(batch, deletion: Deletion(propagation: propagation, grace: grace,
                                                                       waits: waitForDeletion, timeout: timeout))
        }
        return try request.replace(batch, dryRun: dryRun)
    }

    /// How `--force` deletes before it creates again.
    struct Deletion {
        var propagation: APIServer.Propagation
        /// Seconds, or -1 for each object's own period.
        var grace: Int
        /// `--wait` (or `--grace-period=0`): DeleteResult waits by uid first.
        var waits: Bool
        var timeout: Millis
    }

    /// One replace's reading of the flags, shared by both ways of replacing.
    struct Request {
        let call: Invocation
        let output: OutputFormat

        /// The manifest's object as replace sends it: in its namespace, with the last-applied
        /// annotation written (`--save-config`) or kept up to date (when the manifest has one).
        /// replace has no `--record` (its RecordFlags are nil), so no change cause is written either.
        func prepared(_ m: Manifest) -> JSONValue {
            var obj = m.object
            let ns = Namespaces.namespace(for: obj, resource: m.type, call: call)
            if m.type.namespaced { obj["metadata"]["namespace"] = .string(ns) }
            if call.flags.bool("save-config") || obj.annotations[ThreeWayMerge.lastAppliedKey] != nil {
                obj["metadata"]["annotations"][ThreeWayMerge.lastAppliedKey] = .string(ThreeWayMerge.annotationValue(for: obj))
            }
            return obj
        }

        /// Replace's visit: each object is sent (or, in a client dry run, printed) as it is read;
        /// an object that fails does not stop the others.
        func replace(_ batch: ManifestBatch, dryRun: DryRun) throws -> Int32 {
            var errors: [VerbError] = []
            var printed: [(ResourceType, JSONValue)] = []
            for item in batch.items {
                guard case .manifest(let m) = item else {
                    if case .failure(let e) = item { errors.append(e) }
                    continue
                }
                let obj = prepared(m)
                do {
                    let replaced = dryRun == .client
                        ? obj : try call.api.update(obj, as: m.type, dryRun: dryRun == .server, verb: "update")
                    report(m.type, replaced, suffix: dryRun.suffix, into: &printed)
                } catch {
                    errors.append(.api(error.fromSource("replacing", m.source)))
                }
            }
            return try finish(printed, errors)
        }

        /// forceReplace: deletes what exists (ignoring what does not), waits for each object to be
        /// gone as it polls, once a second, and creates every object again.
        func forceReplace(_ batch: ManifestBatch, deletion: Deletion) throws -> Int32 {
            // Nothing is deleted when a manifest cannot be read: its object could not be made again.
            if !batch.failures.isEmpty { return ErrorReport.finish(batch.failures, call: call) }
            let manifests = batch.manifests
            var deleted: [(ref: ObjectRef, uid: String)] = []
            for m in manifests {
                let ref = ref(of: m)
                guard let live = call.store.get(ref) else { continue }
                do {
                    _ = try call.api.delete(ref, propagation: deletion.propagation, gracePeriodSeconds: deletion.grace >= 0 ? deletion.grace : nil)
                } catch {
                    return ErrorReport.finish([.api(error.fromSource("deleting", m.source))], call: call)
                }
                if output == .name { call.out("\(m.type.qualifiedKind)/\(ref.name)\n") }
                else { call.out("\(m.type.qualifiedKind) \"\(ref.name)\" deleted\n") }
                deleted.append((ref, live.uid))
            }
            if deleted.isEmpty { call.out("No resources found\n") }
            if deletion.waits && !deleted.isEmpty {
                let timedOut = DeletionWait(targets: deleted).run(timeout: deletion.timeout, call: call)
                if !timedOut.isEmpty { return ErrorReport.finish(timedOut, call: call) }
            }
            // wait.PollUntilContextTimeout by name, 5 minutes unless --timeout says otherwise: a pod
            // its controller makes again under the same name keeps the wait going.
            let limit = deletion.timeout > 0 ? deletion.timeout : 5 * 60_000
            let start = call.cluster.now
            for m in manifests {
                while call.store.get(ref(of: m)) != nil {
                    if call.cluster.now - start >= limit { throw KubectlFailure.error("context deadline exceeded") }
                    guard call.kubectl.wait(1000) else { return 1 }
                }
            }
            if manifests.isEmpty { throw KubectlFailure.error("no objects passed to replace") }
            var printed: [(ResourceType, JSONValue)] = []
            for m in manifests {
                do {
                    let created = try call.api.create(prepared(m), as: m.type)
                    report(m.type, created, suffix: "", into: &printed)
                } catch {
                    return try finish(printed, [.api(error)])
                }
            }
            return try finish(printed, [])
        }

        private func ref(of m: Manifest) -> ObjectRef {
            ObjectRef(m.type, namespace: Namespaces.namespace(for: m.object, resource: m.type, call: call), name: m.object.name)
        }

        /// PrintFlags("replaced"): the message now, or the object kept for the printer.
        private func report(_ type: ResourceType, _ object: JSONValue, suffix: String, into printed: inout [(ResourceType, JSONValue)]) {
            if output == .table { call.out("\(type.qualifiedKind)/\(object.name) replaced\(suffix)\n") }
            else { printed.append((type, object)) }
        }

        private func finish(_ printed: [(ResourceType, JSONValue)], _ errors: [VerbError]) throws -> Int32 {
            if output != .table, !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
            return ErrorReport.finish(errors, call: call)
        }
    }
}
