import KubeAPI
import KubeSim

/// Where volume data lives, so it outlives pods: a PersistentVolume's files stay with the PV
/// (and go when the PV is deleted), emptyDirs live as long as their pod, and the NFS server's
/// export directory holds the data of every `nfs`-class volume.
public final class VolumeStore {
    /// The NFS export seed 004 inspects (`ls -1 /var/share/nfs`); provisioned nfs PVs are folders in it.
    public static let nfsExportPath = "/var/share/nfs"
    /// Capacity of an emptyDir or a PV without a size, so a runaway write ends with "No space left".
    static let defaultCapacity = 1 << 30

    public let nfsExport: VirtualVolume
    /// The cluster clock: a volume's root directory is dated when it is made, as `ls -l` shows.
    private let now: () -> Millis
    private var byVolumeName: [String: VirtualVolume] = [:]
    /// Pod uid → volume name → its emptyDir, so a pod's deletion drops them without a scan.
    private var emptyDirs: [String: [String: VirtualVolume]] = [:]
    private var hostPaths: [String: VirtualVolume] = [:]

    public init(now: @escaping () -> Millis = { 0 }) {
        self.now = now
        nfsExport = VirtualVolume(name: "nfs-export", mtime: now())
    }

    /// The data of a PersistentVolume, as (volume, subPath) to mount.
    public func persistentVolume(_ pv: JSONValue) -> (VirtualVolume, String?) {
        if let path = pv["spec"]["nfs"]["path"].string, path.hasPrefix(Self.nfsExportPath + "/") {
            let folder = String(path.dropFirst(Self.nfsExportPath.count + 1))
            let fs = VirtualFileSystem(root: nfsExport, now: now)
            try? fs.createDirectory("/" + folder, withIntermediates: true, mode: 0o777)
            return (nfsExport, folder)
        }
        if let existing = byVolumeName[pv.name] { return (existing, nil) }
        let capacity = byteCount(pv["spec"]["capacity"]["storage"].string) ?? Self.defaultCapacity
        // The provisioner made the directory with the PersistentVolume, before any pod mounted it.
        let made = pv.creationTimestamp.flatMap(Timestamp.parse) ?? now()
        let volume = VirtualVolume(name: pv.name, capacityBytes: capacity, mode: 0o777, mtime: made)
        byVolumeName[pv.name] = volume
        return (volume, nil)
    }

    /// - Parameter madeAt: when the kubelet set the pod up (its `startTime`); containers are built on first use.
    public func emptyDir(podUID: String, name: String, sizeLimit: String?, madeAt: Millis? = nil) -> VirtualVolume {
        if let v = emptyDirs[podUID]?[name] { return v }
        let v = VirtualVolume(name: name, capacityBytes: byteCount(sizeLimit) ?? Self.defaultCapacity, mode: 0o777,
                              mtime: madeAt ?? now())
        emptyDirs[podUID, default: [:]][name] = v
        return v
    }

    public func hostPath(node: String, path: String) -> VirtualVolume {
        let key = node + ":" + path
        if let v = hostPaths[key] { return v }
        let v = VirtualVolume(name: path, capacityBytes: Self.defaultCapacity, mtime: now())
        hostPaths[key] = v
        return v
    }

    /// A pod is gone: its emptyDirs go with it.
    public func releasePod(uid: String) {
        emptyDirs.removeValue(forKey: uid)
    }

    /// A quantity as a byte count, capped so an absurd size cannot overflow.
    private func byteCount(_ text: String?) -> Int? {
        text.flatMap(StorageQuantity.bytes).map { Int(min(max($0, 0), 1e15)) }
    }

    /// A PersistentVolume is gone (reclaim policy Delete): so is its data.
    public func releasePersistentVolume(_ pv: JSONValue) {
        byVolumeName.removeValue(forKey: pv.name)
        if let path = pv["spec"]["nfs"]["path"].string, path.hasPrefix(Self.nfsExportPath + "/") {
            let fs = VirtualFileSystem(root: nfsExport)
            try? fs.remove("/" + path.dropFirst(Self.nfsExportPath.count + 1), recursive: true)
        }
    }
}
