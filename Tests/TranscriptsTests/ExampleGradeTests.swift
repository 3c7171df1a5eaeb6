import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KubeLab
import Testing
@testable import Transcripts

/// Every example transcript of transcripts/examples gets the grade and flags it was made for.
@Suite struct ExampleGradeTests {
    struct Expected: Sendable, CustomStringConvertible {
        var name: String
        var score: Int
        var passed: Bool
        var flags: [GradeFlag.Kind]
        var description: String { name }
    }

    static let expectations: [Expected] = [
        Expected(name: "complete", score: 100, passed: true, flags: []),
        Expected(name: "partial", score: 30, passed: false, flags: []),
        Expected(name: "out-of-order", score: 5, passed: false, flags: []),
        Expected(name: "faked-typo", score: 0, passed: false, flags: [.editedOutput]),
        Expected(name: "edited-output", score: 100, passed: false, flags: [.editedOutput]),
        Expected(name: "inserted-command", score: 100, passed: false, flags: [.editedOutput]),
        // The mark moved back also cuts that command's wait short, so its output differs too.
        Expected(name: "time-backwards", score: 100, passed: false, flags: [.timeBackwards, .editedOutput]),
        Expected(name: "other-lesson", score: 0, passed: false, flags: [.otherLesson]),
        Expected(name: "garbage", score: 0, passed: false, flags: [.unparseable]),
    ]

    @Test(arguments: expectations)
    func gradesAndFlags(expected: Expected) throws {
        let lesson = try TranscriptFixtures.lesson()
        let result = Grader.grade(file: TranscriptFixtures.example(expected.name), shownAs: expected.name, lesson: lesson)
        #expect(result.score == expected.score)
        #expect(result.passed == expected.passed)
        #expect(result.flags.map(\.kind) == expected.flags)
        #expect(result.maximum == 100)
        #expect(result.steps.count == 12)
    }

