import KubeLab
import Testing
@testable import KubeLabCLI

@Suite struct KubeLabArgumentsTests {
    private func parse(_ arguments: String) -> CommandLineOutcome {
        KubeLabArguments.parse(arguments.split(separator: " ").map(String.init))
    }

    private func command(_ arguments: String) -> KubeLabCommand? {
        if case .run(let command) = parse(arguments) { return command }
        return nil
    }

    @Test func noArgumentsStartsTheSandboxWithDefaults() {
        #expect(command("") == .sandbox(LabOptions(seed: 1, nodes: 2, language: .english, mode: .interactive), record: nil))
    }

    @Test func sandboxOptionsInBothSpellings() {
        #expect(command("--seed 42 --nodes=5 --lang ko --record s.transcript")
            == .sandbox(LabOptions(seed: 42, nodes: 5, language: .korean), record: "s.transcript"))
        #expect(command("--seed=18446744073709551615 --nodes 100") == .sandbox(LabOptions(seed: .max, nodes: 100), record: nil))
    }

    @Test func runTakesOneScriptAndRunsOnTheVirtualClock() {
        #expect(command("run demo.sh") == .run(script: "demo.sh", strict: false, options: LabOptions(mode: .script)))
        #expect(command("run - --strict --nodes 3 --seed 7")
            == .run(script: "-", strict: true, options: LabOptions(seed: 7, nodes: 3, mode: .script)))
        #expect(command("run /abs/path/x.sh") == .run(script: "/abs/path/x.sh", strict: false, options: LabOptions(mode: .script)))
    }

    @Test func lessonListStartAndCheck() {
        #expect(command("lesson") == .listLessons(LabOptions()))
        #expect(command("lesson --lang ja") == .listLessons(LabOptions(language: .japanese)))
        #expect(command("lesson 01 --lang ja")
            == .lesson(id: "01", restart: false, record: nil, options: LabOptions(language: .japanese)))
        #expect(command("lesson 02 --restart --record r.t")
            == .lesson(id: "02", restart: true, record: "r.t", options: LabOptions()))
        #expect(command("lesson check 01") == .checkLesson(target: "01", languages: [.english, .korean, .japanese]))
        #expect(command("lesson check lessons/01-x --lang=ko") == .checkLesson(target: "lessons/01-x", languages: [.korean]))
    }

    @Test func gradeAndReplay() {
        #expect(command("grade --lesson 01 a.txt b.txt")
            == .grade(lesson: "01", format: .text, files: ["a.txt", "b.txt"], shard: nil, merge: false))
        #expect(command("grade a.txt --format=gradescope --lesson=02 --shard 2/3")
            == .grade(lesson: "02", format: .gradescope, files: ["a.txt"], shard: .init(index: 2, count: 3), merge: false))
        #expect(command("grade --merge --format html r1.json r2.json")
            == .grade(lesson: nil, format: .html, files: ["r1.json", "r2.json"], shard: nil, merge: true))
        #expect(command("replay t.txt --cast out.cast") == .replay(file: "t.txt", cast: "out.cast"))
    }

    @Test func helpVersionAndCompletionScriptsGoToStandardOutputWithStatus0() {
        for arguments in ["--help", "-h", "run --help", "lesson check --help"] {
            guard case .exit(let text, let toStandardError, let code) = parse(arguments) else {
                Issue.record("\(arguments) did not exit")
                continue
            }
            #expect(text.hasPrefix("OVERVIEW: ") || text.hasPrefix("USAGE: "), "\(arguments)")
            #expect(!toStandardError)
            #expect(code == 0)
        }
        #expect(parse("--version") == .exit(text: "kubelab \(KubeLabVersion.current) (simulating Kubernetes v1.32)\n", toStandardError: false, code: 0))
        guard case .exit(let script, _, let code) = parse("--generate-completion-script bash") else {
            Issue.record("no completion script")
            return
        }
        #expect(script.contains("_kubelab"))
        #expect(script.contains("lesson"))
        #expect(code == 0)
    }

    @Test(arguments: [
        ("--foo", "Error: Unknown option '--foo'"),
        ("frobnicate", "Error: Unexpected argument 'frobnicate'"),
        ("--seed", "Error: Missing value for '--seed <seed>'"),
        ("--seed abc", "Error: The value 'abc' is invalid for '--seed <seed>'"),
        ("--seed 18446744073709551616", "Error: The value '18446744073709551616' is invalid for '--seed <seed>'"),
        ("--nodes 0", "Error: --nodes must be from 1 to 100"),
        ("--nodes 101", "Error: --nodes must be from 1 to 100"),
        ("--lang fr", "Error: The value 'fr' is invalid for '--lang <lang>'. Please provide one of 'en', 'ko' or 'ja'."),
        ("run", "Error: Missing expected argument '<script>'"),
        ("run a.sh b.sh", "Error: Unexpected argument 'b.sh'"),
        ("run x --strict=yes", "Error: The option '--strict' does not take any value, but 'yes' was specified."),
        ("lesson 01 02", "Error: Unexpected argument '02'"),
        ("grade a.txt", "Error: Missing expected argument '--lesson <lesson>'"),
        ("grade --lesson 01", "Error: 'grade' needs at least one transcript FILE"),
        ("grade --lesson 01 --shard 3/2 a", "Error: --shard must be K/N with 1 <= K <= N (got '3/2')"),
        ("grade --merge --shard 1/2 a", "Error: --shard and --merge do not go together"),
        ("replay", "Error: Missing expected argument '<file>'"),
    ])
    func usageErrorsGoToStandardErrorWithStatus2(arguments: String, firstLine: String) {
        guard case .exit(let text, let toStandardError, let code) = parse(arguments) else {
            Issue.record("\(arguments) was accepted")
            return
        }
        #expect(text.split(separator: "\n").first.map(String.init) == firstLine)
        #expect(toStandardError)
        #expect(code == 2)
    }
}
