import KubeAPI

/// `kubectl rollout status`: prints the rollout's state each time the object changes until it is
/// done (`--watch=false`: once). The texts are the status viewers' (`polymorphichelpers/rollout_status.go`),
/// computed from the object alone, so a DaemonSet's come from the status its controller writes.
enum RolloutStatus {
    struct Viewed: Equatable {
        var message: String
        var done: Bool
    }

    static func run(_ call: Invocation) throws -> Int32 {
        let sel = try RolloutCommand.targets(call)
        let revision = Int(call.flags.string("revision")) ?? 0
        let timeoutMillis = Duration.parseGo(call.flags.string("timeout")) ?? 0
        let watch = call.flags.bool("watch")
        guard !sel.objects.isEmpty || !sel.errors.isEmpty else {
            call.err(RolloutCommand.noResources(call))
            return 0
        }
        // The builder's lookup errors end the command before any object is watched.
        if !sel.errors.isEmpty { return ErrorReport.finish(lines: sel.errors, call: call) }
        for (r, obj) in sel.objects {
            guard RolloutCommand.kinds.contains(r.kind) else {
                throw KubectlFailure.error("no status viewer has been implemented for \(r.kind)")
            }
            let ref = ObjectRef(r, namespace: obj.namespace ?? "", name: obj.name)
            var failure: String?
            var deleted = false
            func show(_ object: JSONValue) -> Bool {
                do {
                    let viewed = try view(object, kind: r.kind, revision: revision)
                    call.out(viewed.message)
                    return viewed.done || !watch
                } catch {
                    failure = error.message
                    return true
                }
            }
            if show(obj) {
                if let failure { throw KubectlFailure.error(failure) }
                continue
            }
            let outcome = ConditionWait.run(call, timeout: timeoutMillis > 0 ? timeoutMillis : nil, resource: r, onEvent: { event in
                guard event.object.name == ref.name, (event.object.namespace ?? "") == ref.namespace else { return false }
                if event.kind == .deleted { deleted = true; return true }
                return show(event.object)
            }, check: { false })
            if deleted { throw KubectlFailure.error("object has been deleted") }
            if let failure { throw KubectlFailure.error(failure) }
            switch outcome {
            case .met, .interrupted: continue
            case .timedOut: throw KubectlFailure.error("timed out waiting for the condition")
            case .quiet:
                call.err(ConditionWait.quietNote("the rollout of \(RolloutCommand.name(r, obj)) is not done"))
                return 0
            case .capped:
                call.err(WaitLimit.message(verb: "rollout status"))
                return 0
            }
        }
        return 0
    }

    struct ViewError: Error { let message: String }

    static func view(_ obj: JSONValue, kind: String, revision: Int) throws(ViewError) -> Viewed {
        switch kind {
        case "StatefulSet": return try statefulSet(obj)
        case "Deployment": return try deployment(obj, revision: revision)
        default: return try daemonSet(obj)
        }
    }

    static func statefulSet(_ sts: JSONValue) throws(ViewError) -> Viewed {
        let spec = sts["spec"], status = sts["status"]
        guard (spec["updateStrategy"]["type"].string ?? "RollingUpdate") == "RollingUpdate" else {
            throw ViewError(message: "rollout status is only available for RollingUpdate strategy type")
        }
        let observed = status["observedGeneration"].int ?? 0
        if observed == 0 || (sts["metadata"]["generation"].int ?? 0) > observed {
            return Viewed(message: "Waiting for statefulset spec update to be observed...\n", done: false)
        }
        let replicas = spec["replicas"].int ?? 1
        let ready = status["readyReplicas"].int ?? 0
        if ready < replicas { return Viewed(message: "Waiting for \(replicas - ready) pods to be ready...\n", done: false) }
        let updated = status["updatedReplicas"].int ?? 0
        let rolling = spec["updateStrategy"]["rollingUpdate"]
        if rolling.object != nil {
            if let partition = rolling["partition"].int, updated < replicas - partition {
                return Viewed(message: "Waiting for partitioned roll out to finish: \(updated) out of \(replicas - partition) new pods have been updated...\n",
                              done: false)
            }
            return Viewed(message: "partitioned roll out complete: \(updated) new pods have been updated...\n", done: true)
        }
        let updateRevision = status["updateRevision"].string ?? "", currentRevision = status["currentRevision"].string ?? ""
        if updateRevision != currentRevision {
            return Viewed(message: "waiting for statefulset rolling update to complete \(updated) pods at revision \(updateRevision)...\n", done: false)
        }
        return Viewed(message: "statefulset rolling update complete \(status["currentReplicas"].int ?? 0) pods at revision \(currentRevision)...\n",
                      done: true)
    }

