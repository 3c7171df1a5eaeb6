import Foundation
import Kubectl
import PodShell
#if canImport(Glibc)
import Glibc
#endif

/// The learner's working directory, as the host shell and kubectl see it.
///
/// Files are read from disk on demand, only below the working directory (and a lesson's folder),
/// and copied into an in-memory filesystem; everything the session writes (`echo > x`,
/// `kubectl cp pod:/f .`) stays in memory, so kubelab never changes the learner's files.
public final class WorkingDirectoryFiles: HostFiles {
    /// Absolute path of the working directory (the host shell's cwd).
    public let path: String
    /// Extra read-only roots, such as a lesson's folder.
    public let extraRoots: [String]
    public let fileSystem: VirtualFileSystem
    /// When false, nothing is read from disk (tests and lessons with embedded files).
    let readsDisk: Bool

    /// Limits on what is read from disk, so a huge folder cannot exhaust memory.
    static let maxFileBytes = 8 << 20
    static let maxFilesLoaded = 5_000
    /// All files read from disk together, so starting in a large folder cannot exhaust memory.
    static let maxBytesLoaded = 64 << 20
    private var loadedFiles = 0
    private var loadedBytes = 0
    /// Folders whose disk entries have been brought in (one level at a time).
    private var syncedDirectories: Set<String> = []

    public init(path: String, extraRoots: [String] = [], readsDisk: Bool = true) {
        self.path = VirtualFileSystem.normalize(path)
        self.extraRoots = extraRoots.map { VirtualFileSystem.normalize($0) }
        self.readsDisk = readsDisk
        fileSystem = VirtualFileSystem()
        fileSystem.installBaseLayout()
        try? fileSystem.createDirectory(self.path, withIntermediates: true)
    }

    /// The process's current directory.
    public static func current() -> WorkingDirectoryFiles {
        WorkingDirectoryFiles(path: FileManager.default.currentDirectoryPath)
    }

    /// An in-memory working directory holding `files` (relative paths), for tests.
    public static func inMemory(_ files: [String: String], path: String = "/home/learner") -> WorkingDirectoryFiles {
        let wd = WorkingDirectoryFiles(path: path, readsDisk: false)
        for (name, text) in files {
            let full = VirtualFileSystem.normalize(name, cwd: wd.path)
            try? wd.fileSystem.createDirectory(VirtualFileSystem.dirname(full), withIntermediates: true)
            try? wd.fileSystem.writeFile(full, text: text)
        }
        return wd
    }

    func absolute(_ p: String) -> String { VirtualFileSystem.normalize(p, cwd: path) }

    func isAllowed(_ abs: String) -> Bool {
        ([path] + extraRoots).contains { abs == $0 || abs.hasPrefix($0 == "/" ? "/" : $0 + "/") }
    }

    public func read(_ p: String) -> HostFileEntry {
        let abs = absolute(p)
        syncFromDisk(abs)
        if fileSystem.isDirectory(abs) {
            return .directory((try? fileSystem.list(abs))?.sorted() ?? [])
        }
        if fileSystem.isFile(abs), let bytes = try? fileSystem.readFile(abs) { return .file(bytes) }
        if readsDisk, isAllowed(abs), case .inside(_, let entry) = ConfinedPath.resolve(abs, roots: realRoots, lookup: Self.lookup) {
            switch entry {
            case .regularFile:
                // On disk but past the reading limits: say so rather than claim it does not exist.
                return .denied("\(p): kubelab reads at most \(Self.maxFileBytes >> 20) MiB per file and \(Self.maxBytesLoaded >> 20) MiB in all from the working directory")
            case .special:
                return .denied("\(p): not a regular file (kubelab does not read FIFOs, sockets or devices)")
            default:
                break
            }
        }
        return .missing
    }

    public func write(_ p: String, bytes: [UInt8]) -> String? {
        inMemory("open", p) { try fileSystem.writeFile($0, bytes: bytes) }
    }

    public func makeDirectory(_ p: String) -> String? {
        inMemory("mkdir", p) { try fileSystem.createDirectory($0, withIntermediates: true) }
    }

    /// Runs a write on the session's copy of `p` (brought in from disk first, so an existing file
    /// or folder counts); a failure in Go's os words: `open html: is a directory`.
    private func inMemory(_ operation: String, _ p: String, _ change: (String) throws -> Void) -> String? {
        let abs = absolute(p)
        syncFromDisk(abs)
        do {
            try change(abs)
            return nil
        } catch let error as FileSystemError {
            return "\(operation) \(p): \(error.message.lowercased())"
        } catch {
            return "\(operation) \(p): \(error)"
        }
    }

    /// Brings a disk file or folder listing into memory, unless the session already has its own copy.
    /// Every path is resolved component by component (`ConfinedPath`), so a link anywhere in it is
    /// followed from its own folder and may not leave the allowed folders; FIFOs and devices are
    /// never opened, and a file is opened without following a last link and checked by `fstat`
    /// before it is read, so the check and the read see the same file.
    func syncFromDisk(_ abs: String) {
        guard readsDisk, isAllowed(abs) else { return }
        if fileSystem.exists(abs) && (!fileSystem.isDirectory(abs) || syncedDirectories.contains(abs)) { return }
        guard case .inside(let real, let entry) = ConfinedPath.resolve(abs, roots: realRoots, lookup: Self.lookup) else { return }
        switch entry {
        case .directory:
            syncedDirectories.insert(abs)
            try? fileSystem.createDirectory(abs, withIntermediates: true)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: real)) ?? []
            for n in names.sorted().prefix(Self.maxFilesLoaded) where !n.hasPrefix(".") {
                let child = abs == "/" ? "/" + n : abs + "/" + n
                switch ConfinedPath.resolve(child, roots: realRoots, lookup: Self.lookup) {
                case .inside(_, .directory): try? fileSystem.createDirectory(child, withIntermediates: true)
                case .inside(_, .regularFile): if !fileSystem.exists(child) { syncFromDisk(child) }
                default: continue  // leads outside, loops, or is a FIFO/device: not part of the folder
                }
            }
        case .regularFile:
            guard loadedFiles < Self.maxFilesLoaded, let bytes = Self.readRegularFile(real, limit: Self.maxFileBytes),
                loadedBytes + bytes.count <= Self.maxBytesLoaded
            else { return }
            loadedFiles += 1
            loadedBytes += bytes.count
            try? fileSystem.createDirectory(VirtualFileSystem.dirname(abs), withIntermediates: true)
            try? fileSystem.writeFile(abs, bytes: bytes)
        default:
            return
        }
    }

    /// The allowed folders as the disk knows them (links in their own paths resolved once).
    private lazy var realRoots: [String] = ([path] + extraRoots).map { root in
        guard let resolved = realpath(root, nil) else { return root }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What one path is on disk, without following a last link (lstat, readlink).
    static func lookup(_ path: String) -> ConfinedPath.Entry {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        case S_IFLNK:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &buffer, buffer.count - 1)
            guard count >= 0 else { return .missing }
            return .symlink(target: String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        default: return .special
        }
    }

    /// A regular file's bytes, opened without following a link or waiting on a FIFO; nil past `limit`.
    static func readRegularFile(_ path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= limit else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes.count <= limit ? bytes : nil
    }
}
