import Foundation
import KubeLab
import Kubectl
import Testing
@testable import Transcripts

@Suite struct ReplayTests {
    private func log() throws -> SessionLog {
        try SessionLogParser.parse(Array(try String(contentsOfFile: TranscriptFixtures.example("complete"), encoding: .utf8).utf8)).log
    }

    @Test func aSandboxTranscriptReplaysIdenticallyAndAnEditIsShownAsADiff() {
        var records: [CommandRecord] = []
        let lab = Lab(options: LabOptions(mode: .interactive), workingDirectory: .inMemory([:]))
        let driver = SessionDriver(session: lab, out: { _ in }, err: { _ in })
        for line in ["kubectl create namespace x", "kubectl get ns default", "echo $((6 * 7))"] {
            records.append(driver.handle(.line(line)))
            lab.advanceWallClock(ms: 1500)
        }
        var log = SessionLog(header: SessionHeader(mode: .interactive), records: records)
        let clean = TranscriptReplayer.replay(log, workingDirectory: .inMemory([:]))
        #expect(clean.differences == [])
        #expect(clean.replayed == 3)
        log.records[2].output = "41\n"
        log.records[2].exitStatus = 3
        let edited = TranscriptReplayer.replay(log, workingDirectory: .inMemory([:]))
        #expect(edited.differences == [CommandDifference(
            number: 3, command: "$ echo $((6 * 7))",
            diff: "--- recorded\n+++ replayed\n@@ -1 +1 @@\n-41\n+42\nexit status: recorded 3, replayed 0\n")])
    }

    @Test func unifiedDiffsReadLikeDiffU() {
        #expect(UnifiedDiff.make(old: "a\nb\nc\n", new: "a\nb\nc\n") == "")
        #expect(UnifiedDiff.make(old: "1\n2\n3\n4\n5\n6\n7\n8\n9\n", new: "1\n2\n3\n4\nX\n6\n7\n8\n9\n")
            == "--- recorded\n+++ replayed\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n")
        #expect(UnifiedDiff.make(old: "", new: "new\n") == "--- recorded\n+++ replayed\n@@ -0,0 +1 @@\n+new\n\\ No newline at end of file\n")
    }

    @Test func anAsciinemaCastHasAHeaderThenTimedOutputEvents() throws {
        let cast = AsciinemaCast.make(try log())
        let lines = cast.split(separator: "\n").map(String.init)
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 100)
        #expect(header["title"] as? String == "kubelab lesson 01")
        var previous = -1.0
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(event.count == 3)
            let time = try #require(event[0] as? Double)
            #expect(time >= previous)
            previous = time
            #expect(event[1] as? String == "o")
            #expect(!(try #require(event[2] as? String)).contains("\n") || (event[2] as? String)?.contains("\r\n") == true)
        }
        #expect(lines.contains("[0.000, \"o\", \"$ kubectl apply -f visit-cnt-stfs.yaml\\r\\n\"]"))
        #expect(previous > 100, "the recording spans the lesson's minutes")
    }
}
