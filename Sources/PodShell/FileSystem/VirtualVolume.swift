/// A tree of files with its own capacity: a container image's root, a PersistentVolume's data,
/// an emptyDir, or a secret/configMap projection. Volumes outlive the filesystems that mount them,
/// which is what lets StatefulSet data survive pod deletion.
public final class VirtualVolume {
    public let name: String
    public let root: FileNode
    /// Total bytes the volume may hold; nil for unlimited (still bounded by the per-file limit).
    public var capacityBytes: Int?

    public init(name: String, capacityBytes: Int? = nil, uid: Int = 0, gid: Int = 0, mode: UInt16 = 0o755, mtime: Int64 = 0) {
        self.name = name
        self.capacityBytes = capacityBytes
        self.root = FileNode(content: .directory([:]), mode: mode, uid: uid, gid: gid, mtime: mtime)
    }

    /// Bytes currently stored (computed; volumes are small).
    public var usedBytes: Int { root.byteCount }
}
