/// One inode of the virtual filesystem. A class so a volume's tree can be shared by every
/// container that mounts it: a write through one mount is seen through all of them.
public final class FileNode {
    public enum Content {
        case directory([String: FileNode])
        case file([UInt8])
        case symlink(String)
        /// `/dev/null`, `/dev/zero`, `/dev/urandom`: read and write behave specially.
        case device(DeviceKind)
    }

    public enum DeviceKind: Sendable { case null, zero, random }

    public var content: Content
    /// Permission bits only (e.g. 0o644); the file type comes from `content`.
    public var mode: UInt16
    public var uid: Int
    public var gid: Int
    public var mtime: Int64

    public init(content: Content, mode: UInt16, uid: Int = 0, gid: Int = 0, mtime: Int64 = 0) {
        self.content = content
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.mtime = mtime
    }

    public var isDirectory: Bool { if case .directory = content { return true } else { return false } }

    /// Bytes a node occupies for `du`/`df` and volume capacity.
    var byteCount: Int {
        switch content {
        case .file(let bytes): return bytes.count
        case .directory(let children): return children.values.reduce(0) { $0 + $1.byteCount }
        case .symlink(let target): return target.utf8.count
        case .device: return 0
        }
    }

    func deepCopy() -> FileNode {
        switch content {
        case .directory(let children):
            return FileNode(content: .directory(children.mapValues { $0.deepCopy() }), mode: mode, uid: uid, gid: gid, mtime: mtime)
        default:
            return FileNode(content: content, mode: mode, uid: uid, gid: gid, mtime: mtime)
        }
    }
}
