import KubeAPI

/// The attach/detach controller (pkg/controller/volume/attachdetach) for network block volumes:
/// a ReadWriteOnce CSI volume is attached to the node of the pod using it, listed in that node's
/// `status.volumesAttached` (the kubelet mounts it only then), and detached once no pod on that
/// node needs it. While it is still attached to another node, pods elsewhere get
/// `Multi-Attach error`. A node that went away never confirms the unmount, so its volumes are
/// force-detached only after `maxWaitForUnmountDuration` (6 minutes). Each attachment is also a
/// VolumeAttachment object, as for any CSI driver: created when the attach starts, `attached: true`
/// once the driver's attacher reports it, deleted when the volume is detached.
public final class AttachDetachController: Controller {
    public let name = "attachdetach-controller"
    public let watchedKinds = WatchedKinds.only(["Pod", "Node"])
    static let maxWaitForUnmount: Millis = 360_000
    static let attachDelay: ClosedRange<Int> = 900...2_400
    static let detachDelay: ClosedRange<Int> = 600...1_500
    /// CSI drivers whose volumes attach to a node (Longhorn's block devices).
    static let attachableDrivers: Set<String> = ["driver.longhorn.io"]

    static let podType = ResourceRegistry.forKind("Pod")!
    static let pvcType = ResourceRegistry.forKind("PersistentVolumeClaim")!
    static let pvType = ResourceRegistry.forKind("PersistentVolume")!
    static let nodeType = ResourceRegistry.forKind("Node")!
    static let attachmentType = ResourceRegistry.forKind("VolumeAttachment")!

    /// `kubernetes.io/csi/<driver>^<volume handle>`, the name in `status.volumesAttached`.
    public static func uniqueName(of pv: JSONValue) -> String? {
        guard let driver = pv["spec"]["csi"]["driver"].string, attachableDrivers.contains(driver),
            let handle = pv["spec"]["csi"]["volumeHandle"].string
        else { return nil }
        return "kubernetes.io/csi/\(driver)^\(handle)"
    }

    /// Whether pods on different nodes may not share the volume.
    static func isExclusive(_ pv: JSONValue) -> Bool {
        !pv["spec"]["accessModes"].items.contains { $0.string == "ReadWriteMany" || $0.string == "ReadOnlyMany" }
    }

    /// The pod a `namespace/name` key names.
    static func pod(_ key: String, in cluster: Cluster) -> JSONValue? {
        guard let (ns, name) = NamespacedKey.split(key) else { return nil }
        return cluster.store.get(podType, namespace: ns, name: name)
    }

    private var attached: [String: String] = [:]
    private var busy: Set<String> = []
    private var detachRequested: [String: Millis] = [:]
    private var podsByVolume: [String: Set<String>] = [:]
    private var volumesByPod: [String: Set<String>] = [:]
    private var reported: Set<String> = []
    /// The VolumeAttachment of each volume that is attached or attaching.
    private var attachmentNames: [String: String] = [:]

