import KubeAPI

/// A container whose process acts by itself every so often (a controller shipped as an image,
/// such as one that watches nodes through the API): the kubelet runs one round of it per period
/// of cluster time while the container runs, and stops with the container (restart, deletion,
/// node stop). What a round does is the image's business; it acts on the cluster through the API.
public protocol PeriodicContainerBehaviour: ContainerBehaviour {
    /// The time between rounds of the started process, nil for processes that only serve requests.
    func roundInterval(of launch: ContainerLaunch) -> Millis?
    /// One round, at the current cluster time.
    func runRound(of launch: ContainerLaunch)
}

extension Kubelet {
    /// Upper bound on rounds one container runs, so a container left running for a simulated year
    /// still ends its timer chain.
    static let maxRounds = 10_000_000

    /// Arranges the rounds of a container just started, if its process has any.
    func scheduleRounds(_ rt: PodRuntime, isInit: Bool, index i: Int, launch: ContainerLaunch, containerID id: String,
                        in cluster: Cluster) {
        guard !isInit, let periodic = behaviour as? PeriodicContainerBehaviour,
            let interval = periodic.roundInterval(of: launch), interval > 0
        else { return }
        scheduleRound(1, of: periodic, rt, index: i, launch: launch, containerID: id, epoch: rt.epoch, every: interval, in: cluster)
    }

    /// The `round`th round, one interval from now, if the same container is still running then.
    private func scheduleRound(_ round: Int, of periodic: PeriodicContainerBehaviour, _ rt: PodRuntime, index i: Int,
                               launch: ContainerLaunch, containerID id: String, epoch: Int, every interval: Millis,
                               in cluster: Cluster) {
        guard round <= Self.maxRounds else { return }
        cluster.schedule(after: interval) { [weak self, weak periodic, unowned cluster] in
            guard let self, let periodic, self.isCurrent(rt, epoch), let c = self.container(rt, isInit: false, i),
                c.containerID == id, c.isRunning
            else { return }
            periodic.runRound(of: launch)
            self.scheduleRound(round + 1, of: periodic, rt, index: i, launch: launch, containerID: id, epoch: epoch,
                               every: interval, in: cluster)
        }
    }
}
