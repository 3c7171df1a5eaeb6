import KubeLab
import PodShell
@testable import KubeLabCLI

/// A session whose host shell knows just enough to exercise the drivers:
/// `echo WORDS`, `fail N` (exit status N), a trailing `\` (continuation prompt `> `),
/// `enter NAME` (opens a nested program with prompt `NAME> ` that echoes lines back and says
/// `bye from NAME` on Ctrl-D), `wait MS` (calls terminal.wait), and `exit [N]`.
final class FakeSession: LabSession {
    let terminal: Terminal
    let host = FakeShell(name: nil)
    var advanced: [Int64] = []
    var clockMillis: Int64 = 0
    var completionRequests: [(String, Int)] = []
    var candidates: [String] = []

    init(mode: Terminal.Mode = .script) {
        terminal = Terminal(mode: mode, writeOut: { _ in }, writeErr: { _ in })
        terminal.push(host)
    }

    var lastExitCode: Int32 { host.lastExitCode }

    func advanceWallClock(ms: Int64) {
        advanced.append(ms)
        clockMillis += ms
    }

    func complete(line: String, cursor: Int) -> [String] {
        completionRequests.append((line, cursor))
        return candidates
    }
}

final class FakeShell: LineProgram {
    let name: String?
    var lastExitCode: Int32 = 0
    var interrupts = 0
    private var pending: String?

    init(name: String?) { self.name = name }

    var prompt: String {
        if pending != nil { return "> " }
        return name.map { "\($0)> " } ?? "$ "
    }

    func handle(line: String, terminal: Terminal) -> LineResult {
        if line.hasSuffix("\\") {
            pending = (pending ?? "") + line.dropLast()
            return .continue
        }
        let command = (pending ?? "") + line
        pending = nil
        let words = command.split(separator: " ").map(String.init)
        guard let verb = words.first else { return .continue }
        let rest = words.dropFirst().joined(separator: " ")
        switch verb {
        case "echo":
            terminal.writeOut(rest + "\n")
            lastExitCode = 0
        case "fail":
            terminal.writeErr("failing with \(rest)\n")
            lastExitCode = Int32(rest) ?? 1
        case "enter":
            terminal.push(FakeShell(name: rest))
        case "wait":
            let finished = terminal.wait(Int64(rest) ?? 0)
            terminal.writeOut(finished ? "waited\n" : "wait interrupted\n")
        case "exit":
            return .exit(Int32(rest) ?? 0)
        default:
            if name != nil {
                terminal.writeOut("\(name ?? ""): \(command)\n")
            } else {
                terminal.writeErr("\(verb): command not found\n")
                lastExitCode = 127
            }
        }
        return .continue
    }

    func interrupt(terminal: Terminal) {
        pending = nil
        interrupts += 1
    }

    func endOfInput(terminal: Terminal) {
        if let name { terminal.writeOut("bye from \(name)\n") }
    }

    func childExited(code: Int32, terminal: Terminal) { lastExitCode = code }
}

/// Collects stdout and stderr in one stream (as `2>&1` would) and each on its own.
final class CapturedOutput {
    var combined = ""
    var out = ""
    var err = ""

    lazy var channel = OutputChannel(
        out: { [unowned self] text in
            out += text
            combined += text
        },
        err: { [unowned self] text in
            err += text
            combined += text
        })
}
