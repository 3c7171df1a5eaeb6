import KubeAPI

/// The numbers `updateDaemonSetStatus` writes, worked out from the nodes and the daemon pods on
/// each, with no side effects (daemon_controller.go). Only existing nodes count: a pod bound to a
/// node that is gone is the pod garbage collector's business.
enum DaemonSetStatusComputation {
    /// One node as the status sees it: whether it should run a pod, and the daemon pods on it
    /// (pods being deleted included, finished pods being deleted left out).
    struct Node {
        var shouldRun: Bool
        var pods: [JSONValue]
    }

    struct Counts: Equatable {
        var desired = 0, current = 0, misscheduled = 0, ready = 0, updated = 0, available = 0
        var unavailable: Int { desired - available }
    }

    /// `isUpdated` says whether a pod carries the current revision (`IsPodUpdated`).
    static func counts(_ nodes: [Node], minReadySeconds: Int, now: Millis, isUpdated: (JSONValue) -> Bool) -> Counts {
        var c = Counts()
        for node in nodes {
            let scheduled = !node.pods.isEmpty
            guard node.shouldRun else {
                if scheduled { c.misscheduled += 1 }
                continue
            }
            c.desired += 1
            guard let pod = node.pods.min(by: DaemonSetPodControl.olderFirst) else { continue }
            c.current += 1
            if PodConditions.isReady(pod) {
                c.ready += 1
                if PodConditions.isAvailable(pod, minReadySeconds: minReadySeconds, now: now) { c.available += 1 }
            }
            if isUpdated(pod) { c.updated += 1 }
        }
        return c
    }

    /// The status to store (`storeDaemonSetStatus`): the counts, the generation observed when this
    /// pass acted on the spec (else the stored one), and the stored collision count. Zero counts that
    /// the API omits are left out.
    static func status(_ c: Counts, previous: JSONValue, observedGeneration: Int?, collisionCount: Int) -> JSONValue {
        var status: JSONValue = [:]
        if collisionCount != 0 { status["collisionCount"] = .int(collisionCount) }
        if !previous["conditions"].isNull { status["conditions"] = previous["conditions"] }
        status["currentNumberScheduled"] = .int(c.current)
        status["desiredNumberScheduled"] = .int(c.desired)
        if c.available != 0 { status["numberAvailable"] = .int(c.available) }
        status["numberMisscheduled"] = .int(c.misscheduled)
        status["numberReady"] = .int(c.ready)
        if c.unavailable != 0 { status["numberUnavailable"] = .int(c.unavailable) }
        if let generation = observedGeneration ?? previous["observedGeneration"].int, generation != 0 {
            status["observedGeneration"] = .int(generation)
        }
        if c.updated != 0 { status["updatedNumberScheduled"] = .int(c.updated) }
        return status
    }
}
