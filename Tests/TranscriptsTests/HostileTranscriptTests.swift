import Foundation
import KubeLab
import Testing
@testable import Transcripts

/// Students' transcripts are untrusted: every limit ends grading with the limit named, and the
/// rest of the class is still graded.
@Suite struct HostileTranscriptTests {
    private func transcript(_ records: [CommandRecord], lesson: String? = "01") -> [UInt8] {
        Array(SessionLogFormat.encode(SessionLog(header: SessionHeader(lesson: lesson, mode: .script), records: records)).utf8)
    }

    private func line(_ text: String, _ output: String = "", at millis: Int64 = 0) -> CommandRecord {
        CommandRecord(input: .line(text), prompt: "$ ", depth: 1, output: output, startMillis: millis, endMillis: millis)
    }

    @Test func aFileOverTheSizeLimitIsRefusedWithoutBeingRead() throws {
        let lesson = try TranscriptFixtures.lesson()
        var limits = ReplayLimits()
        limits.maximumFileBytes = 1024
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-big-\(UInt64.random(in: 0...UInt64.max))").path
        try Data(repeating: 65, count: 4096).write(to: URL(fileURLWithPath: big))
        defer { try? FileManager.default.removeItem(atPath: big) }
        let result = Grader.grade(file: big, shownAs: "big", lesson: lesson, limits: limits)
        #expect(result.flags == [GradeFlag(kind: .limit, message: "the file is larger than 1 KiB")])
        #expect(result.score == 0)
        #expect(result.steps.allSatisfy { $0.reason == "not graded" })
    }

    @Test func tooManyCommandsAreGradedAsFarAsTheLimit() throws {
        let lesson = try TranscriptFixtures.lesson()
        var limits = ReplayLimits()
        limits.maximumCommands = 4
        let result = Grader.grade(file: TranscriptFixtures.example("complete"), shownAs: "c", lesson: lesson, limits: limits)
        #expect(result.flags.map(\.kind) == [.limit])
        #expect(result.flags.first?.message == "graded as far as the limit: more than 4 commands")
        #expect(result.score == 5)  // the fourth command passed step 1
    }

    @Test func outputAndTimeLimitsNameThemselves() throws {
        let lesson = try TranscriptFixtures.lesson()
        var limits = ReplayLimits()
        limits.maximumOutputBytes = 100
        let loud = Grader.grade(bytes: transcript([line("yes | head -n 1000")]), shownAs: "loud", lesson: lesson, limits: limits)
        #expect(loud.flags.map(\.kind).contains(.limit))
        #expect(loud.flags.contains { $0.message == "graded as far as the limit: more than 100 bytes of output" })
        let late = Grader.grade(bytes: transcript([line("echo a"), line("echo b", at: 30 * 3_600_000)]), shownAs: "late", lesson: lesson)
        #expect(late.flags.contains { $0.message == "graded as far as the limit: more than 24 hours of cluster time" })
    }

    @Test func anEndlessLoopEndsAtTheShellsBoundAndIsFlaggedAsNotWhatWasRecorded() throws {
        let lesson = try TranscriptFixtures.lesson()
        let result = Grader.grade(bytes: transcript([line("while true; do :; done", "nothing to see\n")]), shownAs: "loop", lesson: lesson)
        #expect(result.flags.map(\.kind) == [.editedOutput])
        #expect(result.differences.first?.diff.contains("-nothing to see") == true)
    }

    @Test func controlCharactersNeverReachTheInstructorsTerminal() {
        #expect(TerminalSafeText.make("ok\u{1B}]0;pwned\u{7}\r\n\u{9B}2J\u{7F}") == "ok^[]0;pwned^G^M\n\\u{9b}2J^?")
    }

    @Test func garbageAndBinaryAreUnparseableAndTheClassIsStillGraded() throws {
        let lesson = try TranscriptFixtures.lesson()
        let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x1B] + Array("# kubelab transcript 1\n".utf8)
        let garbage = Grader.grade(bytes: bytes, shownAs: "g", lesson: lesson)
        #expect(garbage.flags.map(\.kind) == [.unparseable])
        let truncatedHeader = Grader.grade(bytes: Array("# kubelab transcript 1\n# version: 1\n".utf8), shownAs: "h", lesson: lesson)
        #expect(truncatedHeader.flags.first?.message == "line 3: the header lacks 'seed'")
        let inputs = ClassGrader.inputs([TranscriptFixtures.example("garbage"), TranscriptFixtures.example("complete"), "/nonexistent/x.transcript"])
        let results = ClassGrader.grade(inputs, lesson: lesson)
        // Results come sorted by path; where the checkout lives decides where "/nonexistent" falls.
        let expected: [(file: String, score: Int)] = [
            ("/nonexistent/x.transcript", 0), (TranscriptFixtures.example("complete"), 100), (TranscriptFixtures.example("garbage"), 0),
        ].sorted { $0.file < $1.file }
        #expect(results.map(\.file) == expected.map(\.file))
        #expect(results.map(\.score) == expected.map(\.score))
        #expect(results.first { $0.file == "/nonexistent/x.transcript" }?.flags.first?.message == "cannot be read as a regular file")
    }

    @Test func aSandboxTranscriptOrAnotherVersionIsMarkedButGraded() throws {
        let lesson = try TranscriptFixtures.lesson()
        let sandbox = Grader.grade(bytes: transcript([line("kubectl get ns default -o name", "namespace/default\n")], lesson: nil), shownAs: "s", lesson: lesson)
        #expect(sandbox.flags.map(\.kind) == [.otherLesson])
        let text = try String(contentsOfFile: TranscriptFixtures.example("complete"), encoding: .utf8)
            .replacingOccurrences(of: "# version: \(KubeLabVersion.current)\n", with: "# version: 0.0.9\n")
        let old = Grader.grade(bytes: Array(text.utf8), shownAs: "old", lesson: lesson)
        #expect(old.flags == [GradeFlag(kind: .otherVersion, message: "recorded with kubelab 0.0.9, graded with \(KubeLabVersion.current)")])
        #expect(old.passed)
        #expect(old.score == 100)
    }
}

@Suite struct GradeJobManifestTests {
    /// The Indexed Job shipped in transcripts/ is a manifest kubelab's own API server accepts.
    @Test func theShardingJobIsAcceptedBySimulation() throws {
        let path = TranscriptFixtures.root.appendingPathComponent("transcripts/grade-job.yaml").path
        let manifest = try String(contentsOfFile: path, encoding: .utf8)
        let lab = Lab(options: LabOptions(mode: .script), workingDirectory: .inMemory(["grade-job.yaml": manifest]))
        var output = ""
        let driver = SessionDriver(session: lab, out: { output += $0 }, err: { output += $0 })
        driver.handle(.line("kubectl apply -f grade-job.yaml"))
        driver.handle(.line("kubectl get job kubelab-grade -o jsonpath={.spec.completionMode}/{.spec.completions}"))
        #expect(output == "job.batch/kubelab-grade created\nIndexed/4")
    }
}