    @Test func theReasonsSayWhatTheReplayFound() throws {
        let lesson = try TranscriptFixtures.lesson()
        let partial = Grader.grade(file: TranscriptFixtures.example("partial"), shownAs: "partial", lesson: lesson)
        #expect(partial.steps[4].status == .failed)
        #expect(partial.steps[4].reason.hasPrefix("not passed: cat /var/data/count in visit-cnt-stfs-0 printed 'cat: /var/data/count: No such file or directory"))
        #expect(partial.steps[5].reason == "not reached")
        let edited = Grader.grade(file: TranscriptFixtures.example("edited-output"), shownAs: "edited", lesson: lesson)
        let difference = try #require(edited.differences.first)
        #expect(difference.typed == "$ kubectl get pods -w -l app=visit-cnt-stfs")
        #expect(difference.diff.contains("-visit-cnt-stfs-0   1/1     Running             0          5s\n+visit-cnt-stfs-0   1/1     Running             0          7s\n"))
        let faked = Grader.grade(file: TranscriptFixtures.example("faked-typo"), shownAs: "faked", lesson: lesson)
        #expect(faked.differences.first?.diff.contains("+error: field \"spe\" does not exist") == true
            || faked.differences.first?.diff.contains("+error: ") == true)
    }

    @Test func everyFormatCarriesTheGrades() throws {
        let lesson = try TranscriptFixtures.lesson()
        let inputs = ClassGrader.inputs([TranscriptFixtures.examples])
        #expect(inputs.count == Self.expectations.count)
        let report = ClassReport(lesson: lesson, results: ClassGrader.grade(inputs, lesson: lesson), version: KubeLabVersion.current)

        let text = try ReportRenderer.render(report, as: .text)
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains { $0.hasSuffix("/complete.transcript 100/100 pass -") })
        #expect(lines.contains { $0.hasSuffix("/garbage.transcript 0/100 FAIL unparseable") })
        #expect(lines.contains("1. explain 5 6/9 0 0 3"))
        #expect(lines.contains("STEP POINTS PASSED SHOWN SKIPPED FAILED"))

        let json = try ReportRenderer.render(report, as: .json)
        let decoded = try #require(ClassReport.fromJSON(Array(json.utf8)))
        #expect(decoded == report)

        let csv = try ReportRenderer.render(report, as: .csv)
        let rows = csv.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "file,score,max,passed,flags,explain,apply,ordered,wide,visit,delete-pod,count-kept,scale-up,scale-down,order-question,volumes-stay,claims-question")
        #expect(rows.contains { $0.hasSuffix("/partial.transcript,30,100,no,,5,10,10,5,0,0,0,0,0,0,0,0") })
        #expect(rows.count == 1 + Self.expectations.count)

        let junit = try ReportRenderer.render(report, as: .junit)
        let structure = try XMLStructure(junit)
        #expect(structure.suites == Self.expectations.count)
        #expect(structure.casesPerSuite.allSatisfy { $0 >= 12 })
        #expect(structure.failures > 0)

        let html = try ReportRenderer.render(report, as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("<td class=\"fail\">fail</td><td><span class=\"flag\""))
        #expect(XMLText.escape("<b>\u{1B}[31m&\"x\u{0}") == "&lt;b&gt;\u{FFFD}[31m&amp;&quot;x\u{FFFD}")

        #expect(throws: ReportRenderer.RenderError.self) { try ReportRenderer.render(report, as: .gradescope) }
        let one = ClassReport(lesson: lesson, results: [report.results.first { $0.file.hasSuffix("partial.transcript") }!], version: "x")
        let gradescope = try ReportRenderer.render(one, as: .gradescope)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(gradescope.utf8)) as? [String: Any])
        #expect(object["score"] as? Int == 30)
        #expect((object["output"] as? String)?.hasPrefix("kubelab lesson 01: 30/100 points") == true)
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.count == 12)
        #expect(tests[0]["name"] as? String == "1. explain")
        #expect(tests[0]["score"] as? Int == 5)
        #expect(tests[0]["max_score"] as? Int == 5)
        #expect(tests[0]["status"] as? String == "passed")
        #expect(tests[4]["status"] as? String == "failed")
        #expect(tests[4]["output"] is String)
    }

    @Test func theReportIsTheSameWhateverTheOrderOrTheNumberOfWorkers() throws {
        let lesson = try TranscriptFixtures.lesson()
        let files = Self.expectations.map { TranscriptFixtures.example($0.name) }
        let one = ClassGrader.grade(ClassGrader.inputs(files), lesson: lesson, workers: 1)
        let many = ClassGrader.grade(ClassGrader.inputs(files.reversed()), lesson: lesson, workers: 4)
        #expect(one == many)
        // One worker grades them all with one set of compiled check patterns: the same grades as
        // each transcript graded on its own.
        let alone = files.sorted().map { Grader.grade(file: $0, shownAs: $0, lesson: lesson) }
        #expect(one == alone)
    }

    @Test func shardsMergeIntoTheWholeClass() throws {
        let lesson = try TranscriptFixtures.lesson()
        let inputs = ClassGrader.inputs([TranscriptFixtures.examples])
        let whole = ClassReport(lesson: lesson, results: ClassGrader.grade(inputs, lesson: lesson), version: "v")
        for count in [1, 2, 4] {
            var parts: [ClassReport] = []
            for index in 1...count {
                let shard = ClassGrader.Shard(index: index, count: count)
                let part = ClassReport(lesson: lesson, results: ClassGrader.grade(inputs, lesson: lesson, shard: shard), version: "v")
                parts.append(try #require(ClassReport.fromJSON(Array(JSONReport.render(part).utf8))))
            }
            #expect(parts.map(\.results.count).reduce(0, +) == inputs.count)
            #expect(try ClassReport.merge(parts) == whole)
        }
        #expect(ClassGrader.Shard("0/3") == nil)
        #expect(ClassGrader.Shard("4/3") == nil)
        #expect(ClassGrader.Shard("2/3") == ClassGrader.Shard(index: 2, count: 3))
    }
}

/// Counts a JUnit document's structure with Foundation's XML parser (so the text must be XML).
final class XMLStructure: NSObject, XMLParserDelegate {
    var suites = 0
    var casesPerSuite: [Int] = []
    var failures = 0
    private var error: Error?

    init(_ text: String) throws {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        if !parser.parse() { throw parser.parserError ?? NSError(domain: "xml", code: 1) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "testsuite":
            suites += 1
            casesPerSuite.append(0)
        case "testcase": casesPerSuite[casesPerSuite.count - 1] += 1
        case "failure": failures += 1
        default: break
        }
    }
}
