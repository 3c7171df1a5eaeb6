import Foundation
import Testing

/// Lesson 01 at a real terminal (a pseudo-terminal driven by Fixtures/pty_lesson.py): typing, Tab
/// completion of a live pod name, a hint, passed steps, `progress`, Ctrl-D, resuming, and resuming
/// again after the process was killed with SIGKILL.
@Suite(.serialized) struct LessonTerminalTests {
    static var lessonsFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons").path
    }

    private func phase(_ name: String, in directory: String) throws -> (screen: String, status: String) {
        let kubelab = try #require(BuiltBinary.kubelab)
        let python = try #require(BuiltBinary.python3)
        let script = try #require(Bundle.module.path(forResource: "pty_lesson", ofType: "py", inDirectory: "Fixtures"))
        let result = try BuiltBinary.run(python, [script, kubelab, directory, Self.lessonsFolder, name], in: directory)
        try #require(result.status != 3, "no pseudo-terminal: \(result.err)")
        let screen = result.out
        #expect(!screen.contains("FAILURE"), "\(name): \(screen)")
        return (screen, String(screen.split(separator: "\n").last ?? ""))
    }

    @Test(.enabled(if: EndToEndTests.ptyAvailable, "skipped: needs python3 with a working pty module and the built kubelab"))
    func lessonAtTheKeyboardResumesAfterCtrlDAndAfterSIGKILL() throws {
        let directory = try BuiltBinary.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let first = try phase("first", in: directory)
        #expect(first.screen.contains("Lesson 01: StatefulSet basics"))
        #expect(first.screen.contains("Hint 1/2: The path is written as KIND.FIELD.FIELD"))
        #expect(first.screen.contains("✓ Step 1 passed (+4 points)"), "a hint costs a point")
        #expect(first.screen.contains("✓ Step 2 passed (+10 points)"))
        #expect(first.screen.contains("Lesson 01: step 3/12, 2/12 steps done, 14 of 100 points"))
        #expect(first.status == "EXIT 1", "the lesson is not passed yet")
        let history = try String(contentsOfFile: directory + "/.kubelab_history", encoding: .utf8)
        #expect(history.contains("kubectl\\040get\\040pod\\040visit-cnt-stfs-0\\040-o\\040name\n"), "Tab completed the live pod name")
        #expect(history.contains("\nprogress\\040\n"), "Tab completed the lesson word")

        let second = try phase("second", in: directory)
        #expect(second.screen.contains("Resumed where you left off: step 3 of 12."))
        #expect(second.screen.contains("pod/c created"))
        #expect(second.status == "EXIT 137", "killed with SIGKILL")

        // The killed session's transcript holds every command before the kill and grades as far as
        // the student got: steps 1 and 2, one hint taken.
        let kubelab = try #require(BuiltBinary.kubelab)
        let progress = directory + "/data/kubelab/lessons/01.transcript"
        let grade = try BuiltBinary.run(kubelab, ["grade", "--lesson", "01", "--format", "csv", progress], in: directory,
                                        environment: ["PATH": "/usr/bin:/bin", "KUBELAB_LESSONS": Self.lessonsFolder])
        #expect(grade.out.contains(",14,100,no,,4,10,0,0,0,0,0,0,0,0,0,0\r\n"), "\(grade.out)\(grade.err)")
        #expect(grade.status == 1)
        // The interactive session (real time, Tab, waits) replays exactly.
        let replay = try BuiltBinary.run(kubelab, ["replay", progress], in: directory,
                                         environment: ["PATH": "/usr/bin:/bin", "KUBELAB_LESSONS": Self.lessonsFolder])
        #expect(replay.out.hasSuffix("commands: every output is identical\n"), "\(replay.out)")
        #expect(replay.status == 0)

        let third = try phase("third", in: directory)
        #expect(third.screen.contains("Resumed where you left off: step 3 of 12."))
        // The cluster came back with the file written into the claim, the pod and both claims.
        #expect(third.screen.contains("cat /var/data/note\r\nkept\r\n"))
        #expect(third.screen.contains("get pod c -o name\r\npod/c\r\n"))
        #expect(third.screen.contains("persistentvolumeclaim/data-visit-cnt-stfs-0\r\npersistentvolumeclaim/data-visit-cnt-stfs-1\r\n"))
        let saved = try String(contentsOfFile: directory + "/data/kubelab/lessons/01.transcript", encoding: .utf8)
        #expect(saved.hasPrefix("# kubelab transcript 1\n"))
        #expect(saved.contains("$ kubectl run c --image=busybox:1.28 --restart=Never -- sleep 3600\npod/c created\n"))
    }
}

