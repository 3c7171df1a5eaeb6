import Testing
@testable import KubeLabCLI
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PipedLineReaderTests {
    /// A reader over an unlinked temporary file holding `bytes` (a pipe would block a big write).
    private func reader(over bytes: [UInt8]) -> (PipedLineReader, Int32) {
        var template = Array("/tmp/kubelab-piped-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        bytes.withUnsafeBytes { _ = write(descriptor, $0.baseAddress, $0.count) }
        lseek(descriptor, 0, SEEK_SET)
        return (PipedLineReader(descriptor: descriptor), descriptor)
    }

    @Test func readsLinesThenTheUnterminatedRestThenEndOfInput() {
        let (reader, descriptor) = reader(over: Array("echo 안녕하세요\r\n\nlast".utf8) + [0xFF])
        defer { close(descriptor) }
        #expect(reader.readLine(prompt: "$ ") == .line("echo 안녕하세요"))
        #expect(reader.readLine(prompt: "$ ") == .line(""))
        #expect(reader.readLine(prompt: "$ ") == .line("last\u{FFFD}"))
        #expect(reader.readLine(prompt: "$ ") == .endOfInput)
        #expect(reader.readLine(prompt: "$ ") == .endOfInput)
        #expect(!reader.isTerminal)
    }

    @Test func overlongLinesArriveInPieces() {
        let size = PipedLineReader.maximumLineBytes
        let (reader, descriptor) = reader(over: [UInt8](repeating: UInt8(ascii: "a"), count: size + 3))
        defer { close(descriptor) }
        #expect(reader.readLine(prompt: "") == .line(String(repeating: "a", count: size)))
        #expect(reader.readLine(prompt: "") == .line("aaa"))
        #expect(reader.readLine(prompt: "") == .endOfInput)
    }
}
