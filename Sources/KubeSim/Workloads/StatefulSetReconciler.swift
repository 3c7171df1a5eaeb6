import KubeAPI

/// One pass of the StatefulSet algorithm over one set (`defaultStatefulSetControl.UpdateStatefulSet`):
/// pick the current and update revisions, create missing pods (in ordinal order, one at a time,
/// waiting for Running+Ready, unless `Parallel`), delete condemned pods from the highest ordinal,
/// roll pods to the update revision from the highest ordinal down to the partition, and write
/// the status.
final class StatefulSetReconciler {
    static let podType = ResourceRegistry.forKind("Pod")!
    static let claimType = ResourceRegistry.forKind("PersistentVolumeClaim")!
    static let setType = ResourceRegistry.forKind("StatefulSet")!
    static let source = "statefulset-controller"

    /// What the controller should do after the pass.
    struct Outcome {
        /// An API call failed; retry with back-off.
        var failed = false
        /// A pod becomes available (minReadySeconds) at this instant; sync again then.
        var recheckAt: Millis?
    }

    /// A replica slot: the stored pod's record, or a missing ordinal and the revision it gets.
    struct Slot {
        var record: StatefulSetPodRecord?
        let ordinal: Int
        let onCurrentRevision: Bool
    }

    struct ReplicaCounts: Equatable {
        var replicas = 0, ready = 0, available = 0, current = 0, updated = 0
    }

    let cluster: Cluster
    let cache: StatefulSetCache
    let setObject: JSONValue
    let set: StatefulSetSpecView
    var outcome = Outcome()
    private var currentName = ""
    private var updateName = ""
    private var writtenCurrentName: String?