/// Lessons fed from a pipe, `lesson check` and the listing, through the built binary.
@Suite(.serialized) struct LessonCommandLineTests {
    private func run(_ arguments: [String], input: String = "", in directory: String) throws -> (out: String, err: String, status: Int32) {
        let kubelab = try #require(BuiltBinary.kubelab)
        return try BuiltBinary.run(kubelab, arguments, in: directory, input: input,
                                   environment: ["PATH": "/usr/bin:/bin", "KUBELAB_LESSONS": LessonTerminalTests.lessonsFolder,
                                                 "XDG_DATA_HOME": directory + "/data"])
    }

    @Test(.enabled(if: BuiltBinary.kubelab != nil, "skipped: the built kubelab is missing"))
    func aPipedSolutionPassesEveryStepTheSameWayTwice() throws {
        let directory = try BuiltBinary.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let solution = try String(contentsOfFile: LessonTerminalTests.lessonsFolder + "/01-statefulset-basics/solution.sh", encoding: .utf8)
        let first = try run(["lesson", "01", "--lang", "ko", "--restart"], input: solution, in: directory)
        #expect(first.status == 0)
        #expect(first.out.contains("[01 1/12] $ kubectl explain statefulset.spec.podManagementPolicy\n"))
        #expect(first.out.contains("✓ 1단계 통과 (+5점)"))
        #expect(first.out.hasSuffix("레슨 01 완료: 100점 중 100점.\n"))
        let second = try run(["lesson", "01", "--lang", "ko", "--restart"], input: solution, in: directory)
        #expect(second.out == first.out, "the same input gives the same bytes")
        let listing = try run(["lesson"], in: directory)
        #expect(listing.out.hasPrefix("ID   TITLE"))
        #expect(listing.out.contains("\n01   StatefulSet basics                          12/12\n02   Stable identity and dedicated storage       0/16\n"))
        #expect(listing.status == 0)
        let stopped = try run(["lesson", "02", "--restart"], input: "kubectl get pods\n", in: directory)
        #expect(stopped.status == 1, "a lesson not passed exits 1")
    }

    @Test(.enabled(if: BuiltBinary.kubelab != nil, "skipped: the built kubelab is missing"))
    func lessonCheckAndMistakesSayWhatIsWrong() throws {
        let directory = try BuiltBinary.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let check = try run(["lesson", "check", "01", "--lang", "ja"], in: directory)
        #expect(check.out == "lesson 01 (ja): 12 steps pass, 100/100 points\n")
        #expect(check.status == 0)
        let broken = directory + "/07-broken"
        try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: true)
        try "title: t\nsummary: s\nsteps:\n  - id: a\n    txt: x\n".write(toFile: broken + "/lesson.yaml", atomically: true, encoding: .utf8)
        try "# step: a\necho\n".write(toFile: broken + "/solution.sh", atomically: true, encoding: .utf8)
        let malformed = try run(["lesson", "check", broken], in: directory)
        #expect(malformed.err.hasPrefix("kubelab: "))
        #expect(malformed.err.contains("07-broken/lesson.yaml:5: unknown key 'txt' in step 1"))
        #expect(malformed.status == 2)
        let unknown = try run(["lesson", "42"], in: directory)
        #expect(unknown.err == "kubelab: unknown lesson '42'; the lessons are: 01, 02, 03, 04, 05\nSee 'kubelab --help' for usage.\n")
        #expect(unknown.status == 2)
    }
}
