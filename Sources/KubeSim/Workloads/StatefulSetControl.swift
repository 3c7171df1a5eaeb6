import KubeAPI

/// One pass of the StatefulSet algorithm over one set (`defaultStatefulSetControl.UpdateStatefulSet`,
/// stateful_set_control.go): pick the current and update revisions, create missing pods (in ordinal
/// order, one at a time, waiting for Running+Ready, unless `Parallel`), delete condemned pods from the
/// highest ordinal, roll pods to the update revision from the highest ordinal down to the partition,
/// and write the status (`StatefulSetStatus`). Pod and claim writes go through `StatefulPodControl`.
/// Where the pass stops to wait, it says why (`Outcome.waits`).
final class StatefulSetControl {
    static let setType = ResourceRegistry.forKind("StatefulSet")!

    /// What the controller should do after the pass.
    struct Outcome {
        /// An API call failed; retry with back-off.
        var failed = false
        /// A pod becomes available (minReadySeconds) at this instant; sync again then.
        var recheckAt: Millis?
        /// Why the set is not yet where its spec says, in a learner's words (`web-1 waits: web-0 is
        /// not Ready`); nil when nothing waits.
        var waits: String?
    }

    /// A replica slot: the stored pod's record, or a missing ordinal and the revision it gets.
    struct Slot {
        var record: StatefulSetPodRecord?
        let ordinal: Int
        let onCurrentRevision: Bool
    }

    let cluster: Cluster
    let cache: StatefulSetCache
    let setObject: JSONValue
    let set: StatefulSetSpecView
    let podControl: StatefulPodControl
    var outcome = Outcome()
    private var currentName = ""
    private var updateName = ""
    private var writtenCurrentName: String?

    init(cluster: Cluster, cache: StatefulSetCache, set: JSONValue) {
        self.cluster = cluster
        self.cache = cache
        self.setObject = set
        self.set = StatefulSetSpecView(set)
        self.podControl = StatefulPodControl(cluster: cluster, cache: cache, setObject: set, set: self.set)
    }

    var now: Millis { cluster.now }

    // MARK: The pass

    func run(pods: [StatefulSetPodRecord]) -> Outcome {
        let history = ControllerRevisionHistory(cluster: cluster)
        let revisions = ControllerRevisionHistory.sorted(cache.revisions(of: set.uid))
        guard let (current, update, collisionCount) = chooseRevisions(revisions, history: history) else {
            outcome.failed = true
            return outcome
        }
        currentName = current.name
        updateName = update.name
        let currentTemplate = ControllerRevisionHistory.template(of: current)
        let updateTemplate = ControllerRevisionHistory.template(of: update)

        var replicas: [StatefulSetPodRecord?] = Array(repeating: nil, count: set.replicas)
        var condemned: [Slot] = []
        for pod in pods where pod.ordinal >= 0 {
            if set.inRange(pod.ordinal) {
                replicas[pod.ordinal - set.startOrdinal] = pod
            } else {
                condemned.append(Slot(record: pod, ordinal: pod.ordinal, onCurrentRevision: false))
            }
        }
        var slots: [Slot] = []
        slots.reserveCapacity(set.replicas)
        for (i, record) in replicas.enumerated() {
            let ordinal = set.startOrdinal + i
            let onCurrent = (!set.isOnDelete && set.partition == nil && ordinal < set.startOrdinal + set.statusCurrentReplicas)
                || (set.partition.map { ordinal < set.startOrdinal + $0 } ?? false)
            slots.append(Slot(record: record, ordinal: ordinal, onCurrentRevision: onCurrent))
        }
        condemned.sort { $0.ordinal > $1.ordinal }

        var firstUnhealthy: String?
        for slot in slots where isUnavailable(slot) {
            firstUnhealthy = set.podName(slot.ordinal)
            break
        }
        if firstUnhealthy == nil {
            for slot in condemned.reversed() where isUnavailable(slot) {
                firstUnhealthy = set.podName(slot.ordinal)
                break
            }
        }

        scheduleAvailabilityRecheck(pods)
        if set.isDeleting {
            writeStatus(count(slots, condemned), collisionCount: collisionCount)
            return outcome
        }
        let monotonic = !set.isParallel
        let templates = (current: currentTemplate, update: updateTemplate)

        if runForAll(slots.count, monotonic: monotonic, { processReplica(slots[$0], monotonic: monotonic, templates: templates) })
            || runForAll(condemned.count, monotonic: monotonic, { fixCondemnedClaims(condemned[$0]) })
            || runForAll(condemned.count, monotonic: monotonic, {
                processCondemned(condemned[$0], firstUnhealthy: firstUnhealthy, monotonic: monotonic)
            })
        {
            writeStatus(count(slots, condemned), collisionCount: collisionCount)
            truncateHistory(revisions, pods: pods, history: history)
            return outcome
        }
        var counts = count(slots, condemned)
        if !set.isOnDelete {
            rollingUpdate(slots, counts: &counts)
        }
        writeStatus(counts, collisionCount: collisionCount)
        truncateHistory(revisions, pods: pods, history: history)
        return outcome
    }

