/// The learner's working directory as kubectl sees it (`-f file.yaml`, `kubectl cp`).
///
/// kubelab reads only below its working directory and a lesson's folder; the REPL supplies a
/// confined implementation, tests an in-memory one.
public protocol HostFiles: AnyObject {
    func read(_ path: String) -> HostFileEntry
    /// Writes a file (for `kubectl cp` to the host); returns an error text when refused, in Go's
    /// words (`open html: is a directory`).
    func write(_ path: String, bytes: [UInt8]) -> String?
    /// Creates a folder and its parents (os.MkdirAll, for `kubectl cp POD:/dir ./dir`); returns an
    /// error text when refused (`mkdir html/x: not a directory`).
    func makeDirectory(_ path: String) -> String?
}

public enum HostFileEntry: Equatable, Sendable {
    case file([UInt8])
    /// Entry names, sorted.
    case directory([String])
    case missing
    /// Outside the allowed folders, or unreadable; the text says why.
    case denied(String)
}

/// An in-memory working directory for tests and lessons.
public final class MemoryHostFiles: HostFiles {
    public var files: [String: [UInt8]]
    /// Folders made with `makeDirectory` (others exist because files are in them).
    public var directories: Set<String> = []

    public init(_ files: [String: String] = [:]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for p in path.split(separator: "/") where p != "." && !p.isEmpty {
            if p == ".." { _ = parts.popLast() } else { parts.append(p) }
        }
        return parts.joined(separator: "/")
    }

    public func read(_ path: String) -> HostFileEntry {
        let p = Self.normalize(path)
        if let f = files[p] { return .file(f) }
        let prefix = p.isEmpty ? "" : p + "/"
        var names = Set<String>()
        for k in files.keys where k.hasPrefix(prefix) {
            let rest = k.dropFirst(prefix.count)
            if let first = rest.split(separator: "/").first { names.insert(String(first)) }
        }
        for d in directories where d.hasPrefix(prefix) {
            if let first = d.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(first)) }
        }
        return names.isEmpty && !directories.contains(p) ? .missing : .directory(names.sorted())
    }

    public func write(_ path: String, bytes: [UInt8]) -> String? {
        let p = Self.normalize(path)
        if case .directory = read(p) { return "open \(path): is a directory" }
        files[p] = bytes
        return nil
    }

    public func makeDirectory(_ path: String) -> String? {
        let p = Self.normalize(path)
        var parent = ""
        for part in p.split(separator: "/") {
            parent = parent.isEmpty ? String(part) : parent + "/" + part
            if files[parent] != nil { return "mkdir \(parent): not a directory" }
        }
        if !p.isEmpty { directories.insert(p) }
        return nil
    }
}
