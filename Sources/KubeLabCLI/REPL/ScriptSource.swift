#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads the script of `kubelab run`. The person named the file on kubelab's own command line,
/// so it may be anywhere; what the session's commands read stays limited to the working
/// directory. Only a regular file is read (a FIFO or device is refused before anything waits on
/// it), and any bytes at all become lines without a crash.
public enum ScriptSource {
    /// Far more than any lesson script; keeps a mistaken `run /dev/zero`-like input bounded.
    public static let maximumBytes = 16 * 1024 * 1024

    /// The bytes of `path` (relative to the current directory or absolute), or of standard input for `-`.
    public static func load(
        _ path: String,
        standardInput: () -> [UInt8]? = { readAll(descriptor: 0) }
    ) throws(UsageError) -> [UInt8] {
        if path == "-" {
            guard let bytes = standardInput() else {
                throw UsageError("standard input is larger than \(maximumBytes / (1024 * 1024)) MiB")
            }
            return bytes
        }
        let shown = path.sanitizedForMessage
        guard !path.isEmpty else { throw UsageError("the SCRIPT path is empty") }
        // O_NONBLOCK: opening a FIFO must not wait for a writer before the type check refuses it.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            throw UsageError(errno == ENOENT ? "script '\(shown)' does not exist" : "cannot read script '\(shown)'")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw UsageError("script '\(shown)' is not a regular file")
        }
        guard let bytes = readAll(descriptor: descriptor) else {
            throw UsageError("script '\(shown)' is larger than \(maximumBytes / (1024 * 1024)) MiB")
        }
        return bytes
    }

    /// Lines as a terminal would deliver them: split at `\n`, a `\r` before it dropped, a leading
    /// byte-order mark ignored, invalid UTF-8 replaced by U+FFFD. A final newline ends the last line
    /// rather than starting an empty one.
    public static func lines(of bytes: [UInt8]) -> [String] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var pieces = body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        return pieces.map { piece in
            let trimmed = piece.last == UInt8(ascii: "\r") ? piece.dropLast() : piece
            return String(decoding: trimmed, as: UTF8.self)
        }
    }

    /// Everything readable from `descriptor`, or nil past `maximumBytes`.
    public static func readAll(descriptor: Int32) -> [UInt8]? {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return result }
            if count < 0 {
                if errno == EINTR { continue }
                return result
            }
            result.append(contentsOf: chunk[0..<count])
            if result.count > maximumBytes { return nil }
        }
    }
}
