import KubeAPI

/// kubectl delete's default `--wait`: blocks until every deleted object has left the store.
///
/// Waits by uid, since a StatefulSet pod comes back under the same name and that new pod is not the
/// one being waited for. Without `--timeout` kubectl waits a week, so at the keyboard only Ctrl-C
/// ends it; a script cannot wait that long, so it stops once the cluster has been quiet for
/// `scriptQuietPeriod` and says so (a claim a pod still uses is held by its finalizer until then).
/// With `--timeout` the wait ends as kubectl's does: `timed out waiting for the condition on ...`.
struct DeletionWait {
    static let scriptQuietPeriod: Millis = 60_000
    static let week: Millis = 168 * 3_600_000

    var targets: [(ref: ObjectRef, uid: String)]

    /// The errors of a `--timeout` that expired (none when everything went or the wait was cut short).
    func run(timeout: Millis, call: Invocation) -> [VerbError] {
        let scripted = call.io.terminal?.mode != .interactive
        var lastChange = call.cluster.now
        let token = call.store.watch({ $0.kind != "Event" }) { event in if !event.isHeartbeat { lastChange = call.cluster.now } }
        defer { call.store.unwatch(token) }
        call.cluster.settle()
        let start = call.cluster.now
        // kubelab's wait cap bounds even kubectl's week (and a --timeout longer than the cap).
        let wanted = timeout > 0 ? timeout : Self.week
        let limit = WaitLimit.bounded(wanted)
        while !remaining(call).isEmpty && call.cluster.now - start < limit {
            if timeout == 0 && scripted && call.cluster.now - lastChange >= Self.scriptQuietPeriod {
                call.err(remaining(call).map { Self.stillWaitingNote($0, call: call) }.joined())
                return []
            }
            // Foreground deletion and graceful pod termination complete as the clock moves.
            guard call.kubectl.wait(250) else { return [] }
        }
        if limit < wanted && !remaining(call).isEmpty {
            call.err(WaitLimit.message(verb: "delete"))
            return []
        }
        return remaining(call).map { .message("timed out waiting for the condition on \($0.resource.qualifiedPlural)/\($0.name)") }
    }

    private func remaining(_ call: Invocation) -> [ObjectRef] {
        targets.filter { call.store.get($0.ref)?.uid == $0.uid }.map(\.ref)
    }

    /// kubelab's own words (kubectl would still be waiting): what holds the object.
    static func stillWaitingNote(_ ref: ObjectRef, call: Invocation) -> String {
        let finalizers = call.store.get(ref)?["metadata"]["finalizers"].items.compactMap(\.string) ?? []
        let holder = finalizers.isEmpty ? "is still terminating" : "is held by its finalizer \(finalizers.joined(separator: ", "))"
        return "kubelab: stopped waiting after \(scriptQuietPeriod / 1000)s with nothing changing: \(ref.resource.qualifiedPlural) "
            + "\"\(ref.name)\" \(holder) (kubectl would keep waiting until Ctrl-C)\n"
    }
}
