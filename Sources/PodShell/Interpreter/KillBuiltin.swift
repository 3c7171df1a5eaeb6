/// `kill`: the shell builtin (bash's and busybox ash's), with their signal names, `-l` listing and
/// error words. The processes a shell in kubelab can reach are itself (`$$`, and `0`, its process
/// group); a signal that ends a process ends that shell with 128+N, as the kernel's default action
/// would. Background jobs run to completion before the prompt returns, so a job spec finds no job.
/// PID 1, the container's main process, is not signalled from inside: kubelab says so.
extension Builtins {
    /// Linux's signal numbers and names (x86/arm), 1...31; real-time signals are named by bash only.
    static let signalNames = ["HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
                              "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
                              "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS"]

    /// Signals whose default action is not to end the process (ignore, stop, continue).
    static let nonTerminatingSignals: Set<Int> = [0, 17, 18, 19, 20, 21, 22, 23, 28]

    /// A signal number from `9`, `KILL`, `SIGKILL` (any case for names, as both shells accept).
    static func signalNumber(_ spec: String) -> Int? {
        if let n = Int(spec) { return n >= 0 && n <= 64 ? n : nil }
        var name = spec.uppercased()
        if name.hasPrefix("SIG") { name.removeFirst(3) }
        if name == "EXIT" { return 0 }
        if name == "IO" { return 29 }
        if name == "IOT" { return 6 }
        return signalNames.firstIndex(of: name).map { $0 + 1 }
    }

    static func signalName(_ number: Int) -> String? {
        if number == 0 { return "EXIT" }
        return number >= 1 && number <= signalNames.count ? signalNames[number - 1] : nil
    }

    static func kill(_ i: ShellInterpreter, _ args: [String], _ env: ShellEnvironment, _ io: ShellInterpreter.IO) -> ShellInterpreter.Flow {
        let busybox = env.dialect.isBusybox
        // bash: `bash: kill: ...` at a prompt, `bash: line N: kill: ...` in `bash -c` and scripts.
        let prefix: String
        switch env.dialect {
        case .busyboxSh: prefix = "sh: "
        case .dash: prefix = "sh: \(i.currentLine): kill: "
        default: prefix = env.isInteractive ? "bash: kill: " : "bash: line \(i.currentLine): kill: "
        }
        func fail(_ message: String, _ code: Int32 = 1) -> ShellInterpreter.Flow {
            io.stderr.write(message)
            env.lastStatus = code
            return .normal
        }
        func badSignal(_ spec: String) -> ShellInterpreter.Flow {
            fail(busybox ? "sh: bad signal name '\(spec)'\n" : "\(prefix)\(spec): invalid signal specification\n")
        }
        var rest = args[...]
        var signal = 15
        if let first = rest.first, first == "-l" || first == "-L" {
            return listSignals(Array(rest.dropFirst()), busybox: busybox, prefix: prefix, io: io, env: env)
        }
        if let first = rest.first, first.hasPrefix("-"), first != "-", first != "--" {
            rest = rest.dropFirst()
            // `-s NAME` in both shells, `-n NUMBER` in bash only; ash reads a lone `-s` or `-n` as a name.
            if first == "-s" && (!busybox || !rest.isEmpty) || first == "-n" && !busybox {
                guard let spec = rest.first else { return fail("\(prefix)\(first): option requires an argument\n") }
                rest = rest.dropFirst()
                guard let n = signalNumber(spec) else { return badSignal(spec) }
                signal = n
            } else {
                let spec = String(first.dropFirst())
                guard let n = signalNumber(spec) else { return badSignal(spec) }
                signal = n
            }
        }
        if rest.first == "--" { rest = rest.dropFirst() }
        guard !rest.isEmpty else {
            if busybox { return fail("sh: you need to specify whom to kill\n") }
            return fail("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n", 2)
        }
        var anySucceeded = false, anyFailed = false
        var ending: Int32?
        for target in rest {
            if target.hasPrefix("%") {
                // bash and ash keep no finished jobs: every job has ended by the time kill runs.
                if busybox {
                    let lineText = env.isInteractive ? "" : "line \(i.currentLine): "
                    let what = target == "%%" || target == "%+" || target == "%" ? "No current job"
                             : target == "%-" ? "No previous job" : "\(target): no such job"
                    io.stderr.write("sh: kill: \(lineText)\(what)\n")
                    env.lastStatus = 2
                    return .normal
                }
                io.stderr.write("\(prefix)\(target): no such job\n")
                anyFailed = true
                continue
            }
            guard let pid = Int(target) else {
                if busybox { return fail("sh: invalid number '\(target)'\n") }
                io.stderr.write("\(prefix)\(target): arguments must be process or job IDs\n")
                anyFailed = true
                continue
            }
            if pid == env.processID || pid == 0 || pid == -1 {
                anySucceeded = true
                // An interactive shell ignores TERM and QUIT, and INT only interrupts the line it runs.
                let ignored = env.isInteractive && (signal == 15 || signal == 3 || signal == 2)
                if !nonTerminatingSignals.contains(signal) && !ignored && ending == nil { ending = Int32(128 + signal) }
            } else if pid == 1 && signal == 0 {
                anySucceeded = true  // it exists
            } else if pid == 1 {
                io.stderr.write("kubelab: kill: signalling the container's main process (PID 1) is not simulated; `kubectl delete pod` restarts it\n")
                anyFailed = true
            } else {
                io.stderr.write(busybox ? "sh: can't kill pid \(pid): No such process\n" : "\(prefix)(\(pid)) - No such process\n")
                anyFailed = true
            }
        }
        if let ending { return .exit(ending) }
        // bash succeeds when any target was signalled; ash fails when any was not.
        env.lastStatus = busybox ? (anyFailed ? 1 : 0) : (anySucceeded ? 0 : 1)
        return .normal
    }

