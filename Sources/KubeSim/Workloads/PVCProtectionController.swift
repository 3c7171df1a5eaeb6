import KubeAPI

/// The pvc-protection controller: a claim being deleted keeps its `kubernetes.io/pvc-protection`
/// finalizer, and so stays `Terminating`, while a scheduled, unfinished pod still mounts it.
///
/// Which pods mount which claim is indexed from the pod watch, so checking a claim never lists pods.
public final class PVCProtectionController: Controller {
    public let name = "pvc-protection-controller"
    public let watchedKinds = WatchedKinds.only(["PersistentVolumeClaim", "Pod"])
    static let finalizer = "kubernetes.io/pvc-protection"
    static let claimType = ResourceRegistry.forKind("PersistentVolumeClaim")!
    static let podType = ResourceRegistry.forKind("Pod")!

    /// `ns/claim` → names of pods whose volumes name that claim.
    private var podsByClaim: [String: Set<String>] = [:]

    public init() {}

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        let object = event.object
        let ns = object.namespace ?? "default"
        switch event.resource.kind {
        case "PersistentVolumeClaim":
            guard event.kind != .deleted, object.isDeleting else { return [] }
            return [ns + "/" + object.name]
        case "Pod":
            let claims = PodConditions.claimNames(object)
            if claims.isEmpty { return [] }
            var keys: [String] = []
            for claim in claims {
                let key = ns + "/" + claim
                if event.kind == .deleted {
                    podsByClaim[key]?.remove(object.name)
                    if podsByClaim[key]?.isEmpty == true { podsByClaim[key] = nil }
                } else {
                    podsByClaim[key, default: []].insert(object.name)
                }
                if let pvc = cluster.store.get(Self.claimType, namespace: ns, name: claim), pvc.isDeleting { keys.append(key) }
            }
            return keys
        default:
            return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let (ns, name) = NamespacedKey.split(key) else { return }
        let ref = ObjectRef(Self.claimType, namespace: ns, name: name)
        guard let claim = cluster.store.get(ref), claim.isDeleting,
            claim["metadata"]["finalizers"].items.contains(.string(Self.finalizer)),
            !isInUse(key, namespace: ns, in: cluster)
        else { return }
        _ = try? cluster.store.modify(ref) { pvc in
            let kept = pvc["metadata"]["finalizers"].items.filter { $0 != .string(Self.finalizer) }
            pvc["metadata"]["finalizers"] = kept.isEmpty ? nil : .array(kept)
        }
    }

    /// A pod that is scheduled and has not finished uses the claim (`podUsesPVC`).
    func isInUse(_ key: String, namespace: String, in cluster: Cluster) -> Bool {
        for podName in podsByClaim[key] ?? [] {
            guard let pod = cluster.store.get(Self.podType, namespace: namespace, name: podName) else { continue }
            if !(pod.spec["nodeName"].string ?? "").isEmpty && !PodConditions.isTerminal(pod) { return true }
        }
        return false
    }
}
