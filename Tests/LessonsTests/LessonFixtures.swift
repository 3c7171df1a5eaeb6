import Foundation
import KubeLab
import Kubectl
@testable import Lessons

/// Lessons built from strings, and the repository's own lessons folder.
enum LessonFixtures {
    /// The repository's `lessons/` folder.
    static var lessonsFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons").path
    }

    /// The Kubernetes tutorial's web StatefulSet, as kubelab serves its URL.
    static var webYAML: String { WellKnownManifests.byURL["https://k8s.io/examples/application/web/web.yaml"] ?? "" }

    static func lesson(yaml: String, solution: String, files: [String: String] = [:]) throws -> Lesson {
        let script = try SolutionScript.parse(solution, file: "solution.sh")
        return try LessonLoader.parse(
            yaml: yaml, file: "lesson.yaml", folderName: "09-test",
            files: files.mapValues { Array($0.utf8) }, solution: script)
    }

    /// Three texts in one line of YAML.
    static func text(_ en: String) -> String { "{en: \"\(en)\", ko: \"\(en) (ko)\", ja: \"\(en) (ja)\"}" }

    /// A two-step lesson over the web StatefulSet: apply it, then scale it to 3.
    static let webLessonYAML = """
        title: \(text("Web"))
        summary: \(text("The web set"))
        steps:
          - id: apply
            points: 10
            text: \(text("Apply web.yaml"))
            hints:
              - \(text("kubectl apply -f web.yaml"))
              - \(text("really: kubectl apply -f web.yaml"))
            done: \(text("Applied"))
            check:
              all:
                - typed: 'kubectl\\s+apply\\s+-f\\s+web\\.yaml'
                - state: get statefulset web -o jsonpath={.spec.serviceName}
                  equals: nginx
          - id: scale
            points: 10
            text: \(text("Scale web to 3"))
            done: \(text("Scaled"))
            check:
              all:
                - typed: 'kubectl\\s+scale\\s+(sts|statefulsets?)\\s+web\\b'
                - state: get statefulset web -o jsonpath={.status.readyReplicas}
                  equals: "3"
                - state: get pod web-2 -o jsonpath={.metadata.ownerReferences[0].kind}
                  equals: StatefulSet
        """

    static let webSolution = """
        # step: apply
        kubectl apply -f web.yaml
        # step: scale
        kubectl scale sts web --replicas=3
        sleep 60
        """

    static func webLesson() throws -> Lesson {
        try lesson(yaml: webLessonYAML, solution: webSolution, files: ["web.yaml": webYAML])
    }

    /// A session of `lesson` in script mode whose printed text and events are collected.
    final class Run {
        let session: LessonSession
        private let box: Box
        var events: [LessonEvent] = []
        /// What the commands printed.
        var printed: String { box.text }

        final class Box { var text = "" }

        init(_ lesson: Lesson, language: Language = .english) {
            let box = Box()
            session = LessonSession(
                lesson: lesson, language: language, mode: .script, out: { box.text += $0 }, err: { box.text += $0 })
            self.box = box
            session.onEvents = { [unowned self] in self.events += $0 }
            session.driver.terminal.isInterrupted = { false }
        }

        @discardableResult
        func type(_ lines: String...) -> Run {
            for line in lines { _ = session.handle(.line(line)) }
            return self
        }

        var current: Int { session.progress.current }
        func status(_ index: Int) -> StepProgress.Status { session.progress.steps[index].status }
    }
}
