import KubeAPI

/// `persistentVolumeClaimRetentionPolicy` expressed as ownerReferences on the claims, so the
/// garbage collector deletes them (KEP-1847, `isClaimOwnerUpToDate` / `updateClaimOwnerRefForSetAndPod`):
/// - Retain/Retain: no reference from the set or the pod;
/// - whenDeleted Delete: a controller reference to the set;
/// - whenScaled Delete: a controller reference to the pod once its ordinal is out of range;
/// - both: the set while in range, the pod once scaled down.
enum ClaimRetentionPolicy {
    struct Owner {
        let apiVersion: String
        let kind: String
        let name: String
        let uid: String

        func matches(_ ref: JSONValue) -> Bool {
            ref["apiVersion"].string == apiVersion && ref["kind"].string == kind && ref["name"].string == name
        }

        var controllerReference: JSONValue {
            OwnerReferences.controllerReference(apiVersion: apiVersion, kind: kind, name: name, uid: uid)
        }
    }

    static func setOwner(_ set: StatefulSetSpecView) -> Owner {
        Owner(apiVersion: "apps/v1", kind: "StatefulSet", name: set.name, uid: set.uid)
    }

    static func podOwner(_ pod: JSONValue) -> Owner {
        Owner(apiVersion: "v1", kind: "Pod", name: pod.name, uid: pod.uid)
    }

    /// A reference naming the owner but with another uid: a previous incarnation still owns it.
    static func hasStaleReference(_ claim: JSONValue, to owner: Owner) -> Bool {
        guard let ref = claim.ownerReferences.first(where: owner.matches) else { return false }
        return ref["uid"].string != owner.uid
    }

    /// Some other controller (not this set or this pod) manages the claim.
    static func hasUnexpectedController(_ claim: JSONValue, set: StatefulSetSpecView, pod: JSONValue) -> Bool {
        guard set.hasRetentionPolicy else { return false }
        let s = setOwner(set), p = podOwner(pod)
        for ref in claim.ownerReferences {
            if s.matches(ref) {
                if ref["uid"].string != s.uid { return true }
                continue
            }
            if p.matches(ref) {
                if ref["uid"].string != p.uid { return true }
                continue
            }
            if ref["controller"].bool == true { return true }
        }
        return false
    }

    static func isUpToDate(_ claim: JSONValue, set: StatefulSetSpecView, pod: JSONValue) -> Bool {
        let s = setOwner(set), p = podOwner(pod)
        if hasStaleReference(claim, to: s) || hasStaleReference(claim, to: p) { return true }
        let refsSet = OwnerReferences.has(claim, uid: set.uid)
        let refsPod = !pod.uid.isEmpty && OwnerReferences.has(claim, uid: pod.uid)
        if hasUnexpectedController(claim, set: set, pod: pod) { return !(refsSet || refsPod) }
        let nonController = claim.ownerReferences.contains {
            ($0["uid"].string == set.uid || (!pod.uid.isEmpty && $0["uid"].string == pod.uid)) && $0["controller"].bool != true
        }
        if nonController { return false }
        let scaledDown = !(PodOrdinal(pod.name).map { set.inRange($0.ordinal) } ?? false)
        switch (set.deletesClaimsWhenScaled, set.deletesClaimsWhenDeleted) {
        case (false, false): return !refsSet && !refsPod
        case (false, true): return refsSet && !refsPod
        case (true, false): return !refsSet && scaledDown == refsPod
        case (true, true): return scaledDown != refsSet && scaledDown == refsPod
        }
    }

    /// Rewrites the claim's references to this set and pod to what the policy asks for.
    static func update(_ claim: inout JSONValue, set: StatefulSetSpecView, pod: JSONValue) {
        let s = setOwner(set), p = podOwner(pod)
        let unexpected = hasUnexpectedController(claim, set: set, pod: pod)
        OwnerReferences.remove(from: &claim) { s.matches($0) || p.matches($0) }
        if unexpected { return }
        let scaledDown = !(PodOrdinal(pod.name).map { set.inRange($0.ordinal) } ?? false)
        switch (set.deletesClaimsWhenScaled, set.deletesClaimsWhenDeleted) {
        case (false, false): break
        case (false, true): OwnerReferences.add(s.controllerReference, to: &claim)
        case (true, false): if scaledDown && !pod.uid.isEmpty { OwnerReferences.add(p.controllerReference, to: &claim) }
        case (true, true):
            if scaledDown {
                if !pod.uid.isEmpty { OwnerReferences.add(p.controllerReference, to: &claim) }
            } else {
                OwnerReferences.add(s.controllerReference, to: &claim)
            }
        }
    }
}
