import KubeAPI

/// The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status
/// (expected, healthy and desired pods, `disruptionsAllowed` and the `DisruptionAllowed`
/// condition) in step with its pods, which `kubectl get pdb` shows as ALLOWED DISRUPTIONS.
public final class DisruptionController: Controller {
    public let name = "controllermanager"
    public let watchedKinds = WatchedKinds.only(["PodDisruptionBudget", "Pod"])
    static let pdbType = ResourceRegistry.forKind("PodDisruptionBudget")!

    public init() {}

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        switch event.resource.kind {
        case "PodDisruptionBudget":
            return event.kind == .deleted ? [] : [event.namespacedKey]
        case "Pod":
            return DisruptionBudget.budgets(covering: event.object, in: cluster.store).map(\.namespacedKey)
        default:
            return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let (ns, name) = NamespacedKey.split(key) else { return }
        let ref = ObjectRef(Self.pdbType, namespace: ns, name: name)
        guard let pdb = cluster.store.get(ref) else { return }
        let budget = DisruptionBudget.compute(pdb, in: cluster.store)
        let allowed = budget.disruptionsAllowed > 0
        let old = pdb.status["conditions"].items.first { $0["type"].string == "DisruptionAllowed" }
        let since = old?["status"].string == (allowed ? "True" : "False")
            ? old?["lastTransitionTime"] ?? .string(Timestamp.rfc3339(cluster.now)) : .string(Timestamp.rfc3339(cluster.now))
        let generation = pdb["metadata"]["generation"].int ?? 1
        var status: JSONValue = [:]
        status["conditions"] = [[
            "lastTransitionTime": since, "message": "", "observedGeneration": .int(generation),
            "reason": allowed ? "SufficientPods" : "InsufficientPods", "status": allowed ? "True" : "False",
            "type": "DisruptionAllowed",
        ]]
        status["currentHealthy"] = .int(budget.currentHealthy)
        status["desiredHealthy"] = .int(budget.desiredHealthy)
        status["disruptionsAllowed"] = .int(budget.disruptionsAllowed)
        status["expectedPods"] = .int(budget.expectedPods)
        status["observedGeneration"] = .int(generation)
        if status == pdb.status { return }
        _ = try? cluster.store.modify(ref) { $0["status"] = status }
    }
}
