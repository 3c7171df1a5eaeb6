import KubeAPI

/// The kubelets of every node, as one controller: each node has its own `NodeAgent` (network,
/// images, up or down) and every pod bound to a node gets a `PodRuntime` that timed events move
/// through sandbox creation, image pulls, container starts, readiness, exits and termination.
public final class Kubelet: Controller {
    public let name = "kubelet"
    public let watchedKinds = WatchedKinds.only(["Node", "Pod"])
    /// What images are and what containers do; an image catalog replaces the default.
    public var behaviour: ContainerBehaviour = DefaultContainerBehaviour() {
        didSet { images.removeAll() }
    }

    /// What the kubelet learned about an image reference: its normalised name, the imageID it
    /// reports, and the registry's answer (nil when the image does not exist).
    struct ResolvedImage {
        let normalized: String
        let imageID: String
        let info: ImageInfo?
        /// The kubelet's message when the reference cannot be parsed (see ImageReferenceGrammar).
        let invalidName: String?
    }

    private var images: [String: ResolvedImage] = [:]

    func resolve(_ reference: String) -> ResolvedImage {
        if let known = images[reference] { return known }
        let info = behaviour.image(reference)
        let digest = (info ?? ImageReference.defaultInfo(for: reference)).digest
        let resolved = ResolvedImage(normalized: ImageReference.normalized(reference),
                                     imageID: ImageReference.repository(reference) + "@" + digest, info: info,
                                     invalidName: ImageReferenceGrammar.kubeletError(reference))
        images[reference] = resolved
        return resolved
    }

    static let podType = ResourceRegistry.forKind("Pod") ?? ResourceType(kind: "Pod", plural: "pods")

    var agents: [String: NodeAgent] = [:]
    /// Admitted pods waiting for the attach/detach controller to attach their volumes to the node.
    var awaitingAttach: [String: PodRuntime] = [:]
    /// Node names in the order their machines joined.
    var machineOrder: [String] = []
    /// The node leases and status reports of the running kubelets.
    public private(set) lazy var heartbeat = NodeHeartbeat(kubelet: self)
    var runtimes: [String: PodRuntime] = [:]
    /// Pods known per node, so stopping or starting a node touches only its own pods.
    var podsByNode: [String: Set<String>] = [:]
    /// Pods of a kubelet that just started again, until each is synced: true when its machine
    /// rebooted (the containers are gone), false when only the kubelet restarted (they still run).
    var resuming: [String: Bool] = [:]

    public init() {}

    // MARK: Controller

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        switch event.resource.kind {
        case "Node":
            observeNode(event, in: cluster)
            return []
        case "Pod":
            guard let node = event.object["spec"]["nodeName"].string, !node.isEmpty, agents[node] != nil else { return [] }
            let key = event.namespacedKey
            if event.kind == .deleted {
                podsByNode[node]?.remove(key)
                return [key]
            }
            // Our own status writes on a pod we already run need no sync.
            if event.kind == .modified, !event.object.isDeleting, let rt = runtimes[key], rt.uid == event.object.uid,
                rt.node == node
            {
                return []
            }
            podsByNode[node, default: []].insert(key)
            return [key]
        default:
            return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        let resumed = resuming.removeValue(forKey: key)
        guard let (ns, podName) = NamespacedKey.split(key) else { return }
        guard let pod = cluster.store.get(Self.podType, namespace: ns, name: podName) else {
            if let rt = runtimes.removeValue(forKey: key) { teardown(rt) }
            return
        }
        guard let nodeName = pod["spec"]["nodeName"].string, let agent = agents[nodeName], agent.running else { return }
        if let existing = runtimes[key], existing.uid != pod.uid || existing.node != nodeName {
            teardown(existing)
            runtimes[key] = nil
        }
        let rt: PodRuntime
        if let existing = runtimes[key] {
            rt = existing
        } else {
            let phase = pod["status"]["phase"].string ?? ""
            if phase == "Succeeded" || phase == "Failed" { return }
            rt = PodRuntime(namespace: ns, name: podName, uid: pod.uid, node: nodeName, agent: agent)
            runtimes[key] = rt
            if phase == "Running" && !pod["status"]["containerStatuses"].items.isEmpty {
                adopt(rt, pod: pod, agent: agent)
                if let rebooted = resumed, !pod.isDeleting {
                    if rebooted { recreateSandbox(rt, in: cluster) } else { resumeContainers(rt, pod: pod, in: cluster) }
                }
            } else {
                let epoch = rt.epoch
                cluster.schedule(after: Millis(cluster.rng.int(in: 40...220))) { [weak self, unowned cluster] in
                    guard let self, self.isCurrent(rt, epoch) else { return }
                    self.admit(rt, in: cluster)
                }
            }
        }
        if pod.isDeleting && !rt.terminating { beginTermination(rt, pod: pod, in: cluster) }
    }

