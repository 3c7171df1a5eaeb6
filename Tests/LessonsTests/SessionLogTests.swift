import KubeLab
import Testing

@Suite struct SessionLogTests {
    private let header = SessionHeader(lesson: "01", seed: 7, nodes: 3, language: .korean, mode: .interactive, started: "2026-12-03T10:00:00Z")

    private func record(_ input: CommandRecord.Input, _ output: String, start: Int64 = 0, end: Int64 = 0, status: Int32 = 0, prompt: String = "$ ", depth: Int = 1) -> CommandRecord {
        CommandRecord(input: input, prompt: prompt, depth: depth, output: output, exitStatus: status, startMillis: start, endMillis: end)
    }

    @Test func roundTripsWhateverTheOutputHolds() throws {
        let records = [
            record(.line("kubectl get pods"), "No resources found in default namespace.\n", start: 10, end: 20),
            record(.line("printf 'no newline'"), "no newline", start: 20, end: 20),
            record(.line("echo '#> L 0 0 0 1 2 9'"), "#> L 0 0 0 1 2 9\n#= progress\n\n", start: 30, end: 31),
            record(.line("ls"), "", start: 31, end: 31, status: 2),
            record(.line("echo 한국語"), "한국語\n", start: 40, end: 40, prompt: "root@mysql-0:/# ", depth: 2),
            record(.interrupt, "", start: 50, end: 50),
            record(.endOfInput, "exit\n", start: 60, end: 60, depth: 2),
        ]
        let log = SessionLog(header: header, records: records)
        let text = SessionLogFormat.encode(log)
        #expect(text.hasPrefix("# kubelab transcript 1\n# version: \(KubeLabVersion.current)\n# lesson: 01\n# seed: 7\n"))
        let parsed = try SessionLogParser.parse(Array(text.utf8))
        #expect(parsed.log == log)
        #expect(!parsed.droppedIncompleteRecord)
    }

    @Test func aRecordCutShortByACrashIsDropped() throws {
        let log = SessionLog(header: header, records: [record(.line("echo a"), "a\n"), record(.line("echo bb"), "bb\n", start: 5, end: 5)])
        let text = SessionLogFormat.encode(log)
        let cut = Array(text.utf8.dropLast(2))
        let parsed = try SessionLogParser.parse(cut)
        #expect(parsed.log.records.map(\.line) == ["echo a"])
        #expect(parsed.droppedIncompleteRecord)
    }

    @Test func notesAreSkippedAndTheLastIsKept() throws {
        var text = SessionLogFormat.encodeHeader(header) + SessionLogFormat.encodeNote("progress 0/3")
        text += SessionLogFormat.encodeRecord(record(.line("x"), "y\n")) + SessionLogFormat.encodeNote("progress 1/3 step 2")
        let parsed = try SessionLogParser.parse(Array(text.utf8))
        #expect(parsed.log.records.count == 1)
        #expect(parsed.lastNote == "progress 1/3 step 2")
    }

    @Test(arguments: [
        ("garbage\n", "line 1: not a kubelab transcript (the first line must be '# kubelab transcript 1')"),
        ("# kubelab transcript 1\n# version: x\n#\n", "line 4: the header lacks 'seed'"),
        ("# kubelab transcript 1\n# version: x\n# seed: -1\n", "line 3: seed '-1' is not a number"),
        ("# kubelab transcript 1\n# version: x\n# seed: 1\n# nodes: 1\n# lang: fr\n", "line 5: unknown language 'fr'"),
        ("# kubelab transcript 1\n# version: x\n# seed: 1\n# seed: 2\n", "line 4: header 'seed' appears twice"),
        ("# kubelab transcript 1\n# version: x\n# seed: 1\n# nodes: 1\n# lang: en\n# mode: script\n#\nhello\n",
         "line 8: expected a '#>' mark line, found text no mark accounts for"),
        ("# kubelab transcript 1\n# version: x\n# seed: 1\n# nodes: 1\n# lang: en\n# mode: script\n#\n#> L 5 4 0 1 2 0\n$ x\n",
         "line 8: a mark reads '#> KIND START END STATUS DEPTH PROMPT-BYTES OUTPUT-BYTES'"),
        ("# kubelab transcript 1\n# version: x\n# seed: 1\n# nodes: 1\n# lang: en\n# mode: script\n#\n#> L 5 99999999999999 0 1 2 0\n$ x\n",
         "line 8: a mark reads '#> KIND START END STATUS DEPTH PROMPT-BYTES OUTPUT-BYTES'"),
        ("# kubelab transcript 1\n# version: x\n# seed: 1\n# nodes: 1\n# lang: en\n# mode: script\n#\n#> L 0 0 0 1 99 0\n$ x\n",
         "line 9: the prompt is longer than its line"),
    ])
    func hostileOrBrokenFilesAreRefusedWithTheirLine(text: String, message: String) {
        #expect(throws: SessionLogError.self) { try SessionLogParser.parse(Array(text.utf8)) }
        do {
            _ = try SessionLogParser.parse(Array(text.utf8))
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func marksThatGoBackInTimeAreKeptAndReported() throws {
        let text = "# kubelab transcript 1\n# version: x\n# seed: 1\n# nodes: 1\n# lang: en\n# mode: script\n#\n#> L 5 9 0 1 2 0\n$ x\n#> L 3 4 0 1 2 0\n$ y\n"
        let parsed = try SessionLogParser.parse(Array(text.utf8))
        #expect(parsed.log.records.count == 2)
        #expect(parsed.timeGoesBackAt == [10])
    }

    @Test func sizeAndCountLimitsSayWhichLimit() throws {
        let big = [UInt8](repeating: 65, count: 200)
        #expect(throws: SessionLogError(line: 1, "the transcript is larger than 0 MiB")) {
            try SessionLogParser.parse(big, limits: .init(maximumBytes: 100, maximumRecords: 10))
        }
        let log = SessionLog(header: header, records: (0..<5).map { record(.line("echo \($0)"), "\($0)\n") })
        #expect(throws: SessionLogError.self) {
            try SessionLogParser.parse(Array(SessionLogFormat.encode(log).utf8), limits: .init(maximumBytes: 1 << 20, maximumRecords: 3))
        }
    }
}
