import KubeLab
import KubeSim
import Testing
@testable import Lessons

/// A finished session is freed with its whole cluster: grading replays thousands of them in one
/// process, so a reference cycle would keep every cluster alive.
@Suite struct SessionLifetimeTests {
    @Test func aLabAndItsClusterAreFreedWhenTheSessionEnds() throws {
        weak var lab: Lab?
        weak var cluster: Cluster?
        do {
            let made = Lab(options: LabOptions(mode: .script), workingDirectory: .inMemory(["web.yaml": LessonFixtures.webYAML]))
            let driver = SessionDriver(session: made, out: { _ in }, err: { _ in })
            for line in ["kubectl apply -f web.yaml", "sleep 30", "kubectl exec web-0 -- hostname", "kubectl get pods"] { driver.handle(.line(line)) }
            lab = made
            cluster = made.cluster
        }
        #expect(lab == nil)
        #expect(cluster == nil)
    }

    @Test func aLessonSessionIsFreedWithItsLab() throws {
        weak var session: LessonSession?
        weak var lab: Lab?
        do {
            let run = LessonFixtures.Run(try LessonFixtures.webLesson())
            run.type("kubectl apply -f web.yaml", "hint", "undo", "kubectl apply -f web.yaml")
            session = run.session
            lab = run.session.lab
        }
        #expect(session == nil)
        #expect(lab == nil)
    }
}
