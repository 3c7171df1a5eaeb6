#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a pipe or file, as `bash < file` does: no prompt, no echo, no editing, so
/// the output holds only what the commands print.
///
/// It reads the descriptor directly (not `readLine()`) so that a Ctrl-C, which interrupts `read`
/// because the SIGINT handler has no SA_RESTART, is reported as `.interrupted` instead of looking
/// like the end of input.
public final class PipedLineReader: LineReader {
    /// A line longer than this is handed over in pieces rather than held in memory whole.
    public static let maximumLineBytes = 1024 * 1024

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var reachedEnd = false

    public init(descriptor: Int32 = 0) { self.descriptor = descriptor }

    public var isTerminal: Bool { false }

    public func remember(_ line: String) {}

    public func readLine(prompt: String) -> LineInput {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return .line(Self.decode(line))
            }
            if buffer.count >= Self.maximumLineBytes {
                let piece = Array(buffer.prefix(Self.maximumLineBytes))
                buffer.removeFirst(piece.count)
                return .line(Self.decode(piece))
            }
            if reachedEnd {
                guard !buffer.isEmpty else { return .endOfInput }
                let last = buffer
                buffer.removeAll()
                return .line(Self.decode(last))
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
            } else if count < 0 && errno == EINTR {
                return .interrupted
            } else {
                reachedEnd = true
            }
        }
    }

    private static func decode(_ bytes: [UInt8]) -> String {
        let trimmed = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes[...]
        return String(decoding: trimmed, as: UTF8.self)
    }
}
