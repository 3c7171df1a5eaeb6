import KubeAPI

/// The pv-protection controller: a volume being deleted keeps its `kubernetes.io/pv-protection`
/// finalizer while it is Bound to a claim, and loses it once it is not.
public final class PVProtectionController: Controller {
    public let name = "pv-protection-controller"
    public let watchedKinds = WatchedKinds.only(["PersistentVolume"])
    static let finalizer = "kubernetes.io/pv-protection"
    static let volumeType = ResourceRegistry.forKind("PersistentVolume")!

    public init() {}

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        guard event.resource.kind == "PersistentVolume", event.kind != .deleted, event.object.isDeleting else { return [] }
        return [event.object.name]
    }

    public func sync(_ key: String, in cluster: Cluster) {
        let ref = ObjectRef(Self.volumeType, namespace: "", name: key)
        guard let volume = cluster.store.get(ref), volume.isDeleting,
            volume["metadata"]["finalizers"].items.contains(.string(Self.finalizer)),
            volume.status["phase"].string != "Bound"
        else { return }
        _ = try? cluster.store.modify(ref) { pv in
            let kept = pv["metadata"]["finalizers"].items.filter { $0 != .string(Self.finalizer) }
            pv["metadata"]["finalizers"] = kept.isEmpty ? nil : .array(kept)
        }
    }
}
