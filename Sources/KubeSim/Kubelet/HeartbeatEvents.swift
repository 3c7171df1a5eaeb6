import KubeAPI

extension WatchEvent {
    /// A kubelet's heartbeat: a Lease renewal, or a node status whose only change is its
    /// conditions' `lastHeartbeatTime`. Waits that end once "nothing changes" ignore these, as
    /// they go on while a cluster is otherwise quiet.
    public var isHeartbeat: Bool {
        if resource.kind == "Lease" { return true }
        guard resource.kind == "Node", kind == .modified, let old else { return false }
        func withoutHeartbeats(_ node: JSONValue) -> JSONValue {
            var n = node
            n["metadata"]["resourceVersion"] = nil
            n["status"]["conditions"] = .array(node["status"]["conditions"].items.map { c in
                var c = c
                c["lastHeartbeatTime"] = nil
                return c
            })
            return n
        }
        return withoutHeartbeats(old) == withoutHeartbeats(object)
    }
}
