#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes straight to a file descriptor, with no buffer in between, so stdout and stderr keep
/// their order under `2>&1` and a long command's output appears as it is written.
public struct FileDescriptorWriter: Sendable {
    public static let standardOutput = FileDescriptorWriter(descriptor: 1)
    public static let standardError = FileDescriptorWriter(descriptor: 2)

    public let descriptor: Int32

    public init(descriptor: Int32) { self.descriptor = descriptor }

    public func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return  // a closed pipe or a full disk: drop the rest rather than spin
                }
            }
        }
    }
}

private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, pointer, count)
    #else
    Darwin.write(descriptor, pointer, count)
    #endif
}

/// Standard output and error of a session, remembering whether the cursor sits at the start of a
/// line so the REPL can finish a line a program left open before it shows the next prompt.
public final class OutputChannel {
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void
    public private(set) var isAtLineStart = true

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        writeOut = out
        writeErr = err
    }

    /// The process's own stdout and stderr, unbuffered.
    public static func standard() -> OutputChannel {
        OutputChannel(out: FileDescriptorWriter.standardOutput.write, err: FileDescriptorWriter.standardError.write)
    }

    public func out(_ text: String) {
        guard !text.isEmpty else { return }
        writeOut(text)
        isAtLineStart = text.utf8.last == UInt8(ascii: "\n")
    }

    public func err(_ text: String) {
        guard !text.isEmpty else { return }
        writeErr(text)
        isAtLineStart = text.utf8.last == UInt8(ascii: "\n")
    }

    /// Something else (the line editor) put text on the screen and left the cursor mid-line.
    public func noteCursorMidLine() { isAtLineStart = false }
    /// The line editor moved to a new line (the user pressed Enter).
    public func noteCursorAtLineStart() { isAtLineStart = true }

    /// Ends a line left open, so that what follows starts in the first column.
    public func finishLine() {
        if !isAtLineStart { out("\n") }
    }
}
