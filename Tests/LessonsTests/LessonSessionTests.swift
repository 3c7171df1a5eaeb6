import KubeAPI
import KubeLab
import Testing
@testable import Lessons

@Suite struct LessonSessionTests {
    private func lesson01() throws -> Lesson {
        try LessonLoader.load(folder: LessonFixtures.lessonsFolder + "/01-statefulset-basics")
    }

    @Test func theSolutionPassesEveryStepWithFullPoints() throws {
        let lesson = try LessonFixtures.webLesson()
        let run = LessonFixtures.Run(lesson)
        #expect(run.session.displayPrompt == "[09 1/2] $ ")
        run.type("kubectl apply -f web.yaml")
        #expect(run.current == 1)
        #expect(run.events.contains(.stepPassed(index: 0, points: 10)))
        run.type("kubectl scale sts web --replicas=3")
        #expect(run.current == 1)
        run.type("sleep 60")
        #expect(run.session.progress.isComplete)
        #expect(run.events.last == .lessonComplete(points: 20, maximum: 20))
        #expect(run.session.displayPrompt == "[09 done] $ ")
    }

    @Test func stepsDoneOutOfOrderDoNotPass() throws {
        let run = LessonFixtures.Run(try lesson01())
        // Step 2's work, typed during step 1, does not count for step 2.
        run.type("kubectl apply -f visit-cnt-stfs.yaml", "kubectl explain statefulset.spec.podManagementPolicy")
        #expect(run.current == 1)
        run.type("kubectl get svc")
        #expect(run.current == 1)
        #expect(run.status(1) == .pending)
        run.type("kubectl apply -f visit-cnt-stfs.yaml")
        #expect(run.current == 2)
    }

    @Test func typosAndLookAlikesDoNotPass() throws {
        let run = LessonFixtures.Run(try lesson01())
        run.type("kubectl explain statefulset.spe.podManagementPolicy")  // seed 000's typo
        #expect(run.current == 0)
        run.type("kubectl explain statefulset.spec.podManagementPolicy")
        #expect(run.current == 1)
        // Another object of the same shape under another name does not pass.
        let web = try LessonFixtures.webLesson()
        let other = LessonFixtures.Run(web)
        other.type("kubectl create -f web.yaml", "kubectl aply -f web.yaml")
        #expect(other.current == 0)
        // A pod made by hand under the name the set would give does not count as the set's pod.
        let fake = LessonFixtures.Run(web)
        fake.type("kubectl apply -f web.yaml", "kubectl run web-2 --image=nginx", "kubectl scale sts web --replicas=3", "sleep 90")
        #expect(fake.current == 1)
        #expect(fake.status(1) == .pending)
    }

    @Test func solutionMarksAStepShownNotSolved() throws {
        let run = LessonFixtures.Run(try LessonFixtures.webLesson())
        run.type("solution")
        #expect(run.events.contains(.solution(index: 0, lines: ["kubectl apply -f web.yaml"])))
        run.type("kubectl apply -f web.yaml")
        #expect(run.status(0) == .shown)
        #expect(run.events.contains(.stepPassed(index: 0, points: 0)))
    }

    @Test func hintsCostPointsAndRunOut() throws {
        let run = LessonFixtures.Run(try LessonFixtures.webLesson())
        run.type("hint", "hint", "hint")
        #expect(run.events.filter { if case .hint = $0 { true } else { false } }.count == 2)
        #expect(run.events.contains(.noMoreHints(index: 0)))
        run.type("kubectl apply -f web.yaml")
        #expect(run.events.contains(.stepPassed(index: 0, points: 8)))
    }

    /// After a hint or a failed check, the learner also sees what the cluster is waiting for.
    @Test func hintsAndChecksSayWhatTheClusterWaitsFor() throws {
        let run = LessonFixtures.Run(try LessonFixtures.webLesson())
        run.type("kubectl apply -f web.yaml", "kubectl scale sts web --replicas=3", "hint")
        #expect(run.events.last == .noMoreHints(index: 1))
        run.type("check")
        #expect(run.events.last == .clusterWaits(["web-1 waits: web-0 is Pending"]))
        // Once web-0 is Ready, the next reason is about web-1.
        for _ in 0..<30 where run.events.last == .clusterWaits(["web-1 waits: web-0 is Pending"]) { run.type("sleep 1", "check") }
        #expect(run.events.last == .clusterWaits(["web-2 waits: web-1 is Pending"]))
        let text = LessonMessages.render(.clusterWaits(["web-2 waits: web-1 is Pending"]), lesson: run.session.lesson,
                                         progress: run.session.progress, language: .korean).text
        #expect(text == "클러스터가 아직 진행 중입니다:\n  web-2 waits: web-1 is Pending\n")
    }

    @Test func skipCheckProgressAndMistakesSayWhatHappened() throws {
        let run = LessonFixtures.Run(try LessonFixtures.webLesson())
        run.type("check")
        #expect(run.events.last == .notYet(index: 0, reason: "no line typed in this step matches /kubectl\\s+apply\\s+-f\\s+web\\.yaml/"))
        run.type("answer web-0", "lang xx", "lang", "hint now", "progress")
        #expect(Array(run.events.suffix(5)) == [.answerWithoutQuestion, .unknownLanguage("xx"), .unknownLanguage(""), .usage("hint"), .progress])
        run.type("skip")
        #expect(run.status(0) == .skipped)
        #expect(run.current == 1)
        run.type("lang ko")
        #expect(run.session.language == .korean)
        // The session goes on: a normal command still runs.
        run.type("kubectl get ns default -o name")
        #expect(run.printed.hasSuffix("namespace/default\n"))
    }

