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

    /// What a volume without a capacity (a container's writable layer, the host's /tmp) may hold
    /// before writes fail with `No space left on device`: files live in memory. See docs/limits.md.
    public static let defaultCapacityBytes = 64 << 20
    /// `usedBytes` when last measured, and the bytes written since: their sum bounds the real
    /// use from above, so the tree is walked only when that bound nears the capacity.
    var measuredBytes = 0
    var growthSinceMeasured = 0
}
