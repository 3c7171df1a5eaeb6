import Foundation
import Testing

/// Replays the fuzzing corpus (`scripts/fuzz.sh`) and every minimized crash or hang it found
/// through the `kubelab run` driver. A trap would end the test process, and a hang the run;
/// each input must instead finish with its transcript, the first line echoed after the prompt.
@Suite struct FuzzCorpusReplayTests {
    static func inputs(_ folder: String) -> [String] {
        let dir = WalkthroughHarness.fixtures.appendingPathComponent("fuzz").appendingPathComponent(folder)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".sh") }.sorted()
    }

    static let crashes = inputs("crashes")
    static let corpus = inputs("corpus")

    @Test func minimizedCrashesAreKept() { #expect(Self.crashes.count >= 26) }

    @Test(arguments: crashes)
    func minimizedCrashRunsToTheEnd(_ name: String) throws {
        try replay("crashes", name)
    }

    @Test(arguments: corpus)
    func corpusInputRunsToTheEnd(_ name: String) throws {
        try replay("corpus", name)
    }

    func replay(_ folder: String, _ name: String) throws {
        let files = WalkthroughHarness.files(in: "fuzz/\(folder)")
        let script = try #require(files[name])
        let transcript = WalkthroughHarness.run(folder: "files", script: script)
        let firstLine = String(script.prefix { $0 != "\n" })
        // The run reaches the end (budgets end runaway inputs; speed is the benchmarks' business).
        #expect(transcript.hasPrefix("$ " + firstLine), "\(name)")
    }
}
