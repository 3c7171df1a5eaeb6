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

    public let nfsExport = VirtualVolume(name: "nfs-export")
    private var byVolumeName: [String: VirtualVolume] = [:]
    private var emptyDirs: [String: VirtualVolume] = [:]
    private var hostPaths: [String: VirtualVolume] = [:]

    public init() {}

    /// The data of a PersistentVolume, as (volume, subPath) to mount.
    public func persistentVolume(_ pv: JSONValue) -> (VirtualVolume, String?) {
        if let path = pv["spec"]["nfs"]["path"].string, path.hasPrefix(Self.nfsExportPath + "/") {
            let folder = String(path.dropFirst(Self.nfsExportPath.count + 1))
            let fs = VirtualFileSystem(root: nfsExport)
            try? fs.createDirectory("/" + folder, withIntermediates: true, mode: 0o777)
            return (nfsExport, folder)
        }
        if let existing = byVolumeName[pv.name] { return (existing, nil) }
        let capacity = StorageSize.bytes(pv["spec"]["capacity"]["storage"].string) ?? Self.defaultCapacity
        let volume = VirtualVolume(name: pv.name, capacityBytes: capacity, mode: 0o777)
        byVolumeName[pv.name] = volume
        return (volume, nil)
    }

    public func emptyDir(podUID: String, name: String, sizeLimit: String?) -> VirtualVolume {
        let key = podUID + "/" + name
        if let v = emptyDirs[key] { return v }
        let v = VirtualVolume(name: name, capacityBytes: StorageSize.bytes(sizeLimit) ?? Self.defaultCapacity, mode: 0o777)
        emptyDirs[key] = v
        return v
    }

    public func hostPath(node: String, path: String) -> VirtualVolume {
        let key = node + ":" + path
        if let v = hostPaths[key] { return v }
        let v = VirtualVolume(name: path, capacityBytes: Self.defaultCapacity)
        hostPaths[key] = v
        return v
    }

    /// A pod is gone: its emptyDirs go with it.
    public func releasePod(uid: String) {
        for key in emptyDirs.keys where key.hasPrefix(uid + "/") { emptyDirs.removeValue(forKey: key) }
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

/// Kubernetes quantities (`1Gi`, `500Mi`, `5M`) as bytes.
enum StorageSize {
    static func bytes(_ text: String?) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        let units: [(String, Double)] = [("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
                                         ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let n = Double(text.dropLast(suffix.count)) else { return nil }
            return Int(min(n * factor, 1e15))
        }
        return Double(text).map { Int(min($0, 1e15)) }
    }
}