    /// Runs `step` over indices; in monotonic mode the first step asking to stop ends the loop.
    /// In burst mode every step runs (in doubling batches, as `slowStartBatch`) and only a failed
    /// batch stops. Returns whether the pass must end here.
    func runForAll(_ count: Int, monotonic: Bool, _ step: (Int) -> (stop: Bool, failed: Bool)) -> Bool {
        if monotonic {
            for i in 0..<count {
                let r = step(i)
                if r.failed { outcome.failed = true }
                if r.stop || r.failed { return true }
            }
            return false
        }
        var next = 0
        var batch = 1
        while next < count {
            let end = min(count, next + batch)
            var failed = false
            for i in next..<end where step(i).failed { failed = true }
            if failed {
                outcome.failed = true
                return true
            }
            next = end
            batch = min(batch * 2, 500)
        }
        return false
    }

    // MARK: Revisions

    /// The current and update revisions, creating or re-numbering one when the template changed
    /// (`getStatefulSetRevisions`).
    func chooseRevisions(_ revisions: [JSONValue], history: ControllerRevisionHistory)
        -> (JSONValue, JSONValue, Int)?
    {
        var collisionCount = set.collisionCount
        let next = (revisions.last.map(ControllerRevisionHistory.revisionNumber) ?? 0) + 1
        var proposed: JSONValue
        if let cached = cache.proposedRevisions[set.uid], cached.generation == set.generation,
            cached.collisionCount == collisionCount, set.generation != 0
        {
            proposed = cached.revision
            proposed["revision"] = .int(next)
        } else {
            proposed = history.proposed(for: set, number: next, collisionCount: collisionCount)
            cache.proposedRevisions[set.uid] = (set.generation, collisionCount, proposed)
        }
        let hash = proposed.labels[ControllerRevisionHistory.hashLabel]
        let equal = revisions.filter {
            $0["metadata"]["labels"][ControllerRevisionHistory.hashLabel].string == hash && $0["data"] == proposed["data"]
        }
        var update: JSONValue
        if let last = equal.last, let newest = revisions.last, newest.name == last.name {
            update = newest
        } else if let last = equal.last {
            guard let renumbered = history.renumber(last, to: next) else { return nil }
            update = renumbered
        } else {
            do {
                update = try history.create(proposed, for: set, collisionCount: &collisionCount)
            } catch {
                return nil
            }
        }
        let current = revisions.first { $0.name == set.currentRevisionName } ?? update
        return (current, update, collisionCount)
    }

    func truncateHistory(_ revisions: [JSONValue], pods: [StatefulSetPodRecord], history: ControllerRevisionHistory) {
        guard set.revisionHistoryLimit >= 0, revisions.count > set.revisionHistoryLimit else { return }
        // The status just written may have completed the update; its current revision counts.
        var live: Set<String> = [writtenCurrentName ?? currentName, updateName]
        for pod in pods { live.insert(pod.revision) }
        history.truncate(revisions, set: set, live: live)
    }