    init(cluster: Cluster, cache: StatefulSetCache, set: JSONValue) {
        self.cluster = cluster
        self.cache = cache
        self.setObject = set
        self.set = StatefulSetSpecView(set)
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
            if claimIsStale(podName: name, ordinal: slot.ordinal) { return (true, false) }
            let newPod = StatefulSetPodFactory.pod(
                for: set, template: slot.onCurrentRevision ? templates.current : templates.update, ordinal: slot.ordinal,
                revision: slot.onCurrentRevision ? currentName : updateName)
            guard createPod(newPod, ordinal: slot.ordinal) else { return (true, true) }
            // The pod as created has no status yet; the next pass sees the stored one.
            return (monotonic, false)
        }
        if pod.isTerminal {
            if !pod.isDeleting && !deletePod(pod.name) { return (true, true) }
            // A new pod of the same name follows once this one is gone from the store.
            return (true, false)
        }
        if pod.phase == "Pending" {
            if let error = createClaims(podName: pod.name, record: pod, ordinal: pod.ordinal) {
                recordPodEvent("create", pod.name, error: error)
                return (true, true)
            }
            if !claimsMatchRetention(pod) && !updateClaimsForRetention(pod.object) { return (true, true) }
        }
        if monotonic {
            if pod.isDeleting || !pod.isRunningAndReady || !isAvailable(slot) { return (true, false) }
        }
        if pod.checkedForGeneration == set.generation && set.generation != 0 && claimsMatchRetention(pod) { return (false, false) }
        if identityMatches(pod) && storageMatches(pod) {
            pod.checkedForGeneration = set.generation
            if claimsMatchRetention(pod) { return (false, false) }
        }
        let updated = updatePod(pod)
        return (!updated, !updated)
    }

    /// `processCondemned`: delete pods beyond the replica count, highest ordinal first; in monotonic
    /// mode one at a time and only while the rest are healthy.
    func processCondemned(_ slot: Slot, firstUnhealthy: String?, monotonic: Bool) -> (stop: Bool, failed: Bool) {
        guard let pod = slot.record else { return (false, false) }
        if pod.isDeleting { return (monotonic, false) }
        if monotonic && pod.name != firstUnhealthy && (!pod.isRunningAndReady || !isAvailable(slot)) {
            return (true, false)
        }
        let deleted = deletePod(pod.name)
        return (true, !deleted)
    }

    /// Puts the claims of a condemned pod under the retention policy before it goes.
    func fixCondemnedClaims(_ slot: Slot) -> (stop: Bool, failed: Bool) {
        guard let pod = slot.record, !claimsMatchRetention(pod) else { return (false, false) }
        return updateClaimsForRetention(pod.object) ? (false, false) : (true, true)
    }

    /// Deletes the highest-ordinal pod that is not on the update revision, down to the partition;
    /// waits while any pod in that range is unavailable.
    func rollingUpdate(_ slots: [Slot], counts: inout ReplicaCounts) {
        let updateMin = set.partition ?? 0
        var target = slots.count - 1
        while target >= updateMin {
            let slot = slots[target]
            if revision(of: slot) != updateName && !(slot.record?.isDeleting ?? false) {
                if let pod = slot.record, !deletePod(pod.name) { outcome.failed = true }
                counts.current -= 1
                return
            }
            if isUnavailable(slot) { return }
            target -= 1
        }
    }

    func identityMatches(_ pod: StatefulSetPodRecord) -> Bool {
        pod.parent == set.name && pod.hasNameLabel && pod.name == set.podName(pod.ordinal)
    }

    func storageMatches(_ pod: StatefulSetPodRecord) -> Bool {
        for template in set.claimTemplates where pod.claimVolumes[template.name] != set.claimName(template: template, ordinal: pod.ordinal) {
            return false
        }
        return true
    }

    // MARK: Status

    func count(_ slots: [Slot], _ condemned: [Slot]) -> ReplicaCounts {
        var c = ReplicaCounts()
        for slots in [slots, condemned] {
            for slot in slots {
                guard let pod = slot.record else { continue }
                c.replicas += 1
                if pod.isRunningAndReady {
                    c.ready += 1
                    if pod.isAvailable(minReadySeconds: set.minReadySeconds, now: now) { c.available += 1 }
                }
                if !pod.isDeleting {
                    if pod.revision == currentName { c.current += 1 }
                    if pod.revision == updateName { c.updated += 1 }
                }
            }
        }
        return c
    }

    /// Writes `status` when it differs, completing a finished rolling update first.
    func writeStatus(_ counts: ReplicaCounts, collisionCount: Int) {
        var counts = counts
        var currentRevision = currentName
        if !set.isOnDelete && counts.updated == set.replicas && counts.ready == set.replicas
            && counts.replicas == set.replicas
        {
            counts.current = counts.updated
            currentRevision = updateName
        }
        writtenCurrentName = currentRevision
        var status: JSONValue = [:]
        status["availableReplicas"] = .int(counts.available)
        status["collisionCount"] = .int(collisionCount)
        if counts.current != 0 { status["currentReplicas"] = .int(counts.current) }
        if !currentRevision.isEmpty { status["currentRevision"] = .string(currentRevision) }
        if set.generation != 0 { status["observedGeneration"] = .int(set.generation) }
        if counts.ready != 0 { status["readyReplicas"] = .int(counts.ready) }
        status["replicas"] = .int(counts.replicas)
        if !updateName.isEmpty { status["updateRevision"] = .string(updateName) }
        if counts.updated != 0 { status["updatedReplicas"] = .int(counts.updated) }
        let ref = ObjectRef(Self.setType, namespace: set.namespace, name: set.name)
        guard let latest = cluster.store.get(ref), latest.uid == set.uid, latest.status != status else { return }
        _ = try? cluster.store.modify(ref) { $0["status"] = status }
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

    // MARK: Pod and claim side effects (`stateful_pod_control.go`)

    func ref(pod name: String) -> ObjectRef { ObjectRef(Self.podType, namespace: set.namespace, name: name) }
    func ref(claim name: String) -> ObjectRef { ObjectRef(Self.claimType, namespace: set.namespace, name: name) }

    /// Creates the pod's claims, then the pod; records the events kubectl describe shows.
    func createPod(_ pod: JSONValue, ordinal: Int) -> Bool {
        if let error = createClaims(podName: pod.name, ordinal: ordinal) {
            recordPodEvent("create", pod.name, error: error)
            return false
        }
        let created: JSONValue
        do {
            created = try cluster.api.create(pod, as: Self.podType)
        } catch {
            if error.reason != .alreadyExists { recordPodEvent("create", pod.name, error: error.statusMessage) }
            return false
        }
        if set.hasRetentionPolicy || claimsHaveOwners(ordinal: ordinal) {
            guard updateClaimsForRetention(created) else { return false }
        }
        recordPodEvent("create", created.name, error: nil)
        return true
    }

    /// Creates the claims that do not exist yet; an existing claim is reused as it is. Returns the
    /// aggregated error text, or nil.
    func createClaims(podName: String, record: StatefulSetPodRecord? = nil, ordinal: Int) -> String? {
        if set.claimTemplates.isEmpty { return nil }
        if let record, record.claimsPresentEpoch == cache.claimLossEpoch { return nil }
        var errors: [String] = []
        for template in set.claimTemplates {
            let name = set.claimName(template: template, ordinal: ordinal)
            if let existing = cache.claim(name, namespace: set.namespace, in: cluster.store) {
                if existing.isDeleting { errors.append("pvc \(name) is being deleted") }
                continue
            }
            do {
                _ = try cluster.api.create(StatefulSetPodFactory.claim(for: set, template: template, ordinal: ordinal), as: Self.claimType)
                recordClaimEvent(name, podName, error: nil)
            } catch {
                errors.append("failed to create PVC \(name): \(error.statusMessage)")
                if error.reason != .alreadyExists { recordClaimEvent(name, podName, error: error.statusMessage) }
            }
        }
        if errors.isEmpty {
            record?.claimsPresentEpoch = cache.claimLossEpoch
            return nil
        }
        return errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]"
    }

    /// Whether any of the ordinal's claims has ownerReferences (only then can a Retain/Retain
    /// policy find them out of date).
    func claimsHaveOwners(ordinal: Int) -> Bool {
        if cache.claimsWithOwners.isEmpty { return false }
        return set.claimTemplates.contains {
            cache.claim(set.claimName(template: $0, ordinal: ordinal), namespace: set.namespace, in: cluster.store)?.hasOwners ?? false
        }
    }

    /// A claim still owned by an earlier pod of this name will be garbage collected; wait for it
    /// rather than mount data the policy said to delete (`PodClaimIsStale`).
    func claimIsStale(podName: String, ordinal: Int) -> Bool {
        guard set.deletesClaimsWhenScaled else { return false }
        let owner = ClaimRetentionPolicy.Owner(apiVersion: "v1", kind: "Pod", name: podName, uid: "")
        for template in set.claimTemplates {
            if let claim = cluster.store.get(ref(claim: set.claimName(template: template, ordinal: ordinal))),
                ClaimRetentionPolicy.hasStaleReference(claim, to: owner)
            {
                return true
            }
        }
        return false
    }

    func claimsMatchRetention(_ pod: StatefulSetPodRecord) -> Bool {
        if set.claimTemplates.isEmpty { return true }
        if !set.hasRetentionPolicy && !claimsHaveOwners(ordinal: pod.ordinal) { return true }
        for template in set.claimTemplates {
            guard let claim = cluster.store.get(ref(claim: set.claimName(template: template, ordinal: pod.ordinal))) else {
                continue
            }
            if !ClaimRetentionPolicy.isUpToDate(claim, set: set, pod: pod.object) { return false }
        }
        return true
    }

    /// Sets the claims' ownerReferences to what the retention policy asks for.
    func updateClaimsForRetention(_ pod: JSONValue) -> Bool {
        guard let id = PodOrdinal(pod.name) else { return true }
        for template in set.claimTemplates {
            let name = set.claimName(template: template, ordinal: id.ordinal)
            guard let claim = cluster.store.get(ref(claim: name)) else { continue }
            if ClaimRetentionPolicy.hasUnexpectedController(claim, set: set, pod: pod) {
                cluster.recordEvent(
                    for: setObject, type: "Warning", reason: "ConflictingController",
                    message: "PersistentVolumeClaim \(name) has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim",
                    source: Self.source)
            }
            if ClaimRetentionPolicy.isUpToDate(claim, set: set, pod: pod) { continue }
            do {
                try cluster.store.modify(ref(claim: name)) { ClaimRetentionPolicy.update(&$0, set: set, pod: pod) }
            } catch {
                return false
            }
        }
        return true
    }

    /// Restores identity labels and claim ownership on an existing pod (`UpdateStatefulPod`).
    func updatePod(_ pod: StatefulSetPodRecord) -> Bool {
        var updated = pod.object
        var consistent = true
        if !identityMatches(pod) {
            StatefulSetPodFactory.restoreIdentity(set, &updated)
            consistent = false
        }
        if !storageMatches(pod) {
            // Pod volumes are immutable; only the missing claims can be provided.
            if let error = createClaims(podName: pod.name, ordinal: pod.ordinal) {
                recordPodEvent("update", pod.name, error: error)
                return false
            }
        }
        if !claimsMatchRetention(pod) {
            guard updateClaimsForRetention(pod.object) else { return false }
            consistent = false
        }
        if consistent { return true }
        do {
            _ = try cluster.store.update(Self.podType, updated)
        } catch {
            recordPodEvent("update", pod.name, error: error.statusMessage)
            return false
        }
        recordPodEvent("update", pod.name, error: nil)
        return true
    }

    func deletePod(_ name: String) -> Bool {
        do {
            _ = try cluster.api.delete(ref(pod: name))
        } catch {
            recordPodEvent("delete", name, error: error.statusMessage)
            return false
        }
        recordPodEvent("delete", name, error: nil)
        return true
    }

    func recordPodEvent(_ verb: String, _ pod: String, error: String?) {
        let title = verb.prefix(1).uppercased() + verb.dropFirst()
        if let error {
            cluster.recordEvent(
                for: setObject, type: "Warning", reason: "Failed" + title,
                message: "\(verb) Pod \(pod) in StatefulSet \(set.name) failed error: \(error)", source: Self.source)
        } else {
            cluster.recordEvent(
                for: setObject, type: "Normal", reason: "Successful" + title,
                message: "\(verb) Pod \(pod) in StatefulSet \(set.name) successful", source: Self.source)
        }
    }

    func recordClaimEvent(_ claim: String, _ pod: String, error: String?) {
        if let error {
            cluster.recordEvent(
                for: setObject, type: "Warning", reason: "FailedCreate",
                message: "create Claim \(claim) for Pod \(pod) in StatefulSet \(set.name) failed error: \(error)",
                source: Self.source)
        } else {
            cluster.recordEvent(
                for: setObject, type: "Normal", reason: "SuccessfulCreate",
                message: "create Claim \(claim) Pod \(pod) in StatefulSet \(set.name) success", source: Self.source)
        }
    }
}
