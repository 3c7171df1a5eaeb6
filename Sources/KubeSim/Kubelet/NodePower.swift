import KubeAPI

/// Switching a node's kubelet off and on (`vagrant halt node1` / `vagrant up node1`).
extension Cluster {
    /// Stops the node's kubelet: its pods stop changing and deletions on it wait. Marking the node
    /// NotReady and evicting its pods is the node lifecycle controller's job.
    public func stopNode(_ name: String) {
        controller(Kubelet.self)?.stopNode(name, in: self)
    }

    /// Starts the node's kubelet again.
    public func startNode(_ name: String) {
        controller(Kubelet.self)?.startNode(name, in: self)
        settle()
    }

    /// Whether the node's kubelet is running (false for unknown nodes).
    public func isNodeRunning(_ name: String) -> Bool {
        controller(Kubelet.self)?.isNodeRunning(name) ?? false
    }
}