    @Test func lessonWordsAreOnlyReadAtTheHostPromptAsTheFirstWord() throws {
        let run = LessonFixtures.Run(try LessonFixtures.webLesson())
        run.type("echo hint")
        #expect(run.printed == "hint\n")
        #expect(run.events.isEmpty)
    }

    @Test func undoReplaysAllButTheLastCommandOnAFreshCluster() throws {
        let run = LessonFixtures.Run(try LessonFixtures.webLesson())
        run.type("kubectl apply -f web.yaml", "hint", "sleep 30")
        let uid = run.session.lab.cluster.store.list(ResourceRegistry.forKind("Pod")!, namespace: "default").map(\.uid).sorted()
        run.type("kubectl delete pod web-0")
        run.type("undo")
        #expect(run.events.contains(.undone(line: "kubectl delete pod web-0")))
        // The same pods as before the delete, down to their uids: replay is exact.
        #expect(run.session.lab.cluster.store.list(ResourceRegistry.forKind("Pod")!, namespace: "default").map(\.uid).sorted() == uid)
        #expect(run.current == 1)
        #expect(run.session.progress.steps[0].hintsUsed == 0)  // the hint came after the pass
        #expect(run.session.log.records.compactMap(\.line) == ["kubectl apply -f web.yaml", "hint", "sleep 30"])
        run.type("undo", "undo")
        #expect(run.current == 0)
        run.type("undo")
        #expect(run.events.last == .nothingToUndo)
    }

    @Test func resetStartsAgainOnAFreshCluster() throws {
        let run = LessonFixtures.Run(try LessonFixtures.webLesson())
        run.type("kubectl apply -f web.yaml", "reset")
        #expect(run.current == 0)
        #expect(run.session.log.records.isEmpty)
        #expect(run.session.lab.cluster.store.list(ResourceRegistry.forKind("StatefulSet")!, namespace: "default").isEmpty)
    }

    @Test func resumingFromTheLogRebuildsTheSameClusterAndStep() throws {
        let lesson = try lesson01()
        let first = LessonFixtures.Run(lesson)
        first.type(
            "kubectl explain statefulset.spec.podManagementPolicy", "kubectl apply -f visit-cnt-stfs.yaml", "hint",
            "kubectl get pods -w -l app=visit-cnt-stfs", "kubectl run c --image=busybox:1.28 --restart=Never -- sleep 3600",
            "sleep 10", "kubectl exec c -- wget -qO- visit-cnt-stfs-0.visit-cnt-stfs-svc:8080")
        let text = SessionLogFormat.encode(first.session.log)
        let parsed = try SessionLogParser.parse(Array(text.utf8))
        let second = LessonFixtures.Run(lesson)
        second.session.resume(from: parsed.log.records)
        #expect(second.current == first.current)
        #expect(second.session.progress == first.session.progress)
        let pods = { (run: LessonFixtures.Run) in
            run.session.lab.cluster.store.list(ResourceRegistry.forKind("Pod")!, namespace: "default").map { "\($0.name) \($0.uid)" }.sorted()
        }
        #expect(pods(second) == pods(first))
        #expect(second.session.lab.clockMillis == first.session.lab.clockMillis)
        // The count written in the volume came back too.
        second.type("kubectl exec visit-cnt-stfs-0 -- cat /var/data/count")
        #expect(second.printed.hasSuffix("1\n"))
        #expect(second.events.first == .introduced(resumedAtStep: first.current))
    }

    /// Grading makes a session and replays a transcript on it at once: the starting cluster is
    /// built for the replay only, not also for the session's creation.
    @Test func aReplayStraightAfterCreationBuildsOneStartingCluster() throws {
        let lesson = try LessonFixtures.webLesson()
        let recorded = LessonFixtures.Run(lesson).type("kubectl apply -f web.yaml", "kubectl scale sts web --replicas=3", "sleep 60")
        let session = LessonSession(lesson: lesson, language: .english, mode: .script, out: { _ in }, err: { _ in })
        #expect(session.startsBuilt == 0)
        session.rebuild(from: recorded.session.log.records)
        #expect(session.startsBuilt == 1)
        #expect(session.progress == recorded.session.progress)
        #expect(session.progress.isComplete)
    }

    /// A replay never starts from a cluster something already ran commands on, even when that
    /// was the session's own first cluster reached through `driver`.
    @Test func aReplayStartsFromAnUntouchedCluster() throws {
        let session = LessonSession(lesson: try LessonFixtures.webLesson(), language: .english, mode: .script, out: { _ in }, err: { _ in })
        session.driver.handle(.line("kubectl apply -f web.yaml"))
        #expect(session.lab.cluster.store.list(ResourceRegistry.forKind("StatefulSet")!, namespace: "default").count == 1)
        session.rebuild(from: [])
        #expect(session.startsBuilt == 2)
        #expect(session.lab.cluster.store.list(ResourceRegistry.forKind("StatefulSet")!, namespace: "default").isEmpty)
    }
}