    /// `kill -l`: the table (bash: five to a line, `SIG` names; ash: one per line), or the name of a
    /// number (an exit status above 128 names its signal) and the number of a name.
    private static func listSignals(_ specs: [String], busybox: Bool, prefix: String, io: ShellInterpreter.IO, env: ShellEnvironment) -> ShellInterpreter.Flow {
        if specs.isEmpty {
            var out = ""
            if busybox {
                for (k, name) in signalNames.enumerated() { out += (k + 1 < 10 ? " " : "") + "\(k + 1)) \(name)\n" }
            } else {
                var cells: [String] = signalNames.enumerated().map { "\($0.offset + 1)) SIG\($0.offset == 28 ? "IO" : $0.element)" }
                // bash lists the real-time signals 34...64 after the 31 classic ones.
                for n in 34...64 {
                    let name = n <= 49 ? (n == 34 ? "SIGRTMIN" : "SIGRTMIN+\(n - 34)") : (n == 64 ? "SIGRTMAX" : "SIGRTMAX-\(64 - n)")
                    cells.append("\(n)) \(name)")
                }
                for (k, cell) in cells.enumerated() {
                    out += (cell.prefix(while: { $0 != ")" }).count < 2 ? " " : "") + cell + (k % 5 == 4 ? "\n" : "\t")
                }
                if !out.hasSuffix("\n") { out += "\n" }
            }
            io.stdout.write(out)
            env.lastStatus = 0
            return .normal
        }
        var code: Int32 = 0
        for spec in specs {
            if var n = Int(spec) {
                if n > 128 { n -= 128 }
                if let name = signalName(n) { io.stdout.write((n == 29 && !busybox ? "IO" : name) + "\n"); continue }
                if busybox { io.stdout.write("\(n)\n"); continue }
                io.stderr.write(busybox ? "sh: bad signal name '\(spec)'\n" : "\(prefix)\(spec): invalid signal specification\n")
                code = 1
            } else if let n = signalNumber(spec) {
                io.stdout.write("\(n)\n")
            } else {
                io.stderr.write(busybox ? "sh: unknown signal '\(spec)'\n" : "\(prefix)\(spec): invalid signal specification\n")
                code = 1
            }
        }
        env.lastStatus = code
        return .normal
    }
}
