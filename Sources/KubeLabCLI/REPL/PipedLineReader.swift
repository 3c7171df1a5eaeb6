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
    /// Bytes before this index were already searched for a newline.
    private var scanned = 0
    private var reachedEnd = false

    public init(descriptor: Int32 = 0) { self.descriptor = descriptor }

    public var isTerminal: Bool { false }

    public func remember(_ line: String) {}

    public func readLine(prompt: String) -> LineInput {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                return .line(take(newline, dropping: 1))
            }
            scanned = buffer.count
            if buffer.count >= Self.maximumLineBytes {
                return .line(take(Self.maximumLineBytes, dropping: 0))
            }
            if reachedEnd {
                return buffer.isEmpty ? .endOfInput : .line(take(buffer.count, dropping: 0))
            }
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
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

    /// The first `count` bytes as a line, removed from the buffer with `dropping` more (the newline).
    private func take(_ count: Int, dropping extra: Int) -> String {
        let line = Self.decode(Array(buffer[..<count]))
        buffer.removeFirst(min(buffer.count, count + extra))
        scanned = 0
        return line
    }

    private static func decode(_ bytes: [UInt8]) -> String {
        let trimmed = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes[...]
        return String(decoding: trimmed, as: UTF8.self)
    }
}
