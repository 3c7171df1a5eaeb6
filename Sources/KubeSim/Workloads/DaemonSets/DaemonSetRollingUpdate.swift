import KubeAPI

/// The RollingUpdate strategy (`rollingUpdate` in daemon/update.go). `manage` creates pods where
/// none run and removes extras; this pass only chooses which old pods to delete (maxSurge 0) or
/// on which nodes to start a new pod beside the old one (maxSurge > 0), keeping within the limits.
/// Nodes are taken in name order (upstream walks a map, so its order is arbitrary).
extension DaemonSetControl {
    /// `findUpdatedPodsOnNode`: the node's new and old pod, ignoring pods being deleted; nil when it
    /// has more than one of either, which `manage` prunes first.
    func updatedPods(on pods: [JSONValue], hash: String) -> (new: JSONValue?, old: JSONValue?)? {
        var new: JSONValue?, old: JSONValue?
        for pod in pods where !pod.isDeleting {
            if isUpdated(pod, hash: hash) {
                if new != nil { return nil }
                new = pod
            } else {
                if old != nil { return nil }
                old = pod
            }
        }
        return (new, old)
    }

    /// `updatedDesiredNodeCounts`: maxSurge and maxUnavailable as counts of the nodes that should
    /// run a pod (at least one unavailable when both come to zero), and that number of nodes.
    func limits(_ nodes: [NodeView]) -> (maxSurge: Int, maxUnavailable: Int, desired: Int) {
        let desired = nodes.filter(\.verdict.shouldRun).count
        var maxUnavailable = ds.unavailableCount(desired: desired)
        let maxSurge = ds.surgeCount(desired: desired)
        if desired > 0 && maxUnavailable == 0 && maxSurge == 0 { maxUnavailable = 1 }
        return (maxSurge, maxUnavailable, desired)
    }

    func rollingUpdate(_ nodes: [NodeView], pods: [JSONValue], hash: String) {
        var podsByNode = Self.byNode(pods)
        let (maxSurge, maxUnavailable, desired) = limits(nodes)
        // Nodes that should run a pod count even while they have none.
        for node in nodes where node.verdict.shouldRun && podsByNode[node.name] == nil { podsByNode[node.name] = [] }
        let verdicts = Dictionary(nodes.map { ($0.name, $0.verdict) }, uniquingKeysWith: { a, _ in a })
        let ordered = podsByNode.sorted { $0.key < $1.key }
        if maxSurge == 0 {
            replaceWithinUnavailability(ordered, maxUnavailable: maxUnavailable, hash: hash)
        } else {
            surge(ordered, verdicts: verdicts, maxSurge: maxSurge, desired: desired, hash: hash)
        }
    }

    /// Without surge: deletes just enough available old pods to stay within maxUnavailable (old
    /// pods that are unavailable anyway always go); `manage` then creates their replacements.
    private func replaceWithinUnavailability(_ nodes: [(key: String, value: [JSONValue])], maxUnavailable: Int, hash: String) {
        var unavailable = 0
        var replacements: [String] = [], candidates: [String] = []
        for (_, pods) in nodes {
            guard let (new, old) = updatedPods(on: pods, hash: hash) else {
                unavailable += 1
                continue
            }
            switch (new, old) {
            case (nil, nil), (.some, .some):
                // manage creates or deletes here; count the node as unavailable meanwhile.
                unavailable += 1
            case (let new?, nil):
                if !isAvailable(new) { unavailable += 1 }
            case (nil, let old?):
                if !isAvailable(old) {
                    replacements.append(old.name)
                    unavailable += 1
                } else if unavailable < maxUnavailable {
                    candidates.append(old.name)
                }
            }
        }
        let room = min(max(maxUnavailable - unavailable, 0), candidates.count)
        syncNodes(delete: replacements + candidates.prefix(room), create: [], hash: hash)
    }

    /// With surge: starts a new pod beside each old one, at most maxSurge at a time (at once where
    /// the old pod is unavailable), and deletes an old pod when its replacement is available.
    private func surge(_ nodes: [(key: String, value: [JSONValue])], verdicts: [String: DaemonNodeEligibility.Verdict],
                       maxSurge: Int, desired: Int, hash: String)
    {
        var deleting: [String] = [], shouldNotRun: [String] = []
        var allowedNew: [String] = [], candidateNew: [String] = []
        var surging = 0, available = 0
        for (name, pods) in nodes {
            guard let (new, old) = updatedPods(on: pods, hash: hash) else {
                surging += 1
                continue
            }
            if let old {
                if isAvailable(old) { available += 1 }
            } else if let new, isAvailable(new) {
                available += 1
            }
            guard let old else { continue }
            let shouldRun = verdicts[name]?.shouldRun ?? false
            if let new {
                if !isAvailable(new) {
                    surging += 1
                } else {
                    deleting.append(old.name)
                }
            } else if !isAvailable(old) {
                if shouldRun { allowedNew.append(name) } else { deleting.append(old.name) }
            } else if !shouldRun {
                shouldNotRun.append(old.name)
            } else if surging < maxSurge {
                candidateNew.append(name)
            }
        }
        // An available pod on a node that should no longer run one goes only once enough pods
        // elsewhere are available.
        let deletable = min(max(available - desired, 0), shouldNotRun.count)
        deleting += shouldNotRun.prefix(deletable)
        let room = min(max(maxSurge - surging, 0), candidateNew.count)
        syncNodes(delete: deleting, create: allowedNew + candidateNew.prefix(room), hash: hash)
    }
}
