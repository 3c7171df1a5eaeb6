/// One container's view of files: a root volume plus volumes mounted at paths (PV data,
/// emptyDir, secret and configMap projections), with `subPath` and `readOnly` as in a pod spec.
///
/// Paths given to the API are absolute or relative to `cwd` arguments the callers pass; the
/// shell resolves relative paths before calling. `..` is resolved lexically, symlinks physically.
public final class VirtualFileSystem {
    public let rootVolume: VirtualVolume
    /// The virtual clock, used for mtimes.
    public var now: () -> Int64
    /// The largest single file; bigger writes fail with `No space left on device`.
    public var maxFileBytes: Int
    /// Owner given to files this filesystem creates.
    public var defaultUID = 0
    public var defaultGID = 0

    private struct Mount {
        let path: String
        let volume: VirtualVolume
        let subPath: String?
        let readOnly: Bool
        let node: FileNode
        /// When it was mounted: df lists mounts in the kernel's mount order.
        let order: Int
    }

    private var mountCount = 0
    /// Mounts the container runtime makes that hold nothing kubelab models (`/dev`, `/dev/shm`, the
    /// `/etc/hosts` bind, the masked `/proc` paths), each with its place in the mount order; only df
    /// shows them.
    private var displayedMounts: [(order: Int, info: MountInfo)] = []

    /// Records a runtime mount for df (see `displayedMounts`).
    public func recordRuntimeMount(_ info: MountInfo) {
        mountCount += 1
        displayedMounts.append((mountCount, info))
    }

    private var mountsByPath: [String: Mount] = [:] { didSet { deepestMount = mountsByPath.keys.map { $0.split(separator: "/").count }.max() ?? 0 } }
    /// Components in the deepest mount path: below it no prefix can be a mount, so `locate` stops
    /// hashing ever longer prefixes (which made `mkdir -p` of 2,000 levels cubic).
    private var deepestMount = 0

    /// Linux's PATH_MAX and NAME_MAX: longer paths fail with ENAMETOOLONG, which also bounds the
    /// work one path lookup can cost.
    public static let maxPathBytes = 4096
    public static let maxNameBytes = 255

    public init(root: VirtualVolume = VirtualVolume(name: "rootfs"), maxFileBytes: Int = 16 << 20, now: @escaping () -> Int64 = { 0 }) {
        self.rootVolume = root
        self.maxFileBytes = maxFileBytes
        self.now = now
    }

    // MARK: Paths

