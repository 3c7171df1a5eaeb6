import KubeAPI
import KubeSim

/// `kubectl rollout restart|pause|resume`: one strategic merge patch each
/// (`polymorphichelpers/objectrestarter.go`, `objectpauser.go`, `objectresumer.go`). Restart stamps
/// the pod template with `kubectl.kubernetes.io/restartedAt`, so every pod is replaced; pause and
/// resume flip a Deployment's `spec.paused`. Errors are collected per object as kubectl aggregates them.
enum RolloutTemplatePatch {
    static let restartedAtKey = "kubectl.kubernetes.io/restartedAt"

    /// The patch for one object, or the reason there is none (printed after `plural "name" `).
    typealias Change = (ResourceType, JSONValue, Millis) -> Result<JSONValue, ChangeError>

    struct ChangeError: Error { let reason: String }

    static func restart(_ call: Invocation) throws -> Int32 {
        try run(call, done: "restarted") { r, obj, now in
            guard RolloutCommand.kinds.contains(r.kind) else { return .failure(ChangeError(reason: "restarting is not supported")) }
            if r.kind == "Deployment" && obj["spec"]["paused"].bool == true {
                return .failure(ChangeError(reason: "can't restart paused deployment (run rollout resume first)"))
            }
            let stamp = JSONValue.string(Timestamp.rfc3339(now))
            // The same second twice makes an empty patch, which kubectl refuses.
            if obj["spec"]["template"]["metadata"]["annotations"][restartedAtKey] == stamp { return .success([:]) }
            var patch: JSONValue = [:]
            patch["spec"]["template"]["metadata"]["annotations"][restartedAtKey] = stamp
            return .success(patch)
        }
    }

    static func pause(_ call: Invocation) throws -> Int32 {
        try run(call, done: "paused") { r, obj, _ in
            guard r.kind == "Deployment" else { return .failure(ChangeError(reason: "pausing is not supported")) }
            if obj["spec"]["paused"].bool == true { return .failure(ChangeError(reason: "is already paused")) }
            return .success(["spec": ["paused": true]])
        }
    }

    static func resume(_ call: Invocation) throws -> Int32 {
        try run(call, done: "resumed") { r, obj, _ in
            guard r.kind == "Deployment" else { return .failure(ChangeError(reason: "resuming is not supported")) }
            if obj["spec"]["paused"].bool != true { return .failure(ChangeError(reason: "is not paused")) }
            return .success(["spec": ["paused": .null]])
        }
    }

    static func run(_ call: Invocation, done: String, change: Change) throws -> Int32 {
        let sel = try RolloutCommand.targets(call)
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        var errors = sel.errors
        if sel.objects.isEmpty && errors.isEmpty {
            call.err(RolloutCommand.noResources(call))
            return 0
        }
        for (r, obj) in sel.objects {
            switch change(r, obj, call.cluster.now) {
            case .failure(let e):
                errors.append("error: \(r.qualifiedPlural) \(KubeAPI.GoFormat.quoted(obj.name)) \(e.reason)")
            case .success(let patch) where patch.object?.isEmpty != false:
                errors.append("failed to create patch for \(obj.name): if restart has already been triggered within the past second, please wait before attempting to trigger another")
            case .success(let patch):
                let ref = ObjectRef(r, namespace: obj.namespace ?? "", name: obj.name)
                do {
                    let outcome = try call.cluster.api.patch(ref, type: .strategic, body: JSONText.compact(patch))
                    if output == .table { call.out("\(RolloutCommand.name(r, obj)) \(done)\n") }
                    else { try ObjectOutput.printEach([(r, outcome.object)], format: output, call: call) }
                } catch let e as APIError {
                    errors.append("failed to patch: \(e.statusMessage)")
                }
            }
        }
        if errors.count == 1, !errors[0].hasPrefix("error: "), !errors[0].hasPrefix("Error from server") { errors[0] = "error: " + errors[0] }
        return ErrorReport.finish(lines: errors, call: call)
    }
}
