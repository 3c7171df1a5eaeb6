import Foundation
import KubeLab
import Testing
@testable import Lessons

@Suite struct LessonValidatorTests {
    private typealias F = LessonFixtures

    private func problems(_ yaml: String, _ solution: String, files: [String: String] = ["web.yaml": LessonFixtures.webYAML]) throws -> [String] {
        let lesson = try F.lesson(yaml: yaml, solution: solution, files: files)
        return LessonValidator.validate(lesson, language: .english).problems.map(\.description)
    }

    @Test func aGoodLessonPasses() throws {
        let report = LessonValidator.validate(try F.webLesson(), language: .japanese)
        #expect(report.problems == [])
        #expect(report.points == 20)
        #expect(report.transcript.contains("[09 1/2] $ kubectl apply -f web.yaml\n"))
        #expect(report.transcript.contains("ステップ1クリア"))
    }

    @Test func missingTextsAreNamedByLanguage() throws {
        let yaml = F.webLessonYAML.replacingOccurrences(of: "text: \(F.text("Scale web to 3"))", with: "text: {en: Scale, ja: スケール}")
            .replacingOccurrences(of: "title: \(F.text("Web"))", with: "title: Web")
        #expect(try problems(yaml, F.webSolution) == [
            "the title has no 'ko' text", "the title has no 'ja' text", "step 'scale': the text has no 'ko' text",
        ])
    }

    @Test func aStepThatNeverPassesIsNamed() throws {
        let yaml = F.webLessonYAML.replacingOccurrences(of: "equals: \"3\"", with: "equals: \"4\"")
        #expect(try problems(yaml, F.webSolution) == [
            "step 'scale': does not pass after its solution: kubectl get statefulset web -o jsonpath={.status.readyReplicas} printed '3', not '4'",
        ])
    }

    @Test func aStepThatPassesBeforeTheLearnerDidAnythingIsNamed() throws {
        // A state-only check on something the cluster has from the start.
        let yaml = """
            title: \(F.text("t"))
            summary: \(F.text("s"))
            steps:
              - id: apply
                text: \(F.text("a"))
                done: \(F.text("d"))
                check:
                  typed: 'kubectl apply'
              - id: already
                text: \(F.text("b"))
                done: \(F.text("d"))
                check:
                  state: get ns default -o name
                  equals: namespace/default
            """
        let found = try problems(yaml, "# step: apply\nkubectl apply -f web.yaml\n# step: already\nkubectl get ns\n")
        #expect(found == ["step 'already': passes before the learner did anything for it"])
    }

    @Test func aStepThatPassesBeforeItsLastSolutionLineIsNamed() throws {
        let found = try problems(F.webLessonYAML, "# step: apply\nkubectl apply -f web.yaml\nsleep 5\n# step: scale\nkubectl scale sts web --replicas=3\nsleep 60\n")
        #expect(found == ["step 'apply': passes before its solution line 2 (`sleep 5`); the rest of its solution would count for the next step"])
    }

    @Test func unknownKindsFieldsAndFilesAreRefused() throws {
        let yaml = F.webLessonYAML
            .replacingOccurrences(of: "get statefulset web -o jsonpath={.spec.serviceName}", with: "get statefulsett web -o jsonpath={.spec.serviceName}")
            .replacingOccurrences(of: "{.status.readyReplicas}", with: "{.status.readyReplica}")
        let found = try problems(yaml, F.webSolution.replacingOccurrences(of: "web.yaml", with: "wbe.yaml"))
        #expect(found.contains("step 'apply': solution.sh uses 'wbe.yaml', which the lesson folder does not have"))
        #expect(found.contains { $0.hasPrefix("step 'apply': the query names 'statefulsett', which is not a resource type: error: the server doesn't have a resource type \"statefulsett\"") })
        #expect(found.contains { $0.hasPrefix("step 'scale': the query reads '.status.readyReplica', which statefulset does not have: ") })
    }

    @Test func anExpectationsQueryIsCheckedAsAStateQueryIs() throws {
        let yaml = F.webLessonYAML.replacingOccurrences(of: "equals: nginx\n", with: "equals: nginx\n          containsOutputOf: get pod web-0 -o jsonpath={.status.podIPz}\n")
        #expect(yaml.contains("podIPz"))
        let found = try problems(yaml, F.webSolution)
        #expect(found.contains { $0.hasPrefix("step 'apply': the query reads '.status.podIPz', which pod does not have: ") })
    }

    @Test func queriesThatChangeOrWaitAreRefused() throws {
        let yaml = F.webLessonYAML.replacingOccurrences(of: "get pod web-2 -o jsonpath={.metadata.ownerReferences[0].kind}", with: "get pods -w")
        let found = try problems(yaml, F.webSolution)
        #expect(found.contains("step 'scale': the query 'get pods -w' waits for changes; a check must answer at once"))
    }

    @Test func solutionScriptsMustCoverEveryStepInOrder() throws {
        let found = try problems(F.webLessonYAML, "# step: scale\nkubectl get pods\n# step: nope\nkubectl get pods\n")
        #expect(found.contains("step 'nope': solution.sh has a '# step: nope' marker but lesson.yaml has no such step"))
        #expect(found.contains("step 'apply': solution.sh has no commands for this step"))
    }

    @Test func jsonPathFieldsForExplain() {
        #expect(JSONPathFields.paths(in: ["get", "sts", "-o", "jsonpath={.status.readyReplicas}"]) == [["status", "readyReplicas"]])
        #expect(JSONPathFields.paths(in: ["get", "pods", "-o=jsonpath={.items[*].metadata.name}{\"\\n\"}"]) == [["metadata", "name"]])
        #expect(JSONPathFields.paths(in: ["get", "pvc", "x", "-o", "jsonpath={.metadata.labels.app}"]) == [["metadata", "labels"]])
        #expect(JSONPathFields.paths(in: ["get", "pod", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}"]) == [["status", "conditions"]])
    }

    /// Every lesson of the repository passes `kubelab lesson check` in all three languages.
    @Test(arguments: LessonCatalog(root: LessonFixtures.lessonsFolder).folders)
    func everyLessonPassesInEveryLanguage(folder: String) throws {
        let lesson = try LessonLoader.load(folder: folder)
        for language in Language.allCases {
            let report = LessonValidator.validate(lesson, language: language)
            #expect(report.problems.map(\.description) == [], "\(lesson.folderName) in \(language.rawValue)")
            #expect(report.points == lesson.maximumPoints)
        }
    }

    /// The example in lessons/README.md is a lesson that passes.
    @Test func theReadmeExampleIsALessonThatPasses() throws {
        let readme = try String(contentsOfFile: LessonFixtures.lessonsFolder + "/README.md", encoding: .utf8)
        func block(after marker: String) -> String? {
            guard let start = readme.range(of: marker) else { return nil }
            let rest = readme[start.upperBound...]
            guard let end = rest.range(of: "\n```") else { return nil }
            return String(rest[..<end.lowerBound])
        }
        let yaml = try #require(block(after: "```yaml\n# lesson.yaml\n"))
        let solution = try #require(block(after: "```sh\n# solution.sh\n"))
        let lesson = try F.lesson(yaml: yaml, solution: solution, files: ["web.yaml": F.webYAML])
        for language in Language.allCases {
            #expect(LessonValidator.validate(lesson, language: language).problems.map(\.description) == [])
        }
        #expect(lesson.steps.count == 2)
    }
}
