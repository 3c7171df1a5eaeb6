import Testing
@testable import Lessons

@Suite struct LessonLoaderTests {
    private func loadError(_ yaml: String, solution: String = "# step: a\necho\n") -> String? {
        do {
            _ = try LessonFixtures.lesson(yaml: yaml, solution: solution)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func readsTextsStepsHintsAndPoints() throws {
        let lesson = try LessonFixtures.webLesson()
        #expect(lesson.id == "09")
        #expect(lesson.title(.korean) == "Web (ko)")
        #expect(lesson.steps.map(\.id) == ["apply", "scale"])
        #expect(lesson.steps[0].hints.count == 2)
        #expect(lesson.maximumPoints == 20)
        #expect(lesson.solution.lines(forStep: "scale") == ["kubectl scale sts web --replicas=3", "sleep 60"])
        #expect(lesson.start == LessonStart(nodes: 2, seed: 1, setup: []))
    }

    @Test func malformedYAMLNamesTheFileAndLine() {
        #expect(loadError("title: x\nsummary: [unclosed\nsteps: []\n") == "lesson.yaml:3: YAML: did not find expected ',' or ']'")
    }

    @Test func unknownKeysAndMissingPartsNameTheirLine() {
        let base = "title: t\nsummary: s\nsteps:\n  - id: a\n    text: t\n    done: d\n"
        #expect(loadError(base + "    chek:\n      typed: x\n")
            == "lesson.yaml:7: unknown key 'chek' in step 1 (known: check, done, hints, id, points, question, text)")
        #expect(loadError(base) == "lesson.yaml:4: step 'a' needs a check")
        #expect(loadError(base + "    check:\n      state: get pods\n")
            == "lesson.yaml:8: step 'a': a state check needs an expectation (contains, containsOutputOf, equals, exitStatus, lines, matches, notContains)")
        #expect(loadError(base + "    check:\n      typed: x\n      seen: {contains: y}\n")
            == "lesson.yaml:8: step 'a': a check names exactly one of all, answer, any, exec, seen, state, typed")
        #expect(loadError(base + "    check:\n      answer: [a]\n") == "lesson.yaml:4: step 'a' has an 'answer' check but no question")
        #expect(loadError(base + "    points: -3\n    check:\n      typed: x\n")
            == "lesson.yaml:7: step 'a' points must be a whole number from 0 to 1000")
        #expect(loadError(base + "    check:\n      seen: {matches: '['}\n")
            == "lesson.yaml:8: step 'a': 'matches' is not a valid regular expression: [")
        #expect(loadError("title: t\nsteps: []\n") == "lesson.yaml:1: the lesson needs a summary")
        #expect(loadError("id: \"07\"\ntitle: t\nsummary: s\nsteps: []\n") == "lesson.yaml:1: id '07' does not match the folder's number '09'")
    }

    @Test func aliasesResolveButListsStillHoldOnlyTexts() {
        let yaml = "title: &t {en: a}\nsummary: *t\nsteps:\n  - &s {id: a, text: t, done: d, check: {typed: x}, hints: [*t, [*t, *t]]}\n"
        #expect(loadError(yaml) == "lesson.yaml:4: step 'a' hint must be a mapping")
    }

    @Test func solutionScriptNeedsMarkersBeforeCommands() {
        #expect(throws: LessonLoadError(file: "solution.sh", line: 2, "a command before the first '# step: ID' marker")) {
            try SolutionScript.parse("# intro\nkubectl get pods\n", file: "solution.sh")
        }
        #expect(throws: LessonLoadError(file: "solution.sh", line: 3, "step 'a' has a second '# step:' marker")) {
            try SolutionScript.parse("# step: a\necho\n# step: a\n", file: "solution.sh")
        }
        let script = try? SolutionScript.parse("# step: a\n\n# comment\nsleep 1\r\n# step: b\nanswer x\n", file: "s")
        #expect(script?.parts.map(\.lines) == [["sleep 1"], ["answer x"]])
    }

    @Test func theRepositoryLessonsLoad() throws {
        let catalog = LessonCatalog(root: LessonFixtures.lessonsFolder)
        #expect(catalog.ids.first == "01")
        for folder in catalog.folders {
            let lesson = try LessonLoader.load(folder: folder)
            #expect(!lesson.steps.isEmpty)
            #expect(lesson.files["lesson.yaml"] == nil)
        }
        #expect(catalog.folder(for: "1") == catalog.folder(for: "01"))
        #expect(catalog.folder(for: "99") == nil)
    }
}
