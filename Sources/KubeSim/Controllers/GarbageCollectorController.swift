import KubeAPI

/// The garbage collector: when an owner goes, dependents none of whose owners remain are deleted
/// (their own dependents follow the same way); an owner deleted in the foreground keeps its
/// `foregroundDeletion` finalizer until its dependents are gone.
public final class GarbageCollectorController: Controller {
    public let name = "garbage-collector-controller"
    public let watchedKinds = WatchedKinds.every
    static let foregroundFinalizer = "foregroundDeletion"

    public init() {}

    /// Keys are `kind|namespace|name|uid` of an owner whose dependents need a look.
    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        let obj = event.object
        var keys: [String] = []
        switch event.kind {
        case .deleted:
            if !cluster.store.dependents(of: obj.uid).isEmpty { keys.append(Self.key(event.resource, obj)) }
            // A foreground owner waits for this dependent; let it look again.
            for owner in obj.ownerReferences {
                guard let kind = owner["kind"].string, let uid = owner["uid"].string, let name = owner["name"].string,
                    let type = ResourceRegistry.forKind(kind)
                else { continue }
                if let o = cluster.store.get(type, namespace: obj.namespace, name: name), o.uid == uid, o.isDeleting {
                    keys.append(Self.key(type, o))
                }
            }
        case .modified, .added:
            if obj.isDeleting && obj["metadata"]["finalizers"].items.contains(.string(Self.foregroundFinalizer)) {
                keys.append(Self.key(event.resource, obj))
            }
        }
        return keys
    }

    static func key(_ type: ResourceType, _ obj: JSONValue) -> String {
        "\(type.kind)|\(obj.namespace ?? "")|\(obj.name)|\(obj.uid)"
    }

    public func sync(_ key: String, in cluster: Cluster) {
        // Split by bytes: "|" is ASCII, and a String split walks grapheme clusters (tens of times slower).
        let parts = key.utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map { String($0) ?? "" }
        guard parts.count == 4, let type = ResourceRegistry.forKind(parts[0]) else { return }
        let uid = parts[3]
        let owner = cluster.store.get(type, namespace: parts[1], name: parts[2]).flatMap { $0.uid == uid ? $0 : nil }
        let dependents = cluster.store.dependents(of: uid)
        if let owner {
            guard owner.isDeleting, owner["metadata"]["finalizers"].items.contains(.string(Self.foregroundFinalizer)) else { return }
            var remaining = 0
            for dep in dependents {
                guard let obj = cluster.store.get(dep) else { continue }
                remaining += 1
                if !obj.isDeleting { _ = try? cluster.api.delete(dep, propagation: .foreground) }
            }
            remaining = dependents.filter { cluster.store.get($0) != nil }.count
            if remaining == 0 {
                _ = try? cluster.store.modify(ObjectRef(type, namespace: parts[1], name: parts[2])) { obj in
                    let kept = obj["metadata"]["finalizers"].items.filter { $0.string != Self.foregroundFinalizer }
                    obj["metadata"]["finalizers"] = kept.isEmpty ? .null : .array(kept)
                }
            }
            return
        }
        for dep in dependents {
            guard let obj = cluster.store.get(dep), !obj.isDeleting else { continue }
            let refs = obj.ownerReferences
            let alive = refs.filter { ownerExists($0, namespace: obj.namespace, in: cluster) }
            if alive.isEmpty {
                _ = try? cluster.api.delete(dep, propagation: .background)
            } else if alive.count < refs.count {
                _ = try? cluster.store.modify(dep) { $0["metadata"]["ownerReferences"] = .array(alive) }
            }
        }
    }

    private func ownerExists(_ ref: JSONValue, namespace: String?, in cluster: Cluster) -> Bool {
        guard let kind = ref["kind"].string, let name = ref["name"].string, let type = ResourceRegistry.forKind(kind) else {
            return false
        }
        return cluster.store.get(type, namespace: namespace, name: name)?.uid == ref["uid"].string
    }
}
