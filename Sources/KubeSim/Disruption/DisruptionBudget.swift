import KubeAPI

/// The disruption controller's arithmetic (pkg/controller/disruption): how many of a
/// PodDisruptionBudget's pods are healthy, how many must stay healthy, and so how many voluntary
/// disruptions it allows right now. Pure: the eviction subresource and the controller that writes
/// the budget's status both call it.
public struct DisruptionBudget: Equatable, Sendable {
    public var expectedPods: Int
    public var currentHealthy: Int
    public var desiredHealthy: Int
    public var disruptionsAllowed: Int { max(0, currentHealthy - desiredHealthy) }

    static let podType = ResourceRegistry.forKind("Pod")!
    static let pdbType = ResourceRegistry.forKind("PodDisruptionBudget")!

    /// The budgets in the pod's namespace whose selector matches it (`getPodDisruptionBudgets`).
    public static func budgets(covering pod: JSONValue, in store: ObjectStore) -> [JSONValue] {
        // Most clusters have no budget at all; a pod change then costs no list.
        if store.count(pdbType) == 0 { return [] }
        let budgets = store.list(pdbType, namespace: pod.namespace ?? "default")
        guard !budgets.isEmpty else { return [] }
        return budgets.filter { pdb in
            let selector = pdb["spec"]["selector"]
            // An empty selector matches every pod in policy/v1.
            return selector.isNull ? false : LabelSelector(object: selector).matches(labelsOf: pod)
        }
    }

    /// Counts for `pdb` over the pods its selector matches (`getExpectedPodCount`, `countHealthyPods`).
    public static func compute(_ pdb: JSONValue, in store: ObjectStore) -> DisruptionBudget {
        let selector = LabelSelector(object: pdb["spec"]["selector"])
        let pods = store.list(podType, namespace: pdb.namespace ?? "default").filter { selector.matches(labelsOf: $0) }
        let healthy = pods.filter { !$0.isDeleting && PodConditions.isReady($0) }.count
        let live = pods.filter { !PodConditions.isTerminal($0) }
        let spec = pdb["spec"]
        var expected = live.count
        var desired = 0
        if let minAvailable = spec["minAvailable"].int {
            desired = minAvailable
        } else if let text = spec["minAvailable"].string, let percent = Self.percent(text) {
            expected = Self.scale(of: live, in: store)
            desired = (percent * expected + 99) / 100
        } else if let maxUnavailable = spec["maxUnavailable"].int {
            expected = Self.scale(of: live, in: store)
            desired = max(0, expected - maxUnavailable)
        } else if let text = spec["maxUnavailable"].string, let percent = Self.percent(text) {
            expected = Self.scale(of: live, in: store)
            desired = max(0, expected - (percent * expected + 99) / 100)
        }
        return DisruptionBudget(expectedPods: expected, currentHealthy: healthy, desiredHealthy: desired)
    }

    static func percent(_ text: String) -> Int? {
        guard text.hasSuffix("%"), let v = Int(text.dropLast()), v >= 0 else { return nil }
        return v
    }

    /// The replicas the pods' controllers ask for (each controller counted once), or the pod count
    /// when a pod has no scalable controller.
    static func scale(of pods: [JSONValue], in store: ObjectStore) -> Int {
        var seen: Set<String> = []
        var total = 0
        for pod in pods {
            guard let ref = pod.controllerRef, let uid = ref["uid"].string else { total += 1; continue }
            if !seen.insert(uid).inserted { continue }
            let kind = ref["kind"].string ?? ""
            guard ["StatefulSet", "ReplicaSet", "ReplicationController"].contains(kind),
                let type = ResourceRegistry.forKind(kind),
                let owner = store.get(type, namespace: pod.namespace, name: ref["name"].string ?? ""), owner.uid == uid
            else { total += 1; continue }
            total += owner["spec"]["replicas"].int ?? 1
        }
        return total
    }
}