    static func deployment(_ d: JSONValue, revision: Int) throws(ViewError) -> Viewed {
        let name = d.name, status = d["status"]
        if revision > 0 {
            let running = Int(d.annotations[RolloutHistory.deploymentRevisionKey] ?? "") ?? 0
            guard revision == running else {
                throw ViewError(message: "desired revision (\(revision)) is different from the running revision (\(running))")
            }
        }
        guard (d["metadata"]["generation"].int ?? 0) <= (status["observedGeneration"].int ?? 0) else {
            return Viewed(message: "Waiting for deployment spec update to be observed...\n", done: false)
        }
        let progressing = status["conditions"].items.first { $0["type"].string == "Progressing" }
        if progressing?["reason"].string == "ProgressDeadlineExceeded" {
            throw ViewError(message: "deployment \(KubeAPI.GoFormat.quoted(name)) exceeded its progress deadline")
        }
        let replicas = d["spec"]["replicas"].int ?? 1
        let updated = status["updatedReplicas"].int ?? 0, total = status["replicas"].int ?? 0
        let available = status["availableReplicas"].int ?? 0
        let quoted = KubeAPI.GoFormat.quoted(name)
        if updated < replicas {
            return Viewed(message: "Waiting for deployment \(quoted) rollout to finish: \(updated) out of \(replicas) new replicas have been updated...\n", done: false)
        }
        if total > updated {
            return Viewed(message: "Waiting for deployment \(quoted) rollout to finish: \(total - updated) old replicas are pending termination...\n", done: false)
        }
        if available < updated {
            return Viewed(message: "Waiting for deployment \(quoted) rollout to finish: \(available) of \(updated) updated replicas are available...\n", done: false)
        }
        return Viewed(message: "deployment \(quoted) successfully rolled out\n", done: true)
    }

    static func daemonSet(_ ds: JSONValue) throws(ViewError) -> Viewed {
        let status = ds["status"], quoted = KubeAPI.GoFormat.quoted(ds.name)
        guard (ds["spec"]["updateStrategy"]["type"].string ?? "RollingUpdate") == "RollingUpdate" else {
            // The upstream viewer names the StatefulSet constant here; both read RollingUpdate.
            throw ViewError(message: "rollout status is only available for RollingUpdate strategy type")
        }
        guard (ds["metadata"]["generation"].int ?? 0) <= (status["observedGeneration"].int ?? 0) else {
            return Viewed(message: "Waiting for daemon set spec update to be observed...\n", done: false)
        }
        let desired = status["desiredNumberScheduled"].int ?? 0
        let updated = status["updatedNumberScheduled"].int ?? 0, available = status["numberAvailable"].int ?? 0
        if updated < desired {
            return Viewed(message: "Waiting for daemon set \(quoted) rollout to finish: \(updated) out of \(desired) new pods have been updated...\n", done: false)
        }
        if available < desired {
            return Viewed(message: "Waiting for daemon set \(quoted) rollout to finish: \(available) of \(desired) updated pods are available...\n", done: false)
        }
        return Viewed(message: "daemon set \(quoted) successfully rolled out\n", done: true)
    }
}