    // MARK: Nodes

    private func observeNode(_ event: WatchEvent, in cluster: Cluster) {
        let node = event.object
        if event.kind == .deleted {
            agents[node.name]?.running = false
            return
        }
        let ip = node["status"]["addresses"].items.first { $0["type"].string == "InternalIP" }?["address"].string ?? ""
        if let agent = agents[node.name] {
            agent.hostIP = ip
            agent.setPodCIDR(node["spec"]["podCIDR"].string)
            agent.registration = node
            if event.old?["status"]["volumesAttached"] != node["status"]["volumesAttached"] {
                resumeAttached(on: node.name, in: cluster)
            }
            reportSchedulability(of: agent, node, in: cluster)
        } else {
            let agent = NodeAgent(name: node.name, hostIP: ip, podCIDR: node["spec"]["podCIDR"].string)
            agent.reportedUnschedulable = node["spec"]["unschedulable"].bool ?? false
            // The kubelet came up a little before it registered its node.
            agent.kubeletStartedAt = (node.creationTimestamp.flatMap(Timestamp.parse) ?? cluster.now) - 1_370
            agent.registration = node
            agents[node.name] = agent
            machineOrder.append(node.name)
            heartbeat.wake(at: cluster.now)
        }
    }

    /// Stops a node's kubelet and runtime (e.g. `vagrant halt`): its pods stop changing. The node's
    /// status is the node lifecycle controller's business.
    public func stopNode(_ name: String, in cluster: Cluster) {
        guard let agent = agents[name], agent.running else { return }
        // Its renewals up to now are real; after this there are none.
        heartbeat.catchUp(in: cluster)
        agent.running = false
        for key in podsByNode[name] ?? [] { runtimes[key]?.epoch += 1 }
    }

    /// Starts a stopped node's kubelet again: it registers its node if the object is gone, reports
    /// the node Ready, finishes deletions that happened while it was away, and takes up the pods
    /// it still has: after a reboot it starts them in new sandboxes, after a kubelet restart it
    /// finds their containers running.
    public func startNode(_ name: String, rebooted: Bool = false, in cluster: Cluster) {
        guard let agent = agents[name], !agent.running else { return }
        agent.running = true
        agent.kubeletStartedAt = cluster.now
        KubeletRegistration.register(agent, rebooted: rebooted, in: cluster)
        heartbeat.wake(at: cluster.now)
        for key in (podsByNode[name] ?? []).sorted() {
            if let rt = runtimes.removeValue(forKey: key) { teardown(rt) }
            resuming[key] = rebooted
            cluster.enqueue(self, key: key)
        }
    }

    /// A cordon or uncordon is reported by the kubelet's next node status update (every 10 s,
    /// `nodeStatusUpdateFrequency`) as a NodeNotSchedulable or NodeSchedulable event
    /// (upstream's `recordNodeSchedulableEvent`), if it still holds then.
    private func reportSchedulability(of agent: NodeAgent, _ node: JSONValue, in cluster: Cluster) {
        guard (node["spec"]["unschedulable"].bool ?? false) != agent.reportedUnschedulable, !agent.schedulableReportDue else { return }
        agent.schedulableReportDue = true
        let next = agent.nextTick(every: NodeHeartbeat.renewInterval, after: cluster.now)
        cluster.schedule(after: next - cluster.now) { [unowned cluster] in
            agent.schedulableReportDue = false
            guard agent.running, let current = cluster.store.get(KubeletRegistration.nodeType, namespace: nil, name: agent.name)
            else { return }
            let unschedulable = current["spec"]["unschedulable"].bool ?? false
            guard unschedulable != agent.reportedUnschedulable else { return }
            agent.reportedUnschedulable = unschedulable
            let state = unschedulable ? "NodeNotSchedulable" : "NodeSchedulable"
            cluster.recordEvent(for: current, type: "Normal", reason: state, message: "Node \(agent.name) status is now: \(state)",
                                source: "kubelet", host: agent.name)
        }
    }

    /// Pods on the node whose volumes are now attached go on to mount them.
    private func resumeAttached(on node: String, in cluster: Cluster) {
        for (key, rt) in awaitingAttach.sorted(by: { $0.key < $1.key }) where rt.node == node {
            guard let pod = pod(of: rt, in: cluster), runtimes[key] === rt, rt.agent.running else {
                awaitingAttach[key] = nil
                continue
            }
            if volumesAttached(pod, node: node, in: cluster) {
                awaitingAttach[key] = nil
                mountVolumes(rt, pod: pod, in: cluster)
            }
        }
    }

    public func isNodeRunning(_ name: String) -> Bool { agents[name]?.running ?? false }

    // MARK: Helpers shared by the lifecycle