    public init() {}

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        switch event.resource.kind {
        case "Pod":
            let pod = event.object, key = event.namespacedKey
            let before = volumesByPod[key] ?? []
            var now: Set<String> = []
            if event.kind != .deleted && !(pod["spec"]["nodeName"].string ?? "").isEmpty {
                for claim in PodConditions.claimNames(pod) {
                    guard let pvc = cluster.store.get(Self.pvcType, namespace: pod.namespace ?? "default", name: claim),
                        let volume = pvc["spec"]["volumeName"].string, !volume.isEmpty,
                        let pv = cluster.store.get(Self.pvType, namespace: nil, name: volume), Self.uniqueName(of: pv) != nil
                    else { continue }
                    now.insert(volume)
                }
            }
            if before.isEmpty && now.isEmpty { return [] }
            volumesByPod[key] = now.isEmpty ? nil : now
            for v in before.subtracting(now) { podsByVolume[v]?.remove(key) }
            for v in now { podsByVolume[v, default: []].insert(key) }
            return before.union(now).sorted()
        case "Node":
            let name = event.object.name
            let ready = { (n: JSONValue?) in n.flatMap(NodeHealth.readyStatus) }
            if event.kind != .deleted && ready(event.old) == ready(event.object) { return [] }
            return attached.filter { $0.value == name }.map(\.key).sorted()
        default:
            return []
        }
    }

    public func sync(_ volume: String, in cluster: Cluster) {
        guard let pv = cluster.store.get(Self.pvType, namespace: nil, name: volume) else {
            if let node = attached.removeValue(forKey: volume) { writeAttached(node, in: cluster) }
            deleteAttachment(volume, in: cluster)
            return
        }
        let pods = (podsByVolume[volume] ?? []).sorted().compactMap { Self.pod($0, in: cluster) }.filter { !PodConditions.isTerminal($0) }
        let wanted = pods.compactMap { $0["spec"]["nodeName"].string }
        if busy.contains(volume) {
            if let node = attached[volume], Self.isExclusive(pv) {
                reportMultiAttach(pv, pods: pods.filter { $0["spec"]["nodeName"].string != node }, in: cluster)
            }
            return
        }
        if let node = attached[volume] {
            if wanted.contains(node) {
                detachRequested[volume] = nil
                if Self.isExclusive(pv) { reportMultiAttach(pv, pods: pods.filter { $0["spec"]["nodeName"].string != node }, in: cluster) }
                return
            }
            detach(pv, from: node, in: cluster)
            return
        }
        guard let first = pods.first, let node = first["spec"]["nodeName"].string else { return }
        attach(pv, to: node, in: cluster)
    }

    private func reportMultiAttach(_ pv: JSONValue, pods: [JSONValue], in cluster: Cluster) {
        for pod in pods where reported.insert(pod.uid + "/" + pv.name).inserted {
            cluster.recordEvent(for: pod, type: "Warning", reason: "FailedAttachVolume",
                                message: "Multi-Attach error for volume \"\(pv.name)\" Volume is already exclusively attached to one node and can't be attached to another",
                                source: name)
        }
    }

    private func attach(_ pv: JSONValue, to node: String, in cluster: Cluster) {
        let volume = pv.name
        busy.insert(volume)
        createAttachment(pv, node: node, in: cluster)
        cluster.schedule(after: Millis(cluster.rng.int(in: Self.attachDelay))) { [weak self, unowned cluster] in
            guard let self else { return }
            self.busy.remove(volume)
            guard cluster.store.get(Self.nodeType, namespace: nil, name: node) != nil else {
                self.deleteAttachment(volume, in: cluster)
                cluster.enqueue(self, key: volume)
                return
            }
            self.attached[volume] = node
            self.writeAttached(node, in: cluster)
            self.markAttached(volume, in: cluster)
            for key in (self.podsByVolume[volume] ?? []).sorted() {
                guard let pod = Self.pod(key, in: cluster), pod["spec"]["nodeName"].string == node else { continue }
                cluster.recordEvent(for: pod, type: "Normal", reason: "SuccessfulAttachVolume",
                                    message: "AttachVolume.Attach succeeded for volume \"\(volume)\"", source: self.name)
            }
            cluster.enqueue(self, key: volume)
        }
    }

    /// Detaches once the node confirms the unmount (it is Ready and its pods are gone); from a node
    /// that cannot say so, only after the 6-minute wait.
    private func detach(_ pv: JSONValue, from node: String, in cluster: Cluster) {
        let volume = pv.name
        let healthy = cluster.store.get(Self.nodeType, namespace: nil, name: node).flatMap(NodeHealth.readyStatus) == "True"
        let requested = detachRequested[volume] ?? cluster.now
        detachRequested[volume] = requested
        let due = healthy ? cluster.now + Millis(cluster.rng.int(in: Self.detachDelay)) : requested + Self.maxWaitForUnmount
        busy.insert(volume)
        cluster.schedule(at: due) { [weak self, unowned cluster] in
            guard let self else { return }
            self.busy.remove(volume)
            let stillWanted = (self.podsByVolume[volume] ?? []).contains { key in
                guard let pod = Self.pod(key, in: cluster) else { return false }
                return pod["spec"]["nodeName"].string == node && !PodConditions.isTerminal(pod)
            }
            if !stillWanted, self.attached[volume] == node {
                self.attached[volume] = nil
                self.detachRequested[volume] = nil
                self.writeAttached(node, in: cluster)
                self.deleteAttachment(volume, in: cluster)
            }
            cluster.enqueue(self, key: volume)
        }
    }

    // MARK: VolumeAttachment objects

    /// `csi-<sha256 of volume handle, driver and node>`, as the CSI attacher plugin names it
    /// (pkg/volume/csi's getAttachmentName).
    static func attachmentName(handle: String, driver: String, node: String) -> String {
        "csi-" + SHA256.hex(Array((handle + driver + node).utf8))
    }

    /// Its uid comes from a generator seeded by its name, not the cluster's sequence, so pod names,
    /// IPs and uids stay as they were before these objects existed.
    private func createAttachment(_ pv: JSONValue, node: String, in cluster: Cluster) {
        guard let driver = pv["spec"]["csi"]["driver"].string, let handle = pv["spec"]["csi"]["volumeHandle"].string else { return }
        let name = Self.attachmentName(handle: handle, driver: driver, node: node)
        if let previous = attachmentNames[pv.name], previous != name { deleteAttachment(pv.name, in: cluster) }
        attachmentNames[pv.name] = name
        let attachment: JSONValue = [
            "metadata": ["name": .string(name)],
            "spec": ["attacher": .string(driver), "nodeName": .string(node), "source": ["persistentVolumeName": .string(pv.name)]],
            "status": ["attached": false],
        ]
        var uids = SeededGenerator(seed: UInt64(RevisionHash.fnv1(Array(name.utf8))))
        _ = try? cluster.store.create(Self.attachmentType, attachment, uid: uids.uuid())
    }

    /// The driver's attacher reports the attach and holds the object with its finalizer.
    private func markAttached(_ volume: String, in cluster: Cluster) {
        guard let name = attachmentNames[volume], let pv = cluster.store.get(Self.pvType, namespace: nil, name: volume) else { return }
        let finalizer = "external-attacher/" + (pv["spec"]["csi"]["driver"].string ?? "").replacingOccurrences(of: ".", with: "-")
        _ = try? cluster.store.modify(ObjectRef(Self.attachmentType, namespace: "", name: name)) { va in
            va["metadata"]["finalizers"] = [.string(finalizer)]
            va["status"]["attached"] = true
        }
    }

    private func deleteAttachment(_ volume: String, in cluster: Cluster) {
        guard let name = attachmentNames.removeValue(forKey: volume) else { return }
        let ref = ObjectRef(Self.attachmentType, namespace: "", name: name)
        _ = try? cluster.store.modify(ref) { va in va["metadata"]["finalizers"] = nil }
        _ = try? cluster.store.delete(ref)
    }

    /// The node's `status.volumesAttached`, from what is attached to it.
    private func writeAttached(_ node: String, in cluster: Cluster) {
        let ref = ObjectRef(Self.nodeType, namespace: "", name: node)
        guard cluster.store.get(ref) != nil else { return }
        let names = attached.filter { $0.value == node }.map(\.key).sorted().compactMap { volume -> JSONValue? in
            guard let pv = cluster.store.get(Self.pvType, namespace: nil, name: volume), let unique = Self.uniqueName(of: pv) else { return nil }
            return ["devicePath": "", "name": .string(unique)]
        }
        _ = try? cluster.store.modify(ref) { n in n["status"]["volumesAttached"] = names.isEmpty ? nil : .array(names) }
    }
}
