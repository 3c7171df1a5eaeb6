#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads the script of `kubelab run`: kubelab never reads outside the directory it was started
/// in, so the path must stay below it, and any bytes at all become lines without a crash.
public enum ScriptSource {
    /// Far more than any lesson script; keeps a mistaken `run /dev/zero`-like input bounded.
    public static let maximumBytes = 16 * 1024 * 1024

    /// The bytes of `path` (relative to `workingDirectory`), or of standard input for `-`.
    public static func load(
        _ path: String,
        workingDirectory: String,
        standardInput: () -> [UInt8]? = { readAll(descriptor: 0) }
    ) throws(UsageError) -> [UInt8] {
        if path == "-" {
            guard let bytes = standardInput() else {
                throw UsageError("standard input is larger than \(maximumBytes / (1024 * 1024)) MiB")
            }
            return bytes
        }
        let shown = CommandLineParser.displayed(path)
        let resolved = try confinedPath(path, workingDirectory: workingDirectory)
        let descriptor = open(resolved, O_RDONLY)
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

    /// The absolute path of `path` when it lies below `workingDirectory`, checked both as written
    /// (`..` may not climb out) and after symbolic links are followed.
    public static func confinedPath(_ path: String, workingDirectory: String) throws(UsageError) -> String {
        let shown = CommandLineParser.displayed(path)
        let outside = UsageError(
            "script '\(shown)' is outside the working directory; give a path below the directory kubelab runs in")
        guard !path.isEmpty else { throw UsageError("the SCRIPT path is empty") }
        guard !path.hasPrefix("/") else { throw outside }
        var kept: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) where component != "." {
            if component == ".." {
                guard !kept.isEmpty else { throw outside }
                kept.removeLast()
            } else {
                kept.append(component)
            }
        }
        guard !kept.isEmpty else { throw UsageError("script '\(shown)' is not a regular file") }
        let base = workingDirectory.hasSuffix("/") ? String(workingDirectory.dropLast()) : workingDirectory
        let joined = base + "/" + kept.joined(separator: "/")
        // Symbolic links may still point elsewhere: compare the real locations.
        if let realBase = realPath(base), let realTarget = realPath(joined) {
            let prefix = realBase == "/" ? "/" : realBase + "/"
            guard realTarget.hasPrefix(prefix) else { throw outside }
            return realTarget
        }
        return joined
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

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
