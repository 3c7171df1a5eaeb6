import Foundation
import Testing
@testable import Transcripts

/// Replays the transcript part of the fuzzing corpus (`scripts/fuzz.sh --surface transcript`):
/// mutated example transcripts, as a hostile student could hand in. Each must be graded to the
/// end, the same way twice, with every step of the lesson accounted for, and a file that does not
/// parse must score nothing.
@Suite struct FuzzTranscriptCorpusTests {
    static func inputs(_ folder: String) -> [String] {
        let dir = TranscriptFixtures.root.appendingPathComponent("Tests/WalkthroughTests/Fixtures/fuzz/" + folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".transcript") }.sorted().map { dir.appendingPathComponent($0).path }
    }

    static let corpus = inputs("corpus")
    static let crashes = inputs("crashes")

    @Test func theCorpusHasTranscripts() { #expect(Self.corpus.count >= 10) }

    @Test(arguments: corpus + crashes)
    func aMutatedTranscriptIsGradedToTheEndAndTheSameWayTwice(_ path: String) throws {
        let lesson = try TranscriptFixtures.lesson()
        let first = Grader.grade(file: path, shownAs: "t", lesson: lesson)
        let second = Grader.grade(file: path, shownAs: "t", lesson: lesson)
        #expect(first == second)
        #expect(first.steps.map(\.id) == lesson.steps.map(\.id))
        #expect((0...first.maximum).contains(first.score))
        if first.flags.contains(where: { $0.kind == .unparseable }) { #expect(first.score == 0) }
    }
}
