import KubeAPI

/// Waiting for something to become true of the cluster while its clock moves, as `rollout status`
/// and `kubectl wait` do with a watch. Time passes through `Kubectl.wait(_:)`, so a wait follows
/// the wall clock at the keyboard and the virtual clock in scripts.
///
/// Without a timeout kubectl waits until Ctrl-C; a script cannot, so there the wait ends once the
/// cluster has been quiet for `DeletionWait.scriptQuietPeriod` and the caller says so. Every
/// wait is bounded by `WaitLimit`.
struct ConditionWait {
    enum Outcome: Equatable {
        /// The condition held.
        case met
        /// The requested timeout passed.
        case timedOut
        /// The user interrupted.
        case interrupted
        /// A script's wait without a timeout found nothing changing any more.
        case quiet
        /// kubelab's wait cap ended it.
        case capped
    }

    static let step: Millis = 250

    /// Waits until `check` says done. `onEvent` sees every change to objects of `resource` first
    /// (kubectl prints as its watch delivers them) and may itself end the wait by returning true.
    /// - Parameter timeout: nil waits without a limit (until Ctrl-C).
    static func run(_ call: Invocation, timeout: Millis?, resource: ResourceType,
                    onEvent: @escaping (WatchEvent) -> Bool = { _ in false }, check: () -> Bool) -> Outcome
    {
        var finished = false
        var lastChange = call.cluster.now
        let token = call.store.watch({ $0.kind != "Event" }) { event in
            guard !finished else { return }
            lastChange = call.cluster.now
            if event.resource == resource, onEvent(event) { finished = true }
        }
        defer { call.store.unwatch(token) }
        let scripted = call.io.terminal?.mode != .interactive
        let start = call.cluster.now
        let wanted = timeout ?? DeletionWait.week
        let limit = WaitLimit.bounded(wanted)
        while true {
            if finished || check() { return .met }
            let waited = call.cluster.now - start
            if waited >= limit { return limit < wanted ? .capped : .timedOut }
            if timeout == nil && scripted && call.cluster.now - lastChange >= DeletionWait.scriptQuietPeriod { return .quiet }
            guard call.kubectl.wait(min(step, limit - waited)) else { return .interrupted }
            if call.io.terminal?.isInterrupted() == true { return .interrupted }
        }
    }

    /// kubelab's note when a script's endless wait stopped because nothing changed.
    static func quietNote(_ what: String) -> String {
        "kubelab: stopped waiting after \(DeletionWait.scriptQuietPeriod / 1000)s with nothing changing: \(what) "
            + "(kubectl would keep waiting until Ctrl-C)\n"
    }
}
