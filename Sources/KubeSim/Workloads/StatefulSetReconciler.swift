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

    /// A replica slot: the stored pod, or the pod about to be created for a missing ordinal.
    struct Slot {
        var pod: JSONValue
        var stored: Bool
    }

    struct ReplicaCounts: Equatable {
        var replicas = 0, ready = 0, available = 0, current = 0, updated = 0
    }

    let cluster: Cluster
    let setObject: JSONValue
    let set: StatefulSetSpecView
    var outcome = Outcome()

    init(cluster: Cluster, set: JSONValue) {
        self.cluster = cluster
        self.setObject = set
        self.set = StatefulSetSpecView(set)
    }

    var now: Millis { cluster.now }

    // MARK: The pass

    func run(pods: [JSONValue]) -> Outcome {
        let history = ControllerRevisionHistory(cluster: cluster)
        let revisions = history.owned(by: set)
        guard let (current, update, collisionCount) = chooseRevisions(revisions, history: history) else {
            outcome.failed = true
            return outcome
        }
        let currentTemplate = ControllerRevisionHistory.template(of: current)
        let updateTemplate = ControllerRevisionHistory.template(of: update)

        var replicas: [Slot?] = Array(repeating: nil, count: set.replicas)
        var condemned: [Slot] = []
        for pod in pods {
            guard let id = PodOrdinal(pod.name) else { continue }
            if set.inRange(id.ordinal) {
                replicas[id.ordinal - set.startOrdinal] = Slot(pod: pod, stored: true)
            } else {
                condemned.append(Slot(pod: pod, stored: true))
            }
        }
        var slots: [Slot] = []
        slots.reserveCapacity(set.replicas)
        for (i, slot) in replicas.enumerated() {
            if let slot { slots.append(slot); continue }
            let ordinal = set.startOrdinal + i
            let onCurrent = (!set.isOnDelete && set.partition == nil && ordinal < set.startOrdinal + set.statusCurrentReplicas)
                || (set.partition.map { ordinal < set.startOrdinal + $0 } ?? false)
            let pod = onCurrent
                ? StatefulSetPodFactory.pod(for: set, template: currentTemplate, ordinal: ordinal, revision: current.name)
                : StatefulSetPodFactory.pod(for: set, template: updateTemplate, ordinal: ordinal, revision: update.name)
            slots.append(Slot(pod: pod, stored: false))
        }
        condemned.sort { (PodOrdinal($0.pod.name)?.ordinal ?? -1) > (PodOrdinal($1.pod.name)?.ordinal ?? -1) }

        var firstUnhealthy: String?
        for slot in slots where isUnavailable(slot) {
            firstUnhealthy = slot.pod.name
            break
        }
        if firstUnhealthy == nil {
            for slot in condemned.reversed() where isUnavailable(slot) {
                firstUnhealthy = slot.pod.name
                break
            }
        }

        var counts = count(slots + condemned, current: current.name, update: update.name)
        scheduleAvailabilityRecheck(pods)
        if set.isDeleting {
            writeStatus(counts, current: current.name, update: update.name, collisionCount: collisionCount)
            return outcome
        }
        let monotonic = !set.isParallel

        if runForAll(slots.count, monotonic: monotonic, { processReplica(&slots, $0, monotonic: monotonic) })
            || runForAll(condemned.count, monotonic: monotonic, { fixCondemnedClaims(condemned[$0]) })
            || runForAll(condemned.count, monotonic: monotonic, {
                processCondemned(condemned[$0], firstUnhealthy: firstUnhealthy, monotonic: monotonic)
            })
        {
            counts = count(slots + condemned, current: current.name, update: update.name)
            writeStatus(counts, current: current.name, update: update.name, collisionCount: collisionCount)
            history.truncate(revisions, set: set, live: liveRevisions(pods, current.name, update.name))
            return outcome
        }
        counts = count(slots + condemned, current: current.name, update: update.name)

        if !set.isOnDelete {
            rollingUpdate(slots, update: update.name, counts: &counts)
        }
        writeStatus(counts, current: current.name, update: update.name, collisionCount: collisionCount)
        history.truncate(revisions, set: set, live: liveRevisions(pods, current.name, update.name))
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
        let proposed = history.proposed(for: set, number: next, collisionCount: collisionCount)
        let equal = revisions.filter { $0["data"] == proposed["data"] }
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

    func liveRevisions(_ pods: [JSONValue], _ current: String, _ update: String) -> Set<String> {
        var live: Set<String> = [current, update]
        for pod in pods { live.insert(StatefulSetPodFactory.revision(of: pod)) }
        return live
    }

    // MARK: Replicas

    func isUnavailable(_ slot: Slot) -> Bool {
        !slot.stored || slot.pod.isDeleting
            || !PodConditions.isAvailable(slot.pod, minReadySeconds: set.minReadySeconds, now: now)
    }

    func isRunningAndReady(_ slot: Slot) -> Bool { slot.stored && PodConditions.isRunningAndReady(slot.pod) }

    func isAvailable(_ slot: Slot) -> Bool {
        slot.stored && PodConditions.isAvailable(slot.pod, minReadySeconds: set.minReadySeconds, now: now)
    }

    /// `processReplica`: recreate finished pods, create missing ones (and their claims), and, in
    /// monotonic mode, stop at the first pod that is not yet Running, Ready and available.
    func processReplica(_ slots: inout [Slot], _ i: Int, monotonic: Bool) -> (stop: Bool, failed: Bool) {
        let slot = slots[i]
        let pod = slot.pod
        if slot.stored && PodConditions.isTerminal(pod) {
            if !pod.isDeleting && !deletePod(pod) { return (true, true) }
            // A new pod of the same name follows once this one is gone from the store.
            return (true, false)
        }
        if !slot.stored {
            if claimIsStale(for: pod) { return (true, false) }
            guard createPod(pod) else { return (true, true) }
            // The pod as created has no status yet; the next pass sees the stored one.
            return (monotonic, false)
        }
        if PodConditions.phase(pod) == "Pending" {
            if let error = createClaims(for: pod) {
                recordPodEvent("create", pod, error: error)
                return (true, true)
            }
            if !updateClaimsForRetention(pod) { return (true, true) }
        }
        if monotonic {
            if pod.isDeleting || !isRunningAndReady(slot) || !isAvailable(slot) { return (true, false) }
        }
        let retentionMatches = claimsMatchRetention(pod)
        if StatefulSetPodFactory.identityMatches(set, pod) && StatefulSetPodFactory.storageMatches(set, pod)
            && retentionMatches
        {
            return (false, false)
        }
        let updated = updatePod(pod)
        return (!updated, !updated)
    }

    /// `processCondemned`: delete pods beyond the replica count, highest ordinal first; in monotonic
    /// mode one at a time and only while the rest are healthy.
    func processCondemned(_ slot: Slot, firstUnhealthy: String?, monotonic: Bool) -> (stop: Bool, failed: Bool) {
        let pod = slot.pod
        if pod.isDeleting { return (monotonic, false) }
        if monotonic && pod.name != firstUnhealthy && (!isRunningAndReady(slot) || !isAvailable(slot)) {
            return (true, false)
        }
        let deleted = deletePod(pod)
        return (true, !deleted)
    }

    /// Puts the claims of a condemned pod under the retention policy before it goes.
    func fixCondemnedClaims(_ slot: Slot) -> (stop: Bool, failed: Bool) {
        if claimsMatchRetention(slot.pod) { return (false, false) }
        return updateClaimsForRetention(slot.pod) ? (false, false) : (true, true)
    }

    /// Deletes the highest-ordinal pod that is not on the update revision, down to the partition;
    /// waits while any pod in that range is unavailable.
    func rollingUpdate(_ slots: [Slot], update: String, counts: inout ReplicaCounts) {
        let updateMin = set.partition ?? 0
        var target = slots.count - 1
        while target >= updateMin {
            let slot = slots[target]
            if StatefulSetPodFactory.revision(of: slot.pod) != update && !slot.pod.isDeleting {
                if slot.stored && !deletePod(slot.pod) { outcome.failed = true }
                counts.current -= 1
                return
            }
            if isUnavailable(slot) { return }
            target -= 1
        }
    }

    // MARK: Status

    func count(_ slots: [Slot], current: String, update: String) -> ReplicaCounts {
        var c = ReplicaCounts()
        for slot in slots where slot.stored {
            c.replicas += 1
            if PodConditions.isRunningAndReady(slot.pod) {
                c.ready += 1
                if PodConditions.isAvailable(slot.pod, minReadySeconds: set.minReadySeconds, now: now) { c.available += 1 }
            }
            if !slot.pod.isDeleting {
                let revision = StatefulSetPodFactory.revision(of: slot.pod)
                if revision == current { c.current += 1 }
                if revision == update { c.updated += 1 }
            }
        }
        return c
    }

    /// Writes `status` when it differs, completing a finished rolling update first.
    func writeStatus(_ counts: ReplicaCounts, current: String, update: String, collisionCount: Int) {
        var counts = counts
        var currentRevision = current
        if !set.isOnDelete && counts.updated == set.replicas && counts.ready == set.replicas
            && counts.replicas == set.replicas
        {
            counts.current = counts.updated
            currentRevision = update
        }
        var status: JSONValue = [:]
        status["availableReplicas"] = .int(counts.available)
        status["collisionCount"] = .int(collisionCount)
        if counts.current != 0 { status["currentReplicas"] = .int(counts.current) }
        if !currentRevision.isEmpty { status["currentRevision"] = .string(currentRevision) }
        if set.generation != 0 { status["observedGeneration"] = .int(set.generation) }
        if counts.ready != 0 { status["readyReplicas"] = .int(counts.ready) }
        status["replicas"] = .int(counts.replicas)
        if !update.isEmpty { status["updateRevision"] = .string(update) }
        if counts.updated != 0 { status["updatedReplicas"] = .int(counts.updated) }
        let ref = ObjectRef(Self.setType, namespace: set.namespace, name: set.name)
        guard let latest = cluster.store.get(ref), latest.uid == set.uid, latest.status != status else { return }
        _ = try? cluster.store.modify(ref) { $0["status"] = status }
    }

    /// With minReadySeconds, pods turn available with no event to wake the controller; ask for a
    /// pass at the earliest such instant.
    func scheduleAvailabilityRecheck(_ pods: [JSONValue]) {
        guard set.minReadySeconds > 0 else { return }
        for pod in pods where PodConditions.isRunningAndReady(pod) {
            guard let since = PodConditions.readySince(pod) else { continue }
            let at = since + Millis(set.minReadySeconds) * 1000 + 1
            if at > now { outcome.recheckAt = min(outcome.recheckAt ?? at, at) }
        }
    }

    // MARK: Pod and claim side effects (`stateful_pod_control.go`)

    func ref(pod name: String) -> ObjectRef { ObjectRef(Self.podType, namespace: set.namespace, name: name) }
    func ref(claim name: String) -> ObjectRef { ObjectRef(Self.claimType, namespace: set.namespace, name: name) }

    /// Creates the pod's claims, then the pod; records the events kubectl describe shows.
    func createPod(_ pod: JSONValue) -> Bool {
        if let error = createClaims(for: pod) {
            recordPodEvent("create", pod, error: error)
            return false
        }
        let created: JSONValue
        do {
            created = try cluster.api.create(pod, as: Self.podType)
        } catch {
            if error.reason != .alreadyExists { recordPodEvent("create", pod, error: error.message) }
            return false
        }
        guard updateClaimsForRetention(created) else { return false }
        recordPodEvent("create", created, error: nil)
        return true
    }

    /// Creates the claims that do not exist yet; an existing claim is reused as it is. Returns the
    /// aggregated error text, or nil.
    func createClaims(for pod: JSONValue) -> String? {
        guard let id = PodOrdinal(pod.name) else { return nil }
        var errors: [String] = []
        for claim in StatefulSetPodFactory.claims(for: set, ordinal: id.ordinal) {
            if let existing = cluster.store.get(ref(claim: claim.name)) {
                if existing.isDeleting { errors.append("pvc \(claim.name) is being deleted") }
                continue
            }
            do {
                _ = try cluster.api.create(claim, as: Self.claimType)
                recordClaimEvent(claim.name, pod, error: nil)
            } catch {
                errors.append("failed to create PVC \(claim.name): \(error.message)")
                if error.reason != .alreadyExists { recordClaimEvent(claim.name, pod, error: error.message) }
            }
        }
        if errors.isEmpty { return nil }
        return errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]"
    }

    /// A claim still owned by an earlier pod of this name will be garbage collected; wait for it
    /// rather than mount data the policy said to delete (`PodClaimIsStale`).
    func claimIsStale(for pod: JSONValue) -> Bool {
        guard set.deletesClaimsWhenScaled, let id = PodOrdinal(pod.name) else { return false }
        let owner = ClaimRetentionPolicy.podOwner(pod)
        for template in set.claimTemplates {
            if let claim = cluster.store.get(ref(claim: set.claimName(template: template, ordinal: id.ordinal))),
                ClaimRetentionPolicy.hasStaleReference(claim, to: owner)
            {
                return true
            }
        }
        return false
    }

    func claimsMatchRetention(_ pod: JSONValue) -> Bool {
        guard let id = PodOrdinal(pod.name) else { return true }
        for template in set.claimTemplates {
            guard let claim = cluster.store.get(ref(claim: set.claimName(template: template, ordinal: id.ordinal))) else {
                continue
            }
            if !ClaimRetentionPolicy.isUpToDate(claim, set: set, pod: pod) { return false }
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
    func updatePod(_ pod: JSONValue) -> Bool {
        var updated = pod
        var consistent = true
        if !StatefulSetPodFactory.identityMatches(set, pod) {
            StatefulSetPodFactory.restoreIdentity(set, &updated)
            consistent = false
        }
        if !StatefulSetPodFactory.storageMatches(set, pod) {
            // Pod volumes are immutable; only the missing claims can be provided.
            if let error = createClaims(for: pod) {
                recordPodEvent("update", pod, error: error)
                return false
            }
        }
        if !claimsMatchRetention(pod) {
            guard updateClaimsForRetention(pod) else { return false }
            consistent = false
        }
        if consistent { return true }
        do {
            _ = try cluster.store.update(Self.podType, updated)
        } catch {
            recordPodEvent("update", pod, error: error.message)
            return false
        }
        recordPodEvent("update", pod, error: nil)
        return true
    }

    func deletePod(_ pod: JSONValue) -> Bool {
        do {
            _ = try cluster.api.delete(ref(pod: pod.name))
        } catch {
            recordPodEvent("delete", pod, error: error.message)
            return false
        }
        recordPodEvent("delete", pod, error: nil)
        return true
    }

    func recordPodEvent(_ verb: String, _ pod: JSONValue, error: String?) {
        let title = verb.prefix(1).uppercased() + verb.dropFirst()
        if let error {
            cluster.recordEvent(
                for: setObject, type: "Warning", reason: "Failed" + title,
                message: "\(verb) Pod \(pod.name) in StatefulSet \(set.name) failed error: \(error)", source: Self.source)
        } else {
            cluster.recordEvent(
                for: setObject, type: "Normal", reason: "Successful" + title,
                message: "\(verb) Pod \(pod.name) in StatefulSet \(set.name) successful", source: Self.source)
        }
    }

    func recordClaimEvent(_ claim: String, _ pod: JSONValue, error: String?) {
        if let error {
            cluster.recordEvent(
                for: setObject, type: "Warning", reason: "FailedCreate",
                message: "create Claim \(claim) for Pod \(pod.name) in StatefulSet \(set.name) failed error: \(error)",
                source: Self.source)
        } else {
            cluster.recordEvent(
                for: setObject, type: "Normal", reason: "SuccessfulCreate",
                message: "create Claim \(claim) Pod \(pod.name) in StatefulSet \(set.name) success", source: Self.source)
        }
    }
}
