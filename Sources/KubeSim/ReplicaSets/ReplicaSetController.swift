import KubeAPI

/// Keeps `spec.replicas` pods running for each ReplicaSet (kube-controller-manager's replicaset
/// controller): creates `<rs>-xxxxx` pods from the template, deletes extras (not-ready and newest
/// first), and reports status.
public final class ReplicaSetController: Controller {
    public let name = "replicaset-controller"
    public let watchedKinds = WatchedKinds.only(["ReplicaSet", "Pod"])
    /// Pods created or deleted per sync, like the controller's burst limit.
    static let burst = 500

    public init() {}

    static let replicaSets = ResourceRegistry.lookup("replicasets")!
    static let pods = ResourceRegistry.lookup("pods")!

    /// The pods each set controls and their counts, kept from the watch.
    let podIndex = ReplicaSetPodIndex()

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        // Another controller's pod is neither indexed nor a set's.
        if event.resource.kind == "Pod", event.isControlled(byAnotherKindThan: "ReplicaSet") { return [] }
        podIndex.observe(event)
        switch event.resource.kind {
        case "ReplicaSet":
            return [Self.key(event.object.namespace ?? "", event.object.name)]
        case "Pod":
            guard let ref = event.podControllerRef ?? event.oldPodControllerRef, ref["kind"].string == "ReplicaSet" else { return [] }
            return [Self.key(event.object.namespace ?? "", ref["name"].string ?? "")]
        default:
            return []
        }
    }

    static func key(_ ns: String, _ name: String) -> String { ns + "/" + name }

    public func sync(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let rs = cluster.store.get(Self.replicaSets, namespace: parts[0], name: parts[1]),
            !rs.isDeleting
        else { return }
        let active = podIndex.pods(of: rs, in: cluster.store).active
        let desired = max(0, rs["spec"]["replicas"].int ?? 1)
        if active < desired {
            for _ in 0..<min(Self.burst, desired - active) { createPod(for: rs, in: cluster) }
        } else if active > desired {
            let victims = podIndex.activePods(of: rs.uid, in: cluster.store).sorted(by: Self.deletionOrder)
                .prefix(min(Self.burst, active - desired))
            for pod in victims {
                let ref = ObjectRef(Self.pods, namespace: pod.namespace ?? "", name: pod.name)
                if (try? cluster.store.delete(ref)) != nil {
                    cluster.recordEvent(for: rs, type: "Normal", reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)",
                                        source: name)
                }
            }
        }
        updateStatus(rs, in: cluster)
    }

    func createPod(for rs: JSONValue, in cluster: Cluster) {
        var pod: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": .emptyObject, "spec": rs["spec"]["template"]["spec"]]
        pod["metadata"]["generateName"] = .string(rs.name + "-")
        pod["metadata"]["namespace"] = .string(rs.namespace ?? "default")
        let templateLabels = rs["spec"]["template"]["metadata"]["labels"]
        if !templateLabels.isNull { pod["metadata"]["labels"] = templateLabels }
        let templateAnnotations = rs["spec"]["template"]["metadata"]["annotations"]
        if !templateAnnotations.isNull { pod["metadata"]["annotations"] = templateAnnotations }
        pod["metadata"]["ownerReferences"] = [rs.ownerReference()]
        do {
            let created = try cluster.api.create(pod, as: Self.pods, fieldValidation: .typedClient)
            cluster.recordEvent(for: rs, type: "Normal", reason: "SuccessfulCreate", message: "Created pod: \(created.name)", source: name)
        } catch {
            cluster.recordEvent(for: rs, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error.statusMessage)", source: name)
        }
    }

    func updateStatus(_ rs: JSONValue, in cluster: Cluster) {
        let status = Self.status(of: rs, pods: podIndex.pods(of: rs, in: cluster.store))
        guard rs["status"] != status else { return }
        var updated = rs
        updated["status"] = status
        _ = try? cluster.store.update(Self.replicaSets, updated)
    }

    /// The status `calculateStatus` reports, from the counts of the set's active pods (every
    /// Ready pod counts as available).
    static func status(of rs: JSONValue, pods: ReplicaSetPodIndex.SetPods) -> JSONValue {
        var status: JSONValue = [
            "replicas": .int(pods.active), "fullyLabeledReplicas": .int(pods.activeFullyLabeled),
            "readyReplicas": .int(pods.activeReady), "availableReplicas": .int(pods.activeReady),
            "observedGeneration": .int(rs["metadata"]["generation"].int ?? 1),
        ]
        if pods.activeReady == 0 { status["readyReplicas"] = .null; status["availableReplicas"] = .null }
        if pods.active == 0 { status["fullyLabeledReplicas"] = .null }
        return status
    }

    /// Pods whose controller is `owner`, read through the store's owner index.
    static func ownedPods(of owner: JSONValue, in cluster: Cluster) -> [JSONValue] {
        ownedPods(of: owner.uid, in: cluster.store)
    }

    static func ownedPods(of uid: String, in store: ObjectStore) -> [JSONValue] {
        store.dependents(of: uid).compactMap { ref in
            guard ref.resource.kind == "Pod", let pod = store.get(ref), pod.controllerRef?["uid"].string == uid else { return nil }
            return pod
        }
    }

    static func isTerminal(_ pod: JSONValue) -> Bool {
        let phase = pod["status"]["phase"].string
        return phase == "Succeeded" || phase == "Failed"
    }

    static func isReady(_ pod: JSONValue) -> Bool {
        pod["status"]["conditions"].items.contains { $0["type"].string == "Ready" && $0["status"].string == "True" }
    }

    /// Unscheduled before scheduled, not ready before ready, newer before older (controller.ActivePods).
    static func deletionOrder(_ a: JSONValue, _ b: JSONValue) -> Bool {
        let sa = (a["spec"]["nodeName"].string ?? "").isEmpty, sb = (b["spec"]["nodeName"].string ?? "").isEmpty
        if sa != sb { return sa }
        let ra = isReady(a), rb = isReady(b)
        if ra != rb { return !ra }
        let ca = a.creationTimestamp ?? "", cb = b.creationTimestamp ?? ""
        if ca != cb { return ca > cb }
        return a.name > b.name
    }
}