    /// Joins `path` onto `cwd` and removes `.`, `..` and duplicate slashes: `/a/b/../c` → `/a/c`.
    public static func normalize(_ path: String, cwd: String = "/") -> String {
        let full = path.hasPrefix("/") ? path : (cwd.hasSuffix("/") ? cwd + path : cwd + "/" + path)
        var parts: [Substring] = []
        for part in full.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    public static func basename(_ path: String) -> String {
        if path.isEmpty { return "" }
        let trimmed = path.reversed().drop(while: { $0 == "/" })
        if trimmed.isEmpty { return "/" }
        let s = String(trimmed.reversed())
        if let slash = s.lastIndex(of: "/") { return String(s[s.index(after: slash)...]) }
        return s
    }

    public static func dirname(_ path: String) -> String {
        var s = Substring(path)
        while s.count > 1 && s.hasSuffix("/") { s = s.dropLast() }
        guard let slash = s.lastIndex(of: "/") else { return "." }
        var head = s[..<slash]
        while head.count > 1 && head.hasSuffix("/") { head = head.dropLast() }
        return head.isEmpty ? "/" : String(head)
    }

    // MARK: Mounts

    /// Mounts `volume` (or its `subPath`) at `path`. The mount point is created in the underlying
    /// tree when missing, as the kubelet does; a missing `subPath` is created as a directory.
    public func mount(_ volume: VirtualVolume, at path: String, subPath: String? = nil, readOnly: Bool = false) throws {
        let mountPath = Self.normalize(path)
        var node = volume.root
        if let sub = subPath, !sub.isEmpty {
            for part in sub.split(separator: "/") where part != "." {
                guard part != ".." else { throw FileSystemError.invalidArgument }
                guard case .directory(var children) = node.content else { throw FileSystemError.notADirectory }
                if let child = children[String(part)] {
                    node = child
                } else {
                    let child = FileNode(content: .directory([:]), mode: 0o755, uid: volume.root.uid, gid: volume.root.gid, mtime: now())
                    children[String(part)] = child
                    node.content = .directory(children)
                    node = child
                }
            }
        }
        if mountPath != "/" {
            let isFile = !node.isDirectory
            if !exists(mountPath) {
                let parent = Self.dirname(mountPath)
                if !exists(parent) { try createDirectory(parent, withIntermediates: true, ignoringReadOnly: true) }
                if isFile {
                    try writeFile(mountPath, bytes: [], ignoringReadOnly: true)
                } else {
                    try createDirectory(mountPath, withIntermediates: false, ignoringReadOnly: true)
                }
            }
        }
        mountCount += 1
        mountsByPath[mountPath] = Mount(path: mountPath, volume: volume, subPath: subPath, readOnly: readOnly, node: node, order: mountCount)
    }

    public func unmount(at path: String) {
        mountsByPath[Self.normalize(path)] = nil
    }

    /// Root first, then the other mounts in the order they were made.
    public var mounts: [MountInfo] {
        var list: [(order: Int, info: MountInfo)] = displayedMounts
        for m in mountsByPath.values where m.path != "/" {
            list.append((m.order, MountInfo(mountPath: m.path, volumeName: m.volume.name, subPath: m.subPath, readOnly: m.readOnly,
                                            capacityBytes: m.volume.capacityBytes, usedBytes: m.node.byteCount)))
        }
        let root = MountInfo(mountPath: "/", volumeName: rootVolume.name, subPath: nil, readOnly: false,
                             capacityBytes: rootVolume.capacityBytes, usedBytes: rootVolume.usedBytes)
        return [root] + list.sorted { $0.order < $1.order }.map(\.info)
    }

    /// The mount that holds `path` (its longest mount-point prefix).
    public func mountInfo(containing path: String) -> MountInfo? {
        let p = Self.normalize(path)
        let best = mountsByPath.values.filter { p == $0.path || p.hasPrefix($0.path == "/" ? "/" : $0.path + "/") }
            .max(by: { $0.path.count < $1.path.count })
        return mounts.first { $0.mountPath == (best?.path ?? "/") }
    }

    // MARK: Resolution

    private struct Location {
        var parent: FileNode?
        var name: String
        var node: FileNode?
        var volume: VirtualVolume
        var readOnly: Bool
        var path: String
    }

    private func locate(_ path: String, followLast: Bool) throws -> Location {
        var current = Self.normalize(path)
        var hops = 0
        restart: while true {
            let parts = current.split(separator: "/").map(String.init)
            if current.utf8.count >= Self.maxPathBytes || parts.contains(where: { $0.utf8.count > Self.maxNameBytes }) {
                throw FileSystemError.nameTooLong
            }
            var node: FileNode = rootVolume.root
            var volume = rootVolume
            var readOnly = false
            if let m = mountsByPath["/"] { node = m.node; volume = m.volume; readOnly = m.readOnly }
            var parent: FileNode? = nil
            var prefix = ""
            for (i, part) in parts.enumerated() {
                prefix += "/" + part
                let isLast = i == parts.count - 1
                if i < deepestMount, let m = mountsByPath[prefix] {
                    parent = node
                    node = m.node; volume = m.volume; readOnly = m.readOnly
                } else {
                    guard case .directory(let children) = node.content else { throw FileSystemError.notADirectory }
                    guard let child = children[part] else {
                        if isLast { return Location(parent: node, name: part, node: nil, volume: volume, readOnly: readOnly, path: current) }
                        throw FileSystemError.notFound
                    }
                    parent = node
                    node = child
                }
                if case .symlink(let target) = node.content, !isLast || followLast {
                    hops += 1
                    if hops > 40 { throw FileSystemError.tooManySymlinks }
                    let base = Self.dirname(prefix)
                    let rest = parts[(i + 1)...].joined(separator: "/")
                    current = Self.normalize(rest.isEmpty ? target : target + "/" + rest, cwd: base)
                    continue restart
                }
            }
            return Location(parent: parent, name: parts.last ?? "/", node: node, volume: volume, readOnly: readOnly, path: current)
        }
    }

    private func existingNode(_ path: String, followLast: Bool = true) throws -> FileNode {
        guard let node = try locate(path, followLast: followLast).node else { throw FileSystemError.notFound }
        return node
    }

    private func isMountPoint(_ path: String) -> Bool { mountsByPath[Self.normalize(path)] != nil }

    // MARK: Queries

    public func exists(_ path: String) -> Bool { (try? locate(path, followLast: true).node) != nil }

    public func isDirectory(_ path: String) -> Bool { (try? existingNode(path))?.isDirectory ?? false }

    public func isFile(_ path: String) -> Bool {
        guard let node = try? existingNode(path) else { return false }
        if case .file = node.content { return true }
        return false
    }

    /// Follows symlinks.
    public func stat(_ path: String) throws -> FileInfo { try info(path, follow: true) }

    /// Does not follow a final symlink.
    public func lstat(_ path: String) throws -> FileInfo { try info(path, follow: false) }

    private func info(_ path: String, follow: Bool) throws -> FileInfo {
        let loc = try locate(path, followLast: follow)
        guard let node = loc.node else { throw FileSystemError.notFound }
        let kind: FileInfo.Kind
        var target: String? = nil
        switch node.content {
        case .directory: kind = .directory
        case .file: kind = .file
        case .symlink(let t): kind = .symlink; target = t
        case .device: kind = .device
        }
        let size: Int
        switch node.content {
        case .directory: size = 4096
        default: size = node.byteCount
        }
        return FileInfo(path: loc.path, kind: kind, size: size, mode: node.mode, uid: node.uid, gid: node.gid, mtime: node.mtime, linkTarget: target)
    }

    /// Entry names of a directory, sorted by byte order (callers re-sort for `ls`).
    public func list(_ path: String) throws -> [String] {
        let loc = try locate(path, followLast: true)
        guard let node = loc.node else { throw FileSystemError.notFound }
        guard case .directory(let children) = node.content else { throw FileSystemError.notADirectory }
        var names = Set(children.keys)
        // Mount points whose parent is this directory show up even if the underlying tree lacks them.
        let prefix = loc.path == "/" ? "/" : loc.path + "/"
        for m in mountsByPath.keys where m.hasPrefix(prefix) && m != loc.path {
            let rest = m.dropFirst(prefix.count)
            if !rest.contains("/") && !rest.isEmpty { names.insert(String(rest)) }
        }
        return names.sorted()
    }

    /// Reads a file. `limit` bounds reads of endless devices (`/dev/zero`) and huge files.
    public func readFile(_ path: String, limit: Int = Int.max) throws -> [UInt8] {
        let node = try existingNode(path)
        switch node.content {
        case .file(let bytes): return bytes.count > limit ? Array(bytes.prefix(limit)) : bytes
        case .directory: throw FileSystemError.isADirectory
        case .symlink: throw FileSystemError.notFound
        case .device(.null): return []
        case .device(.zero): return [UInt8](repeating: 0, count: min(limit, 1 << 20))
        case .device(.random):
            var state: UInt64 = 0x2545_F491_4F6C_DD1D
            return (0..<min(limit, 1 << 20)).map { _ in
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                return UInt8(truncatingIfNeeded: state)
            }
        }
    }

    /// Reads a file as UTF-8 (invalid bytes become U+FFFD).
    public func readText(_ path: String, limit: Int = Int.max) throws -> String {
        String(decoding: try readFile(path, limit: limit), as: UTF8.self)
    }

    // MARK: Changes

    /// Creates or replaces (or appends to) a regular file. Writing to `/dev/null` discards.
    public func writeFile(_ path: String, bytes: [UInt8], append: Bool = false, mode: UInt16? = nil) throws {
        try writeFile(path, bytes: bytes, append: append, mode: mode, ignoringReadOnly: false)
    }

    public func writeFile(_ path: String, text: String, append: Bool = false, mode: UInt16? = nil) throws {
        try writeFile(path, bytes: Array(text.utf8), append: append, mode: mode, ignoringReadOnly: false)
    }

    private func writeFile(_ path: String, bytes: [UInt8], append: Bool = false, mode: UInt16? = nil, ignoringReadOnly: Bool) throws {
        let loc = try locate(path, followLast: true)
        if let node = loc.node {
            switch node.content {
            case .directory: throw FileSystemError.isADirectory
            case .device: return
            case .symlink: throw FileSystemError.notFound
            case .file(let old):
                if loc.readOnly && !ignoringReadOnly { throw FileSystemError.readOnly }
                let newSize = append ? old.count + bytes.count : bytes.count
                try checkSpace(volume: loc.volume, adding: newSize - old.count, fileSize: newSize)
                if append {
                    // Drop the node's reference first so the append happens in place.
                    var data = old
                    node.content = .file([])
                    data.append(contentsOf: bytes)
                    node.content = .file(data)
                } else {
                    node.content = .file(bytes)
                }
                node.mtime = now()
                if let mode { node.mode = mode }
            }
            return
        }
        guard let parent = loc.parent, case .directory(var children) = parent.content else { throw FileSystemError.notFound }
        if loc.readOnly && !ignoringReadOnly { throw FileSystemError.readOnly }
        try checkSpace(volume: loc.volume, adding: bytes.count, fileSize: bytes.count)
        children[loc.name] = FileNode(content: .file(bytes), mode: mode ?? 0o644, uid: defaultUID, gid: defaultGID, mtime: now())
        parent.content = .directory(children)
        parent.mtime = now()
    }

    private func checkSpace(volume: VirtualVolume, adding delta: Int, fileSize: Int) throws {
        if fileSize > maxFileBytes { throw FileSystemError.noSpace }
        if let cap = volume.capacityBytes, delta > 0, volume.usedBytes + delta > cap { throw FileSystemError.noSpace }
        if volume.capacityBytes == nil, delta > 0 {
            let cap = VirtualVolume.defaultCapacityBytes
            if volume.measuredBytes + volume.growthSinceMeasured + delta > cap {
                volume.measuredBytes = volume.usedBytes
                volume.growthSinceMeasured = 0
                if volume.measuredBytes + delta > cap { throw FileSystemError.noSpace }
            }
            volume.growthSinceMeasured += delta
        }
    }

    /// `mkdir` / `mkdir -p`. With intermediates, an existing directory is not an error.
    public func createDirectory(_ path: String, withIntermediates: Bool = false, mode: UInt16 = 0o755) throws {
        try createDirectory(path, withIntermediates: withIntermediates, mode: mode, ignoringReadOnly: false)
    }

    private func createDirectory(_ path: String, withIntermediates: Bool, mode: UInt16 = 0o755, ignoringReadOnly: Bool) throws {
        let target = Self.normalize(path)
        // Refused before creating any level, rather than after 2,000 of them.
        if target.utf8.count >= Self.maxPathBytes { throw FileSystemError.nameTooLong }
        if withIntermediates {
            var prefix = ""
            for part in target.split(separator: "/") {
                prefix += "/" + part
                if let node = try? existingNode(prefix) {
                    if !node.isDirectory { throw FileSystemError.notADirectory }
                    continue
                }
                try createDirectory(prefix, withIntermediates: false, mode: mode, ignoringReadOnly: ignoringReadOnly)
            }
            return
        }
        let loc = try locate(target, followLast: false)
        if loc.node != nil { throw FileSystemError.alreadyExists }
        guard let parent = loc.parent, case .directory(var children) = parent.content else { throw FileSystemError.notFound }
        if loc.readOnly && !ignoringReadOnly { throw FileSystemError.readOnly }
        children[loc.name] = FileNode(content: .directory([:]), mode: mode, uid: defaultUID, gid: defaultGID, mtime: now())
        parent.content = .directory(children)
        parent.mtime = now()
    }

    /// Updates the mtime, creating an empty file when missing (`touch`).
    public func touch(_ path: String) throws {
        let loc = try locate(path, followLast: true)
        if let node = loc.node {
            if loc.readOnly { throw FileSystemError.readOnly }
            node.mtime = now()
        } else {
            try writeFile(path, bytes: [])
        }
    }

    /// Removes a file, symlink, or (with `recursive`, or when empty) a directory.
    public func remove(_ path: String, recursive: Bool = false) throws {
        let loc = try locate(path, followLast: false)
        guard let node = loc.node, let parent = loc.parent else { throw loc.path == "/" ? FileSystemError.permissionDenied : FileSystemError.notFound }
        if isMountPoint(loc.path) { throw FileSystemError.permissionDenied }
        if loc.readOnly { throw FileSystemError.readOnly }
        if case .directory(let children) = node.content, !children.isEmpty, !recursive { throw FileSystemError.directoryNotEmpty }
        guard case .directory(var siblings) = parent.content else { throw FileSystemError.notFound }
        siblings[loc.name] = nil
        parent.content = .directory(siblings)
        parent.mtime = now()
    }

    /// Copies a file or (with `recursive`) a directory tree. A directory destination receives `source`'s basename.
    public func copy(from source: String, to destination: String, recursive: Bool = false) throws {
        let src = try existingNode(source)
        if src.isDirectory && !recursive { throw FileSystemError.isADirectory }
        var dest = Self.normalize(destination)
        if isDirectory(dest) { dest = Self.normalize(Self.basename(source), cwd: dest) }
        if Self.normalize(source) == dest { throw FileSystemError.invalidArgument }
        try place(src.deepCopy(), at: dest)
    }

    /// Renames within or across volumes. A directory destination receives `source`'s basename.
    public func move(from source: String, to destination: String) throws {
        let srcLoc = try locate(source, followLast: false)
        guard let node = srcLoc.node else { throw FileSystemError.notFound }
        if srcLoc.readOnly { throw FileSystemError.readOnly }
        var dest = Self.normalize(destination)
        if isDirectory(dest) { dest = Self.normalize(Self.basename(source), cwd: dest) }
        if dest == srcLoc.path { return }
        if dest.hasPrefix(srcLoc.path + "/") { throw FileSystemError.invalidArgument }
        try place(node, at: dest)
        try remove(srcLoc.path, recursive: true)
    }

    private func place(_ node: FileNode, at path: String) throws {
        let loc = try locate(path, followLast: false)
        if loc.readOnly { throw FileSystemError.readOnly }
        if let existing = loc.node, existing.isDirectory, !node.isDirectory { throw FileSystemError.isADirectory }
        if let existing = loc.node, !existing.isDirectory, node.isDirectory { throw FileSystemError.notADirectory }
        guard let parent = loc.parent, case .directory(var children) = parent.content else { throw FileSystemError.notFound }
        try checkSpace(volume: loc.volume, adding: node.byteCount - (loc.node?.byteCount ?? 0), fileSize: node.isDirectory ? 0 : node.byteCount)
        node.mtime = now()
        children[loc.name] = node
        parent.content = .directory(children)
    }

    public func createSymlink(at path: String, target: String) throws {
        let loc = try locate(path, followLast: false)
        if loc.node != nil { throw FileSystemError.alreadyExists }
        if loc.readOnly { throw FileSystemError.readOnly }
        guard let parent = loc.parent, case .directory(var children) = parent.content else { throw FileSystemError.notFound }
        children[loc.name] = FileNode(content: .symlink(target), mode: 0o777, uid: defaultUID, gid: defaultGID, mtime: now())
        parent.content = .directory(children)
    }

    public func createDevice(at path: String, kind: FileNode.DeviceKind) throws {
        let loc = try locate(path, followLast: false)
        guard let parent = loc.parent, case .directory(var children) = parent.content else { throw FileSystemError.notFound }
        children[loc.name] = FileNode(content: .device(kind), mode: 0o666, mtime: now())
        parent.content = .directory(children)
    }

    public func setMode(_ path: String, mode: UInt16) throws {
        let loc = try locate(path, followLast: true)
        guard let node = loc.node else { throw FileSystemError.notFound }
        if loc.readOnly { throw FileSystemError.readOnly }
        node.mode = mode
    }

    public func setOwner(_ path: String, uid: Int, gid: Int) throws {
        let loc = try locate(path, followLast: true)
        guard let node = loc.node else { throw FileSystemError.notFound }
        if loc.readOnly { throw FileSystemError.readOnly }
        node.uid = uid
        node.gid = gid
    }

    /// Total bytes under `path` (for `du`).
    public func diskUsage(_ path: String) throws -> Int { try existingNode(path).byteCount }

    /// Creates `/dev/null`, `/dev/zero`, `/dev/urandom`, `/tmp`, `/root` and `/etc` when missing;
    /// image catalogs build on top of this.
    public func installBaseLayout() {
        for dir in ["/bin", "/dev", "/etc", "/home", "/proc", "/root", "/tmp", "/usr/bin", "/usr/local/bin", "/var", "/var/log"] {
            try? createDirectory(dir, withIntermediates: true)
        }
        try? setMode("/tmp", mode: 0o1777)
        try? setMode("/root", mode: 0o700)
        try? createDevice(at: "/dev/null", kind: .null)
        try? createDevice(at: "/dev/zero", kind: .zero)
        try? createDevice(at: "/dev/urandom", kind: .random)
        try? createDevice(at: "/dev/random", kind: .random)
    }
}
