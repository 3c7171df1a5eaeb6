import Foundation

/// A transcript on disk, kept current while the session runs: each input is appended with one
/// write as soon as it was handled, so a crash or `kill -9` loses nothing already done (a record
/// cut short mid-write is dropped when read back); whole rewrites go to a temporary file that is
/// renamed over the old one, so the file is always either the old log or the new one.
public struct TranscriptFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Writes `text` as the whole file. Returns a message when it could not.
    @discardableResult
    public func replace(with text: String) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                try? FileManager.default.removeItem(atPath: temporary)
                return "cannot write \(path)"
            }
            return nil
        } catch {
            return "cannot write \(path): \(error.localizedDescription)"
        }
    }

    /// Appends `text` in one write (repeated only if the system writes part of it).
    @discardableResult
    public func append(_ text: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_APPEND)
        guard descriptor >= 0 else { return "cannot write \(path)" }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return "cannot write \(path)" }
            offset += written
        }
        return nil
    }

    /// The file's bytes, nil when it does not exist or is not a regular file.
    public func read(maximumBytes: Int = 64 << 20) -> [UInt8]? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= maximumBytes,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return Array(data)
    }

    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// The size of a regular file (not following a final link), nil for anything else.
    public var size: Int? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}
