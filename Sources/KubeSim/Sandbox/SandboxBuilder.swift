import KubeAPI

/// Creates the sandbox's objects in the order a kubeadm install would, moving the clock between
/// steps so creation times differ as in a real cluster.
struct SandboxBuilder {
    let cluster: Cluster
    let boot: Millis
    var nodeUIDs: [String: String] = [:]
    var controlPlaneName = Sandbox.masterName
    /// Names of the workers in order; `Sandbox.workerName(i)` past its end.
    var workerNames: [String] = []

    init(cluster: Cluster, boot: Millis) {
        self.cluster = cluster
        self.boot = boot
    }

    static func type(_ kind: String) -> ResourceType? { ResourceRegistry.forKind(kind) }

    @discardableResult
    func put(_ kind: String, _ object: JSONValue, uid: String? = nil) -> JSONValue {
        guard let type = Self.type(kind) else { return object }
        return (try? cluster.store.create(type, object, uid: uid)) ?? object
    }

    @discardableResult
    func apiCreate(_ kind: String, _ object: JSONValue) -> JSONValue {
        guard let type = Self.type(kind) else { return object }
        return (try? cluster.api.create(object, as: type)) ?? object
    }

    func at(_ offset: Millis) {
        cluster.advance(to: boot + offset)
    }

    static func masterIP() -> String { "192.168.56.10" }
    static func workerIP(_ i: Int) -> String { "192.168.56.\(10 + i)" }

    mutating func build(workers: Int) {
        at(0)
        for ns in ["default", "kube-node-lease", "kube-public", "kube-system"] {
            apiCreate("Namespace", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(ns)]])
        }
        at(2_000)
        let master = put("Node", SandboxNodes.node(name: controlPlaneName, ip: Self.masterIP(), index: 0,
                                                    controlPlane: true, created: cluster.now, rng: &cluster.rng))
        nodeUIDs[master.name] = master.uid
        at(9_000)
        let kubernetes = apiCreate("Service", SandboxSystem.kubernetesService())
        put("Endpoints", SandboxSystem.kubernetesEndpoints(masterIP: Self.masterIP()))
        EndpointSliceController.createKubernetesSlice(masterIP: Self.masterIP(), serviceUID: kubernetes.uid, in: cluster.store)
        at(14_000)
        for component in SandboxSystem.controlPlaneComponents {
            put("Pod", SandboxSystem.staticPod(component, node: master, nodeIP: Self.masterIP(), rng: &cluster.rng, now: cluster.now))
        }
        at(21_000)
        for sa in ["coredns", "kube-proxy"] {
            put("ServiceAccount", ["apiVersion": "v1", "kind": "ServiceAccount",
                                   "metadata": ["name": .string(sa), "namespace": "kube-system"]])
        }
        put("ConfigMap", SandboxSystem.corednsConfigMap())
        let deployment = put("Deployment", SandboxSystem.corednsDeployment())
        let replicaSet = put("ReplicaSet", SandboxSystem.corednsReplicaSet(owner: deployment))
        // The ReplicaSet's pods exist before its controller first syncs it, so it adopts them
        // instead of creating its own.
        for _ in 0..<2 {
            let pod = SandboxSystem.corednsPod(owner: replicaSet, rng: &cluster.rng)
            admitAndRun(pod, node: controlPlaneName, nodeIP: Self.masterIP(), podIP: nil)
        }
        let daemonSet = put("DaemonSet", SandboxSystem.kubeProxyDaemonSet(desired: workers + 1))
        putOutsideSequence("ControllerRevision", SandboxSystem.kubeProxyRevision(owner: daemonSet), seed: daemonSet.uid)
        apiCreate("Service", SandboxSystem.kubeDNSService())
        at(23_000)
        addKubeProxy(daemonSet: daemonSet, node: controlPlaneName, ip: Self.masterIP())
        for i in 1...max(1, workers) where workers > 0 {
            at(240_000 + Millis(i - 1) * 95_000)
            let name = i <= workerNames.count ? workerNames[i - 1] : Sandbox.workerName(i)
            let node = put("Node", SandboxNodes.node(name: name, ip: Self.workerIP(i), index: i, controlPlane: false,
                                                      created: cluster.now, rng: &cluster.rng))
            nodeUIDs[name] = node.uid
            at(240_000 + Millis(i - 1) * 95_000 + 18_000)
            addKubeProxy(daemonSet: daemonSet, node: name, ip: Self.workerIP(i))
        }
        at(Millis(1 * 3600 + 47 * 60 + 12) * 1000)
        for sc in SandboxStorage.classes() { put("StorageClass", sc) }
        cluster.settle()
    }

    /// Stores an object whose uid comes from a generator of its own (seeded from `seed`) instead of
    /// the cluster's, for objects the sandbox gained after its random sequence was fixed (kube-proxy's
    /// revision): every later pod name, IP and uid, and so every recorded transcript, stays as it was.
    @discardableResult
    func putOutsideSequence(_ kind: String, _ object: JSONValue, seed: String) -> JSONValue {
        var own = SeededGenerator(seed: UInt64(RevisionHash.fnv1(Array(seed.utf8))))
        return put(kind, object, uid: own.uuid())
    }

    private func addKubeProxy(daemonSet: JSONValue, node: String, ip: String) {
        let pod = SandboxSystem.kubeProxyPod(owner: daemonSet, node: node, rng: &cluster.rng)
        admitAndRun(pod, node: node, nodeIP: ip, podIP: ip)
    }

    /// Runs the pod through the API server's whole create path short of storing it (defaulting,
    /// validation and the admission plugins, as for any pod), then stores it as already running,
    /// the way the kubelet would have reported it a little later.
    private func admitAndRun(_ pod: JSONValue, node: String, nodeIP: String, podIP: String?) {
        guard let podType = Self.type("Pod"), var admitted = try? cluster.api.admittedForCreate(pod, as: podType).object else { return }
        admitted["spec"]["nodeName"] = .string(node)
        let ip = podIP ?? nextPodIP(node: node)
        admitted["status"] = SandboxPods.runningStatus(for: admitted, hostIP: nodeIP, podIP: ip, created: cluster.now,
                                                       rng: &cluster.rng)
        put("Pod", admitted)
    }

    /// Flannel hands out .2, .3, ... on the master's 10.244.0.0/24 to the first pods.
    private func nextPodIP(node: String) -> String {
        guard let podType = Self.type("Pod") else { return "10.244.0.2" }
        let used = cluster.store.list(podType).filter {
            $0["spec"]["nodeName"].string == node && $0["spec"]["hostNetwork"].bool != true
        }.count
        return "10.244.0.\(2 + used)"
    }
}
