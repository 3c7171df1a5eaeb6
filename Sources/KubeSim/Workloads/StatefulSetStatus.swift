import KubeAPI

/// A StatefulSet's status as a pure function of its pods and revisions (`computeReplicaStatus` and
/// the completion rule of `updateStatefulSetStatus`, stateful_set_control.go): how many replicas
/// exist, are Ready, available and on each revision; once every replica runs the update revision
/// and is Ready, the update revision becomes the current one.
enum StatefulSetStatus {
    struct ReplicaCounts: Equatable {
        var replicas = 0, ready = 0, available = 0, current = 0, updated = 0
    }

    /// `computeReplicaStatus` over the pods the pass saw (replicas and condemned alike).
    static func counts(of pods: [StatefulSetPodRecord], minReadySeconds: Int, currentRevision: String,
                       updateRevision: String, now: Millis) -> ReplicaCounts
    {
        var c = ReplicaCounts()
        for pod in pods {
            c.replicas += 1
            if pod.isRunningAndReady {
                c.ready += 1
                if pod.isAvailable(minReadySeconds: minReadySeconds, now: now) { c.available += 1 }
            }
            if !pod.isDeleting {
                if pod.revision == currentRevision { c.current += 1 }
                if pod.revision == updateRevision { c.updated += 1 }
            }
        }
        return c
    }

    /// The status object to store, and the current revision it names (the update revision once a
    /// rolling update has completed).
    static func make(_ counts: ReplicaCounts, set: StatefulSetSpecView, currentRevision: String, updateRevision: String,
                     collisionCount: Int) -> (status: JSONValue, currentRevision: String)
    {
        var counts = counts
        var current = currentRevision
        if !set.isOnDelete && counts.updated == set.replicas && counts.ready == set.replicas && counts.replicas == set.replicas {
            counts.current = counts.updated
            current = updateRevision
        }
        var status: JSONValue = [:]
        status["availableReplicas"] = .int(counts.available)
        status["collisionCount"] = .int(collisionCount)
        if counts.current != 0 { status["currentReplicas"] = .int(counts.current) }
        if !current.isEmpty { status["currentRevision"] = .string(current) }
        if set.generation != 0 { status["observedGeneration"] = .int(set.generation) }
        if counts.ready != 0 { status["readyReplicas"] = .int(counts.ready) }
        status["replicas"] = .int(counts.replicas)
        if !updateRevision.isEmpty { status["updateRevision"] = .string(updateRevision) }
        if counts.updated != 0 { status["updatedReplicas"] = .int(counts.updated) }
        return (status, current)
    }
}
