import Foundation
import Kubectl
import PodShell

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
        if readsDisk, isAllowed(abs), FileManager.default.fileExists(atPath: abs) {
            // On disk but past the reading limits: say so rather than claim it does not exist.
            return .denied("\(p): kubelab reads at most \(Self.maxFileBytes >> 20) MiB per file and \(Self.maxBytesLoaded >> 20) MiB in all from the working directory")
        }
        return .missing
    }

    public func write(_ p: String, bytes: [UInt8]) -> String? {
        let abs = absolute(p)
        do {
            try fileSystem.writeFile(abs, bytes: bytes)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Brings a disk file or folder listing into memory, unless the session already has its own copy.
    func syncFromDisk(_ abs: String) {
        guard readsDisk, isAllowed(abs) else { return }
        if fileSystem.exists(abs) && (!fileSystem.isDirectory(abs) || syncedDirectories.contains(abs)) { return }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: abs, isDirectory: &isDir) else { return }
        // Refuse symlinks that lead outside the allowed folders.
        let real = (abs as NSString).resolvingSymlinksInPath
        guard isAllowed(real) || isAllowed(VirtualFileSystem.normalize(real)) else { return }
        if isDir.boolValue {
            syncedDirectories.insert(abs)
            try? fileSystem.createDirectory(abs, withIntermediates: true)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: abs)) ?? []
            for n in names.sorted().prefix(Self.maxFilesLoaded) where !n.hasPrefix(".") {
                let child = abs == "/" ? "/" + n : abs + "/" + n
                var childIsDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: child, isDirectory: &childIsDir) else { continue }
                if childIsDir.boolValue {
                    try? fileSystem.createDirectory(child, withIntermediates: true)
                } else if !fileSystem.exists(child) {
                    syncFromDisk(child)
                }
            }
        } else {
            guard loadedFiles < Self.maxFilesLoaded,
                let attrs = try? FileManager.default.attributesOfItem(atPath: abs),
                let size = attrs[.size] as? Int, size <= Self.maxFileBytes, loadedBytes + size <= Self.maxBytesLoaded,
                let data = FileManager.default.contents(atPath: abs)
            else { return }
            loadedFiles += 1
            loadedBytes += data.count
            try? fileSystem.createDirectory(VirtualFileSystem.dirname(abs), withIntermediates: true)
            try? fileSystem.writeFile(abs, bytes: Array(data))
        }
    }
}
