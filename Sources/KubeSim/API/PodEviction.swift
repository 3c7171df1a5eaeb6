import KubeAPI

/// The pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go): a graceful delete that
/// first asks the pod's PodDisruptionBudget. kubectl drain evicts through it and retries every 5 s
/// while it answers 429.
extension APIServer {
    public static let disruptionBudgetViolation = "Cannot evict pod as it would violate the pod's disruption budget."

    /// Evicts the pod `ref` names; `gracePeriodSeconds` is the Eviction's DeleteOptions (nil: the pod's own).
    public func evict(_ ref: ObjectRef, gracePeriodSeconds: Int? = nil, dryRun: Bool = false) throws(APIError) {
        guard let pod = store.get(ref) else { throw .notFound(ref.resource, ref.name) }
        // Pods that are finished, not yet running, or already going need no budget (canIgnorePDB).
        let phase = pod["status"]["phase"].string ?? ""
        let ignoresBudget = pod.isDeleting || phase == "Succeeded" || phase == "Failed" || phase == "Pending"
        if !ignoresBudget {
            let budgets = DisruptionBudget.budgets(covering: pod, in: store)
            if budgets.count > 1 {
                throw APIError(.internalError, "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.")
            }
            if let pdb = budgets.first {
                let budget = DisruptionBudget.compute(pdb, in: store)
                let unhealthyMayGo = !PodConditions.isReady(pod)
                    && (pdb["spec"]["unhealthyPodEvictionPolicy"].string == "AlwaysAllow"
                        || (budget.currentHealthy >= budget.desiredHealthy && budget.desiredHealthy > 0))
                if !unhealthyMayGo && budget.disruptionsAllowed <= 0 {
                    throw APIError(.tooManyRequests, Self.disruptionBudgetViolation)
                }
            }
        }
        if dryRun || pod.isDeleting { return }
        if !PodConditions.isTerminal(pod) {
            let stamp = JSONValue.string(Timestamp.rfc3339(cluster.now))
            _ = try? store.modify(ref) { p in
                var conditions = p["status"]["conditions"].items.filter { $0["type"].string != "DisruptionTarget" }
                conditions.append(["lastProbeTime": nil, "lastTransitionTime": stamp, "message": "Eviction API: evicting",
                                   "reason": "EvictionByEvictionAPI", "status": "True", "type": "DisruptionTarget"])
                p["status"]["conditions"] = .array(conditions)
            }
        }
        try delete(ref, gracePeriodSeconds: gracePeriodSeconds)
    }
}
