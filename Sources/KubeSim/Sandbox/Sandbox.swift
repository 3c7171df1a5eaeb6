import KubeAPI

/// The cluster a learner starts in: a kubeadm-style cluster with one control-plane node and N
/// workers, booted about twelve days before `start` so ages look lived-in, with every controller
/// registered.
public enum Sandbox {
    /// 2025-06-02T09:00:00Z, the instant a sandbox session begins unless told otherwise.
    public static let defaultStart: Millis = 1_748_854_800_000
    public static let kubernetesVersion = "v1.32.4"
    public static let containerRuntime = "containerd://1.7.24"
    public static let masterName = "k8s-master"
    public static let maxWorkerNodes = 250

    /// How long before `start` the control plane came up (12 days, 2 hours and a bit).
    static let uptime: Millis = ((12 * 24 + 2) * 3600 + 13 * 60 + 27) * 1000

    public static func workerName(_ index: Int) -> String { "k8s-node\(index)" }

    /// Builds the sandbox; `workerNodes` is clamped to 0...250. `nodeNames`, when given, names the
    /// control-plane node first and then the workers (a tutorial's `master`, `node1`, `node2`), and
    /// its length decides the number of workers.
    public static func make(seed: UInt64, workerNodes: Int = 2, start: Millis = defaultStart, nodeNames: [String] = []) -> Cluster {
        let workers = nodeNames.isEmpty ? max(0, min(workerNodes, maxWorkerNodes)) : min(nodeNames.count - 1, maxWorkerNodes)
        let boot = start - uptime
        let cluster = Cluster(seed: seed, start: boot)
        // The API server's bootstrap policy, as it starts. Created before any controller watches: the
        // aggregated roles already hold their rules, so nothing needs to react, and 118 creations with
        // no one to tell cost half what they cost with the controllers listening.
        BootstrapPolicyObjects.install(in: cluster)
        registerControllers(in: cluster)
        var builder = SandboxBuilder(cluster: cluster, boot: boot)
        if let first = nodeNames.first {
            builder.controlPlaneName = first
            builder.workerNames = Array(nodeNames.dropFirst())
        }
        let lifecycle = cluster.controller(NodeLifecycleController.self)
        lifecycle?.isDormant = true
        builder.build(workers: workers)
        startDaemonSetController(in: cluster)
        cluster.advance(to: start)
        cluster.controller(Kubelet.self)?.staggerHeartbeats(using: &cluster.rng)
        lifecycle?.wake(in: cluster)
        cluster.settle()
        return cluster
    }

    /// The DaemonSet controller starts once the sandbox's kube-proxy DaemonSet, revision and pods
    /// exist as a running cluster has them (the builder writes them at their own instants), and
    /// syncs every DaemonSet it finds, as an informer's first list makes it do.
    public static func startDaemonSetController(in cluster: Cluster) {
        let controller = DaemonSetController()
        cluster.register(controller)
        controller.resyncAll(in: cluster)
    }

    /// Every controller of the simulated control plane and kubelets but the DaemonSet controller
    /// (see `startDaemonSetController`), in a fixed order.
    public static func registerControllers(in cluster: Cluster) {
        cluster.register(NamespaceController())
        cluster.register(ServiceAccountController())
        cluster.register(NamespaceRootCAPublisher())
        cluster.register(GarbageCollectorController())
        cluster.register(PodGarbageCollector())
        cluster.register(Scheduler())
        let kubelet = Kubelet()
        cluster.register(kubelet)
        cluster.register(ticker: kubelet.heartbeat)
        let endpoints = EndpointsController()
        cluster.register(endpoints)
        cluster.register(EndpointSliceController(endpoints: endpoints))
        cluster.register(UnschedulableTaintController())
        cluster.register(ClusterRoleAggregationController())
        cluster.register(NodeLifecycleController())
        cluster.register(TaintEvictionController())
        cluster.register(DisruptionController())
        WorkloadControllers.register(in: cluster)
        cluster.register(ReplicaSetController())
        cluster.register(DeploymentController())
    }
}
