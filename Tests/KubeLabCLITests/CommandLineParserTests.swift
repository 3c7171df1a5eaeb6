import KubeLab
import Testing
@testable import KubeLabCLI

@Suite struct CommandLineParserTests {
    private func parse(_ arguments: String) throws(UsageError) -> KubeLabCommand {
        try CommandLineParser.parse(arguments.split(separator: " ").map(String.init))
    }

    private func errorReport(_ arguments: [String]) -> String? {
        do {
            _ = try CommandLineParser.parse(arguments)
            return nil
        } catch {
            return error.report
        }
    }

    @Test func noArgumentsStartsTheSandboxWithDefaults() throws {
        #expect(try parse("") == .sandbox(LabOptions(seed: 1, nodes: 2, language: .english, mode: .interactive)))
    }

    @Test func commonOptionsInBothSpellings() throws {
        #expect(try parse("--seed 42 --nodes=5 --lang ko") == .sandbox(LabOptions(seed: 42, nodes: 5, language: .korean)))
        #expect(try parse("--seed=18446744073709551615 --nodes 100")
            == .sandbox(LabOptions(seed: .max, nodes: 100)))
    }

    @Test func runTakesOneScriptAndRunsOnTheVirtualClock() throws {
        #expect(try parse("run demo.sh") == .run(script: "demo.sh", strict: false, options: LabOptions(mode: .script)))
        #expect(try parse("--seed 7 run - --strict --nodes 3")
            == .run(script: "-", strict: true, options: LabOptions(seed: 7, nodes: 3, mode: .script)))
        #expect(try CommandLineParser.parse(["run", "--", "--odd-name.sh"])
            == .run(script: "--odd-name.sh", strict: false, options: LabOptions(mode: .script)))
    }

    @Test func lessonGradeReplay() throws {
        #expect(try parse("lesson") == .lesson(id: nil, options: LabOptions()))
        #expect(try parse("lesson 01 --lang ja") == .lesson(id: "01", options: LabOptions(language: .japanese)))
        #expect(try parse("grade --lesson 01 a.txt b.txt")
            == .grade(lesson: "01", format: .text, files: ["a.txt", "b.txt"], options: LabOptions(mode: .script)))
        #expect(try parse("grade a.txt --format=gradescope --lesson=02")
            == .grade(lesson: "02", format: .gradescope, files: ["a.txt"], options: LabOptions(mode: .script)))
        #expect(try parse("replay t.txt --seed 3") == .replay(file: "t.txt", options: LabOptions(seed: 3, mode: .script)))
    }

    @Test func helpAndVersion() throws {
        #expect(try parse("--help") == .help)
        #expect(try parse("-h") == .help)
        #expect(try parse("run x.sh --help") == .help)
        #expect(try parse("--version") == .version)
        #expect(UsageText.help.contains("kubelab run SCRIPT|- [--strict]"))
    }

    @Test(arguments: [
        (["--foo"], "unknown option '--foo'"),
        (["-x"], "unknown option '-x'"),
        (["frobnicate"], "unknown command 'frobnicate'"),
        (["--seed"], "option '--seed' needs a value"),
        (["--seed", "--nodes", "3"], "option '--seed' needs a value"),
        (["--seed", "abc"], "invalid value 'abc' for '--seed': expected a whole number from 0 to 18446744073709551615"),
        (["--seed", "-1"], "invalid value '-1' for '--seed': expected a whole number from 0 to 18446744073709551615"),
        (["--seed", "+5"], "invalid value '+5' for '--seed': expected a whole number from 0 to 18446744073709551615"),
        (["--seed=18446744073709551616"],
            "invalid value '18446744073709551616' for '--seed': expected a whole number from 0 to 18446744073709551615"),
        (["--seed="], "invalid value '' for '--seed': expected a whole number from 0 to 18446744073709551615"),
        (["--nodes", "0"], "invalid value '0' for '--nodes': expected a whole number from 1 to 100"),
        (["--nodes", "101"], "invalid value '101' for '--nodes': expected a whole number from 1 to 100"),
        (["--nodes", "99999999999999999999999999"],
            "invalid value '99999999999999999999999999' for '--nodes': expected a whole number from 1 to 100"),
        (["--nodes", "2.5"], "invalid value '2.5' for '--nodes': expected a whole number from 1 to 100"),
        (["--lang", "fr"], "invalid value 'fr' for '--lang': expected one of en, ko, ja"),
        (["--strict"], "option '--strict' only applies to 'kubelab run'"),
        (["--strict=yes", "run", "x"], "option '--strict' does not take a value"),
        (["run", "x", "--format", "json"], "option '--format' only applies to 'kubelab grade'"),
        (["run"], "'run' needs a SCRIPT (a file, or - for standard input)"),
        (["run", "a.sh", "b.sh"], "unexpected argument 'b.sh'"),
        (["lesson", "01", "02"], "'lesson' takes at most one lesson ID"),
        (["grade", "a.txt"], "'grade' needs --lesson ID"),
        (["grade", "--lesson", "01"], "'grade' needs at least one transcript FILE"),
        (["grade", "--lesson", "01", "--format", "xml", "a"], "invalid value 'xml' for '--format': expected one of text, json, junit, csv, gradescope"),
        (["replay"], "'replay' needs a transcript FILE"),
        (["replay", "a", "b"], "unexpected argument 'b'"),
    ])
    func usageErrorsAreReportedWithExitCode2(arguments: [String], message: String) {
        #expect(errorReport(arguments) == "kubelab: \(message)\nSee 'kubelab --help' for usage.\n")
        #expect(UsageError.exitCode == 2)
    }

    @Test func longGarbageIsShortenedInMessages() {
        let garbage = "--" + String(repeating: "x", count: 500)
        #expect(errorReport([garbage]) == "kubelab: unknown option '--\(String(repeating: "x", count: 58))...'\n"
            + "See 'kubelab --help' for usage.\n")
    }
}
