/// The learner's working directory as kubectl sees it (`-f file.yaml`, `kubectl cp`).
///
/// kubelab reads only below its working directory and a lesson's folder; the REPL supplies a
/// confined implementation, tests an in-memory one.
public protocol HostFiles: AnyObject {
    func read(_ path: String) -> HostFileEntry
    /// Writes a file (for `kubectl cp` to the host); returns an error text when refused.
    func write(_ path: String, bytes: [UInt8]) -> String?
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
        return names.isEmpty ? .missing : .directory(names.sorted())
    }

    public func write(_ path: String, bytes: [UInt8]) -> String? {
        files[Self.normalize(path)] = bytes
        return nil
    }
}
