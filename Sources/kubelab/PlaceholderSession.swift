import KubeLabCLI
import PodShell

/// Stands in for the lead's `Lab` until it lands, so the executable and its end-to-end test work:
/// a host "shell" that knows `echo`, `true`, `false`, `sleep N`, `exit [N]` and `\` continuations.
/// Delete this file when `makeSession` returns a `Lab`.
final class PlaceholderSession: LabSession {
    let terminal: Terminal
    private let shell = PlaceholderShell()

    init(options: LabOptions) {
        terminal = Terminal(mode: options.mode, writeOut: { _ in }, writeErr: { _ in })
        terminal.push(shell)
    }

    var lastExitCode: Int32 { shell.lastExitCode }

    func advanceWallClock(ms: Int64) {}

    func complete(line: String, cursor: Int) -> [String] {
        let words = line.prefix(cursor).split(separator: " ", omittingEmptySubsequences: false)
        switch words.count {
        case 1: return ["echo", "exit", "false", "kubectl", "sleep", "true"]
        case 2 where words[0] == "kubectl": return ["apply", "create", "delete", "describe", "exec", "get", "scale"]
        default: return []
        }
    }
}

private final class PlaceholderShell: LineProgram {
    var lastExitCode: Int32 = 0
    private var pending: String?

    var prompt: String { pending == nil ? "$ " : "> " }

    func handle(line: String, terminal: Terminal) -> LineResult {
        if line.hasSuffix("\\") {
            pending = (pending ?? "") + line.dropLast()
            return .continue
        }
        let command = (pending ?? "") + line
        pending = nil
        let words = command.split(separator: " ").map(String.init)
        guard let name = words.first else { return .continue }
        let arguments = words.dropFirst()
        switch name {
        case "echo":
            terminal.writeOut(arguments.joined(separator: " ") + "\n")
            lastExitCode = 0
        case "true": lastExitCode = 0
        case "false": lastExitCode = 1
        case "sleep":
            let seconds = Int64(arguments.first ?? "") ?? 0
            lastExitCode = terminal.wait(min(seconds, 3600) * 1000) ? 0 : 130
        case "exit":
            return .exit(Int32(arguments.first ?? "") ?? lastExitCode)
        default:
            terminal.writeErr("\(name): command not found\n")
            lastExitCode = 127
        }
        return .continue
    }

    func interrupt(terminal: Terminal) { pending = nil }
}
