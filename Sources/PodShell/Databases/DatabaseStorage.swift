/// The few file operations the database servers need, so the engine works over a container's
/// virtual filesystem (a PVC-backed volume) in the simulation and over a plain dictionary in tests.
///
/// Every statement reads its tables from here and writes them back, so whatever the volume holds
/// is the server's state: a new server over the same directory sees the same databases.
public protocol DatabaseStorage: AnyObject {
    /// Names inside a directory, sorted; nil when it is not a directory.
    func directoryEntries(_ path: String) -> [String]?
    /// The text of a file; nil when it does not exist or is a directory.
    func fileText(_ path: String) -> String?
    /// Creates or replaces a file (its directory must exist).
    func storeFile(_ path: String, text: String) throws
    /// Creates a directory and any missing parents.
    func makeDirectory(_ path: String) throws
    /// Removes a file or a whole directory tree.
    func removeItem(_ path: String) throws
}

extension DatabaseStorage {
    func isDirectory(_ path: String) -> Bool { directoryEntries(path) != nil }
}

/// The failure of a storage operation, e.g. a read-only mount.
public struct DatabaseStorageError: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// A storage held in memory: for tests, and for containers started without a filesystem.
public final class InMemoryDatabaseStorage: DatabaseStorage {
    private var files: [String: String] = [:]
    private var directories: Set<String> = ["/"]

    public init() {}

    public func directoryEntries(_ path: String) -> [String]? {
        let dir = Self.clean(path)
        guard directories.contains(dir) else { return nil }
        let prefix = dir == "/" ? "/" : dir + "/"
        var names = Set<String>()
        for candidate in directories.union(files.keys) where candidate.hasPrefix(prefix) && candidate != dir {
            let rest = candidate.dropFirst(prefix.count)
            if let first = rest.split(separator: "/").first { names.insert(String(first)) }
        }
        return names.sorted()
    }

    public func fileText(_ path: String) -> String? { files[Self.clean(path)] }

    public func storeFile(_ path: String, text: String) throws {
        let file = Self.clean(path)
        guard directories.contains(Self.parent(file)) else { throw DatabaseStorageError("No such file or directory") }
        guard !directories.contains(file) else { throw DatabaseStorageError("Is a directory") }
        files[file] = text
    }

    public func makeDirectory(_ path: String) throws {
        var dir = Self.clean(path)
        guard files[dir] == nil else { throw DatabaseStorageError("File exists") }
        while dir != "/" {
            directories.insert(dir)
            dir = Self.parent(dir)
        }
    }

    public func removeItem(_ path: String) throws {
        let target = Self.clean(path)
        let prefix = target + "/"
        files = files.filter { $0.key != target && !$0.key.hasPrefix(prefix) }
        directories = directories.filter { $0 != target && !$0.hasPrefix(prefix) }
    }

    static func clean(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }
        return "/" + parts.joined(separator: "/")
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