    /// Whether a timer set at `epoch` still concerns a live runtime on a running node. Every runtime
    /// leaves `runtimes` through `teardown`, which bumps its epoch, so the epoch alone says it is live.
    func isCurrent(_ rt: PodRuntime, _ epoch: Int) -> Bool {
        rt.epoch == epoch && rt.agent.running
    }

    func pod(of rt: PodRuntime, in cluster: Cluster) -> JSONValue? {
        guard let pod = cluster.store.get(Self.podType, namespace: rt.namespace, name: rt.name), pod.uid == rt.uid else { return nil }
        return pod
    }

    func ref(of rt: PodRuntime) -> ObjectRef { ObjectRef(Self.podType, namespace: rt.namespace, name: rt.name) }

    /// Writes the pod's status from the runtime record.
    func writeStatus(_ rt: PodRuntime, in cluster: Cluster) {
        guard let pod = pod(of: rt, in: cluster) else { return }
        let hostIP = agents[rt.node]?.hostIP ?? ""
        let status = PodStatusBuilder.status(for: pod, runtime: rt, hostIP: hostIP, now: cluster.now)
        if status == pod["status"] { return }
        var updated = pod
        updated["status"] = status
        _ = try? cluster.store.update(Self.podType, updated)
    }

    func event(_ rt: PodRuntime, _ type: String, _ reason: String, _ message: String, container: ContainerRuntime? = nil,
               in cluster: Cluster)
    {
        guard let pod = pod(of: rt, in: cluster) else { return }
        let fieldPath = container.map { ($0.isInit ? "spec.initContainers{" : "spec.containers{") + $0.name + "}" }
        cluster.recordEvent(for: pod, type: type, reason: reason, message: message, source: "kubelet", host: rt.node,
                            fieldPath: fieldPath)
    }

    /// Forgets a pod: its timers, and its address goes back to the node's pool.
    func teardown(_ rt: PodRuntime) {
        rt.epoch += 1
        releaseAddress(of: rt)
    }

    /// The pod's address goes back to its node's pool (one on the host network was never taken from it).
    func releaseAddress(of rt: PodRuntime) {
        if let ip = rt.ip, !rt.hostNetwork { rt.agent.release(ip) }
    }

    /// Takes over a pod that was already running before this kubelet met it (the sandbox's own pods).
    private func adopt(_ rt: PodRuntime, pod: JSONValue, agent: NodeAgent) {
        rt.admitted = true
        rt.sandboxReady = true
        rt.hostNetwork = pod["spec"]["hostNetwork"].bool == true
        rt.phase = "Running"
        rt.startTime = pod["status"]["startTime"].string.flatMap(Timestamp.parse)
        if let ip = pod["status"]["podIP"].string {
            rt.ip = ip
            if !rt.hostNetwork { agent.reserve(ip) }
        }
        for c in pod["status"]["conditions"].items {
            if let type = c["type"].string, let status = c["status"].string {
                let since = c["lastTransitionTime"].string.flatMap(Timestamp.parse) ?? 0
                rt.conditions[type] = PodRuntime.OwnedCondition(status: status, since: since, text: Timestamp.rfc3339(since))
            }
        }
        func adopted(_ spec: JSONValue, _ status: JSONValue?, isInit: Bool) -> ContainerRuntime {
            let image = spec["image"].string ?? ""
            var c = ContainerRuntime(name: spec["name"].string ?? "", image: image, isInit: isInit,
                                     state: .waiting(reason: "ContainerCreating", message: nil))
            agent.images.insert(resolve(image).normalized)
            guard let status else { return c }
            c.containerID = status["containerID"].string.map { String($0.dropFirst("containerd://".count)) }
            c.resolvedImage = status["image"].string
            c.imageID = status["imageID"].string
            c.ready = status["ready"].bool ?? false
            c.started = status["started"].bool ?? false
            c.restartCount = status["restartCount"].int ?? 0
            let state = status["state"]
            if let started = state["running"]["startedAt"].string.flatMap(Timestamp.parse) {
                c.state = .running(startedAt: started)
            } else if !state["terminated"].isNull {
                let t = state["terminated"]
                c.state = .terminated(exitCode: t["exitCode"].int ?? 0, reason: t["reason"].string ?? "Completed",
                                      startedAt: t["startedAt"].string.flatMap(Timestamp.parse) ?? 0,
                                      finishedAt: t["finishedAt"].string.flatMap(Timestamp.parse) ?? 0)
            }
            return c
        }
        let statuses = pod["status"]["containerStatuses"].items
        let initStatuses = pod["status"]["initContainerStatuses"].items
        rt.containers = pod["spec"]["containers"].items.map { spec in
            adopted(spec, statuses.first { $0["name"] == spec["name"] }, isInit: false)
        }
        rt.initContainers = pod["spec"]["initContainers"].items.map { spec in
            adopted(spec, initStatuses.first { $0["name"] == spec["name"] }, isInit: true)
        }
    }
}