    // MARK: Replicas

    func revision(of slot: Slot) -> String {
        slot.record?.revision ?? (slot.onCurrentRevision ? currentName : updateName)
    }

    func isUnavailable(_ slot: Slot) -> Bool {
        guard let pod = slot.record else { return true }
        return pod.isDeleting || !pod.isAvailable(minReadySeconds: set.minReadySeconds, now: now)
    }

    func isRunningAndReady(_ slot: Slot) -> Bool { slot.record?.isRunningAndReady ?? false }

    func isAvailable(_ slot: Slot) -> Bool {
        slot.record?.isAvailable(minReadySeconds: set.minReadySeconds, now: now) ?? false
    }

    /// `processReplica`: recreate finished pods, create missing ones (and their claims), and, in
    /// monotonic mode, stop at the first pod that is not yet Running, Ready and available.
    func processReplica(_ slot: Slot, monotonic: Bool, templates: (current: JSONValue, update: JSONValue))
        -> (stop: Bool, failed: Bool)
    {
        guard let pod = slot.record else {
            let name = set.podName(slot.ordinal)
            if podControl.claimIsStale(podName: name, ordinal: slot.ordinal) {
                note("\(name) waits: its claims still belong to the \(name) deleted before it")
                return (true, false)
            }
            let newPod = StatefulSetPodFactory.pod(
                for: set, template: slot.onCurrentRevision ? templates.current : templates.update, ordinal: slot.ordinal,
                revision: slot.onCurrentRevision ? currentName : updateName)
            guard podControl.createPod(newPod, ordinal: slot.ordinal) else { return (true, true) }
            // The pod as created has no status yet; the next pass sees the stored one.
            if monotonic { blocked(after: slot, "\(name) was just created") }
            return (monotonic, false)
        }
        if pod.isTerminal {
            if !pod.isDeleting && !podControl.deletePod(pod.name) { return (true, true) }
            // A new pod of the same name follows once this one is gone from the store.
            // A deleted pod ends Succeeded or Failed (the kubelet's terminal phase): still Terminating.
            blocked(after: slot, pod.isDeleting ? state(of: pod) : "\(pod.name) has \(pod.phase) and is being replaced")
            return (true, false)
        }
        if pod.phase == "Pending" {
            if let error = podControl.createClaims(podName: pod.name, record: pod, ordinal: pod.ordinal) {
                podControl.recordPodEvent("create", pod.name, error: error)
                return (true, true)
            }
            if !podControl.claimsMatchRetention(pod) && !podControl.updateClaimsForRetention(pod.object) { return (true, true) }
        }
        if monotonic {
            if pod.isDeleting || !pod.isRunningAndReady || !isAvailable(slot) {
                blocked(after: slot, state(of: pod))
                return (true, false)
            }
        }
        if pod.checkedForGeneration == set.generation && set.generation != 0 && podControl.claimsMatchRetention(pod) { return (false, false) }
        if set.identityMatches(pod) && set.storageMatches(pod) {
            pod.checkedForGeneration = set.generation
            if podControl.claimsMatchRetention(pod) { return (false, false) }
        }
        let updated = podControl.updatePod(pod)
        return (!updated, !updated)
    }

    /// `processCondemned`: delete pods beyond the replica count, highest ordinal first; in monotonic
    /// mode one at a time and only while the rest are healthy.
    func processCondemned(_ slot: Slot, firstUnhealthy: String?, monotonic: Bool) -> (stop: Bool, failed: Bool) {
        guard let pod = slot.record else { return (false, false) }
        if pod.isDeleting {
            if monotonic { note("the scale-down waits: \(state(of: pod))") }
            return (monotonic, false)
        }
        if monotonic && pod.name != firstUnhealthy && (!pod.isRunningAndReady || !isAvailable(slot)) {
            note("the scale-down waits: \(state(of: pod))")
            return (true, false)
        }
        let deleted = podControl.deletePod(pod.name)
        return (true, !deleted)
    }

