import KubeAPI

/// The StatefulSet controller's side effects on pods and claims (`StatefulPodControl`,
/// stateful_pod_control.go): create a pod after its claims, restore a pod's identity and storage,
/// delete a pod, keep claims' ownerReferences as the retention policy asks, and record the events
/// `kubectl describe sts` shows. It decides nothing; `StatefulSetControl` says what to do.
struct StatefulPodControl {
    static let podType = ResourceRegistry.forKind("Pod")!
    static let claimType = ResourceRegistry.forKind("PersistentVolumeClaim")!
    static let source = "statefulset-controller"

    let cluster: Cluster
    let cache: StatefulSetCache
    let setObject: JSONValue
    let set: StatefulSetSpecView

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
            created = try cluster.api.create(pod, as: Self.podType, fieldValidation: .typedClient)
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
                _ = try cluster.api.create(StatefulSetPodFactory.claim(for: set, template: template, ordinal: ordinal), as: Self.claimType, fieldValidation: .typedClient)
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
        if !set.identityMatches(pod) {
            StatefulSetPodFactory.restoreIdentity(set, &updated)
            consistent = false
        }
        if !set.storageMatches(pod) {
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

extension StatefulSetSpecView {
    /// `identityMatches`: the pod has the set's name for its ordinal and the identity labels.
    func identityMatches(_ pod: StatefulSetPodRecord) -> Bool {
        pod.parent == name && pod.hasNameLabel && pod.name == podName(pod.ordinal)
    }

    /// `storageMatches`: every claim template is mounted from the ordinal's claim.
    func storageMatches(_ pod: StatefulSetPodRecord) -> Bool {
        for template in claimTemplates where pod.claimVolumes[template.name] != claimName(template: template, ordinal: pod.ordinal) {
            return false
        }
        return true
    }
}
