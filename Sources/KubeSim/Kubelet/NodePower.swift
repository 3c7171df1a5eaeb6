import KubeAPI

/// The machines under the nodes, as a tutorial's Vagrant setup drives them: `vagrant halt node1`
/// powers a machine off (kubelet, containers and all), `vagrant up node1` boots it, and
/// `systemctl stop kubelet` on it stops only the kubelet while its containers keep running.
/// Noticing that a node went quiet is the node lifecycle controller's job, from its Lease.
extension Cluster {
    /// The machines in the order they were created (control plane first), and whether each is on.
    public var machines: [(name: String, poweredOn: Bool)] {
        guard let kubelet = controller(Kubelet.self) else { return [] }
        return kubelet.machineOrder.compactMap { name in kubelet.agents[name].map { (name, $0.poweredOn) } }
    }

    /// Stops the node's kubelet: its pods stop changing and deletions on it wait.
    public func stopNode(_ name: String) {
        controller(Kubelet.self)?.stopNode(name, in: self)
    }

    /// Starts the node's kubelet again (registering the node anew if it was deleted meanwhile).
    public func startNode(_ name: String) {
        controller(Kubelet.self)?.startNode(name, in: self)
        settle()
    }

    /// Powers the machine off: its kubelet stops with it, and so do its containers.
    public func powerOff(_ name: String) {
        guard let kubelet = controller(Kubelet.self), let agent = kubelet.agents[name], agent.poweredOn else { return }
        kubelet.stopNode(name, in: self)
        agent.poweredOn = false
        agent.poweredOffAt = now
    }

    /// Boots the machine; its kubelet starts as the machine comes up, finds no sandbox of its
    /// pods left and starts them again.
    public func powerOn(_ name: String) {
        guard let kubelet = controller(Kubelet.self), let agent = kubelet.agents[name], !agent.poweredOn else { return }
        agent.poweredOn = true
        kubelet.startNode(name, rebooted: true, in: self)
        settle()
    }

    /// Whether the node's kubelet is running (false for unknown nodes).
    public func isNodeRunning(_ name: String) -> Bool {
        controller(Kubelet.self)?.isNodeRunning(name) ?? false
    }

    /// Whether a machine of that name exists (whether or not its Node object does).
    public func isPoweredOn(_ name: String) -> Bool? {
        controller(Kubelet.self)?.agents[name]?.poweredOn
    }
}