    /// Puts the claims of a condemned pod under the retention policy before it goes.
    func fixCondemnedClaims(_ slot: Slot) -> (stop: Bool, failed: Bool) {
        guard let pod = slot.record, !podControl.claimsMatchRetention(pod) else { return (false, false) }
        return podControl.updateClaimsForRetention(pod.object) ? (false, false) : (true, true)
    }

    /// Deletes the highest-ordinal pod that is not on the update revision, down to the partition;
    /// waits while any pod in that range is unavailable.
    func rollingUpdate(_ slots: [Slot], counts: inout StatefulSetStatus.ReplicaCounts) {
        let updateMin = set.partition ?? 0
        var target = slots.count - 1
        while target >= updateMin {
            let slot = slots[target]
            if revision(of: slot) != updateName && !(slot.record?.isDeleting ?? false) {
                if let pod = slot.record, !podControl.deletePod(pod.name) { outcome.failed = true }
                counts.current -= 1
                return
            }
            if isUnavailable(slot) {
                note("the rolling update waits: " + (slot.record.map(state(of:)) ?? "\(set.podName(slot.ordinal)) does not exist yet"))
                return
            }
            target -= 1
        }
    }

    /// With minReadySeconds, pods turn available with no event to wake the controller; ask for a
    /// pass at the earliest such instant.
    func scheduleAvailabilityRecheck(_ pods: [StatefulSetPodRecord]) {
        guard set.minReadySeconds > 0 else { return }
        for pod in pods where pod.isRunningAndReady {
            guard let since = pod.readySince else { continue }
            let at = since + Millis(set.minReadySeconds) * 1000 + 1
            if at > now { outcome.recheckAt = min(outcome.recheckAt ?? at, at) }
        }
    }

    // MARK: Why it waits

    /// Keeps the first reason the pass stopped for.
    func note(_ reason: String) {
        if outcome.waits == nil { outcome.waits = reason }
    }

    /// The pass stopped at `slot`: the next ordinal (or the set) waits for `why`.
    func blocked(after slot: Slot, _ why: String) {
        let next = slot.ordinal + 1
        note(set.inRange(next) ? "\(set.podName(next)) waits: \(why)" : "the StatefulSet waits: \(why)")
    }

    /// What keeps a pod from counting as Running, Ready and available.
    func state(of pod: StatefulSetPodRecord) -> String {
        if pod.isDeleting { return "\(pod.name) is Terminating" }
        if pod.phase == "Pending" { return "\(pod.name) is Pending" }
        if !pod.isRunningAndReady { return "\(pod.name) is not Ready" }
        return "\(pod.name) has not been Ready for minReadySeconds (\(set.minReadySeconds)s)"
    }

    // MARK: Status

    func count(_ slots: [Slot], _ condemned: [Slot]) -> StatefulSetStatus.ReplicaCounts {
        StatefulSetStatus.counts(of: (slots + condemned).compactMap(\.record), minReadySeconds: set.minReadySeconds,
                                 currentRevision: currentName, updateRevision: updateName, now: now)
    }

    /// Writes the computed status when it differs (`StatefulSetStatusUpdater`).
    func writeStatus(_ counts: StatefulSetStatus.ReplicaCounts, collisionCount: Int) {
        let (status, currentRevision) = StatefulSetStatus.make(counts, set: set, currentRevision: currentName,
                                                               updateRevision: updateName, collisionCount: collisionCount)
        writtenCurrentName = currentRevision
        let ref = ObjectRef(Self.setType, namespace: set.namespace, name: set.name)
        guard let latest = cluster.store.get(ref), latest.uid == set.uid, latest.status != status else { return }
        _ = try? cluster.store.modify(ref) { $0["status"] = status }
    }
}
