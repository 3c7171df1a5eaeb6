import KubeAPI

extension WatchEvent {
    /// Whether the object has a managing controller of another kind than `kind`, and so did its
    /// previous version: a change a `kind` controller's pod bookkeeping can pass over at once,
    /// before reading any other field (most pod writes belong to one controller, and every
    /// pod-watching controller hears each of them).
    func isControlled(byAnotherKindThan kind: String) -> Bool {
        guard let ref = podControllerRef, ref["kind"].string != kind else { return false }
        guard old != nil else { return true }
        guard let oldRef = oldPodControllerRef else { return false }
        return oldRef["kind"].string != kind
    }
}
