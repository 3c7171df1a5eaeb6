import KubeAPI
import KubeSim
import PodShell

/// kubectl, talking to one simulated cluster. Each call to `run` is one `kubectl ...` command line.
public final class Kubectl {
    public let cluster: Cluster
    public let files: HostFiles
    /// The kubeconfig (`kubectl config` changes it for the session).
    public var kubeconfig = Kubeconfig()
    /// The namespace of the current kubeconfig context.
    public var currentNamespace: String {
        get { kubeconfig.namespace }
        set { kubeconfig.namespace = newValue }
    }
    /// The user of the current kubeconfig context (kubeadm's admin.conf).
    public var user = UserInfo.kubernetesAdmin
    /// The containers' side of the cluster (exec, logs, run -it); nil in tests that need none.
    public var runtime: ContainerRuntime?
    /// Lets cluster time pass while a command waits (delete, wait, rollout status, get -w).
    /// Returns false when the user interrupted. The default just advances the virtual clock.
    public var waitHook: ((Millis) -> Bool)?

    /// Waits `ms` of cluster time through the hook.
    func wait(_ ms: Millis) -> Bool {
        if let hook = waitHook { return hook(ms) }
        cluster.advance(by: ms)
        return true
    }

    public init(cluster: Cluster, files: HostFiles) {
        self.cluster = cluster
        self.files = files
    }

    /// Verbs by name, in the order `kubectl --help` groups them.
    nonisolated(unsafe) static let commands: [any KubectlCommand] = [
        CreateCommand(), GetCommand(), ExplainCommand(), DeleteCommand(), ScaleCommand(),
        DescribeCommand(), ApplyCommand(), ReplaceCommand(), DiffCommand(), APIResourcesCommand(), VersionCommand(),
        ExecCommand(), LogsCommand(), RunCommand(), AttachCommand(), CopyCommand(), CordonCommand(), UncordonCommand(),
        PatchCommand(), RolloutCommand(), LabelCommand(), AnnotateCommand(), SetCommand(), WaitCommand(), EditCommand(),
        AuthCommand(), DrainCommand(), TaintCommand(), ExposeCommand(), EventsCommand(), ConfigCommand(), ClusterInfoCommand(), TopCommand(), APIVersionsCommand(),
        AlphaCommand(), PluginCommand(),
    ]

    static func command(named name: String) -> (any KubectlCommand)? {
        commands.first { type(of: $0).name == name || type(of: $0).aliases.contains(name) }
    }

    /// Runs `kubectl args...`; returns the exit code. Output goes through `io`.
    @discardableResult
    public func run(_ args: [String], io: CommandIO) -> Int32 {
        // Global flags may come before the verb (`kubectl -n kube-system get pods`).
        var leading: [String] = []
        var rest = args[...]
        while let a = rest.first, a.hasPrefix("-"), a != "--" {
            leading.append(a)
            rest = rest.dropFirst()
            if !a.contains("="), let spec = GlobalFlags.spec(for: a), spec.kind != .bool, let v = rest.first {
                leading.append(v)
                rest = rest.dropFirst()
            }
        }
        guard let verb = rest.first else {
            if leading.contains("--help") || leading.contains("-h") || leading.isEmpty {
                io.out(HelpText.root)
                return 0
            }
            do { _ = try GlobalFlags.set.parse(leading) } catch {
                io.err("Error: \(error.message)\nSee 'kubectl --help' for usage.\n")
                return 1
            }
            io.out(HelpText.root)
            return 0
        }
        if verb == "help" {
            if let name = rest.dropFirst().first, let cmd = Self.command(named: name) {
                let verb = type(of: cmd)
                verb.printHelp(verb.help, io: io)
            } else {
                io.out(HelpText.root)
            }
            return 0
        }
        // cobra looks for plugins when an unknown flag comes before the verb.
        if let unknown = Self.firstUnknownLeadingFlag(leading) {
            io.err("Error: flags cannot be placed before plugin name: \(unknown)\n")
            return 1
        }
        guard let command = Self.command(named: verb) else {
            // A verb real kubectl has is not "unknown": say plainly that the simulation lacks it.
            if HelpText.allVerbs.contains(verb) {
                io.err("error: kubelab does not simulate \"kubectl \(verb)\" yet\n")
                return 1
            }
            io.err(Self.unknownCommandText(verb))
            return 1
        }
        let argv = leading + Array(rest.dropFirst())
        let scope = command.flagScope(argv)
        let flagSet = scope.flags.adding(GlobalFlags.set.specs).adding([FlagSet.Spec("help", "h", .bool)])
        if !argv.contains("--help") && !argv.contains("-h"), let feature = command.unsimulatedFeature(argv) {
            io.err("error: kubelab does not simulate \"\(feature)\" yet\n")
            return 1
        }
        let parsed: ParsedFlags
        do {
            parsed = try flagSet.parse(argv)
        } catch {
            let failure = command.flagFailure(error.message, scope: scope)
            io.err(failure.text + "\n")
            return failure.code
        }
        for given in parsed.occurrences {
            if let text = flagSet.spec(named: given.name)?.deprecated { io.err("Flag --\(given.name) has been deprecated, \(text)\n") }
        }
        if parsed.bool("help") {
            type(of: command).printHelp(command.helpText(parsed), io: io)
            return 0
        }
        if parsed.isSet("request-timeout"), !RequestTimeout.isValid(parsed.string("request-timeout")) {
            io.err("error: \(RequestTimeout.invalidText)\n")
            return 1
        }
        let call = Invocation(kubectl: self, flags: parsed, io: io)
        for warning in DeprecationWarnings.warnings(verb: verb, positional: parsed.positional) { io.err("Warning: \(warning)\n") }
        do {
            try Impersonation.check(parsed, base: user, authorizer: call.authorizer)
            let code = try command.run(call)
            cluster.settle()
            return code
        } catch let failure as KubectlFailure {
            cluster.settle()
            io.err(failure.text.hasSuffix("\n") ? failure.text : failure.text + "\n")
            return failure.code
        } catch let e as APIError {
            cluster.settle()
            io.err(e.kubectlText + "\n")
            return 1
        } catch let e as JSONPathError {
            cluster.settle()
            // checkErr adds the newline only when the message has none.
            io.err(e.message.hasSuffix("\n") ? "error: \(e.message)" : "error: \(e.message)\n")
            return 1
        } catch {
            io.err("error: \(error)\n")
            return 1
        }
    }

    static func firstUnknownLeadingFlag(_ leading: [String]) -> String? {
        var skipValue = false
        for a in leading {
            if skipValue { skipValue = false; continue }
            if a == "--help" || a == "-h" { continue }
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            if a.hasPrefix("--") {
                guard let spec = GlobalFlags.spec(for: name) else { return a }
                skipValue = !a.contains("=") && spec.kind != .bool
            } else if a.count >= 2 {
                guard let spec = GlobalFlags.spec(for: String(a.prefix(2))) else { return a }
                skipValue = a.count == 2 && spec.kind != .bool
            }
        }
        return nil
    }

    /// cobra's "unknown command" text with its suggestions (Levenshtein distance ≤ 2 or a prefix match).
    static func unknownCommandText(_ verb: String) -> String {
        let text = "Error: unknown command \"\(verb)\" for \"kubectl\""
        let names = HelpText.suggestedVerbs
        let suggestions = names.filter { n in
            levenshtein(verb.lowercased(), n) <= 2 || (n.hasPrefix(verb.lowercased()) && !verb.isEmpty)
        }
        if !suggestions.isEmpty {
            return text + "\n\nDid you mean this?\n" + suggestions.map { "\t\($0)\n" }.joined() + "\n"
        }
        return text + "\n"
    }

    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}

/// One parsed kubectl command line, handed to a verb.
struct Invocation {
    let kubectl: Kubectl
    let flags: ParsedFlags
    let io: CommandIO

    var cluster: Cluster { kubectl.cluster }
    var store: ObjectStore { kubectl.cluster.store }
    var args: [String] { flags.positional }
    /// `-n`, or the context's namespace.
    var namespace: String { flags.isSet("namespace") ? flags.string("namespace") : kubectl.currentNamespace }
    var namespaceExplicit: Bool { flags.isSet("namespace") }

    func out(_ text: String) { io.out(text) }
    func err(_ text: String) { io.err(text) }
}

/// A kubectl verb.
protocol KubectlCommand {
    static var name: String { get }
    static var aliases: [String] { get }
    static var help: String { get }
    /// Whether cobra prints this verb's help on standard error (a help function of its own that
    /// writes with `Println`, as `kubectl alpha`'s does) rather than standard output.
    static var helpOnStandardError: Bool { get }
    var flags: FlagSet { get }
    func run(_ call: Invocation) throws -> Int32
    /// A real kubectl feature these arguments ask for that kubelab lacks (`kubectl create job`),
    /// checked before the flags are parsed, so the learner hears that plainly instead of a flag error.
    func unsimulatedFeature(_ argv: [String]) -> String?
    /// `--help`'s text; a verb with subcommands answers for the one named.
    func helpText(_ flags: ParsedFlags) -> String
    /// The flags these arguments may carry: cobra parses them with the flags of the subcommand
    /// they name (`create job` refuses `--restart`), and names that subcommand in the usage hint.
    func flagScope(_ argv: [String]) -> FlagScope
    /// What a flag that does not parse prints and exits with: cobra's own words, unless the verb
    /// sets a flag error function of its own (`kubectl diff`).
    func flagFailure(_ message: String, scope: FlagScope) -> KubectlFailure
}

/// The command cobra found for a command line: its flags and its path (`create job`).
struct FlagScope {
    let flags: FlagSet
    let commandPath: String
}

extension KubectlCommand {
    /// cobra's Find for a verb with subcommands: the first word that is neither a flag nor a
    /// flag's value names the subcommand.
    func subcommandWord(_ argv: [String]) -> String? {
        flags.adding(GlobalFlags.set.specs).positionalWords(argv).first
    }

    /// The scope of the subcommand that word names: `subcommand` gives its name in the usage hint
    /// and its flags, or nil for a word that names none (the verb's own scope then).
    func subcommandScope(_ argv: [String], _ subcommand: (String) -> (name: String, flags: FlagSet)?) -> FlagScope {
        guard let word = subcommandWord(argv), let sub = subcommand(word) else { return FlagScope(flags: flags, commandPath: Self.name) }
        return FlagScope(flags: sub.flags, commandPath: Self.name + " " + sub.name)
    }

    static var aliases: [String] { [] }
    static var helpOnStandardError: Bool { false }

    /// Prints help where cobra prints this verb's (`helpOnStandardError`), for `--help` and `kubectl help VERB` alike.
    static func printHelp(_ text: String, io: CommandIO) {
        if helpOnStandardError { io.err(text) } else { io.out(text) }
    }
    func unsimulatedFeature(_ argv: [String]) -> String? { nil }
    func helpText(_ flags: ParsedFlags) -> String { Self.help }
    func flagScope(_ argv: [String]) -> FlagScope { FlagScope(flags: flags, commandPath: Self.name) }
    func flagFailure(_ message: String, scope: FlagScope) -> KubectlFailure {
        KubectlFailure("Error: \(message)\nSee 'kubectl \(scope.commandPath) --help' for usage.")
    }
}

/// Flags every kubectl command accepts.
enum GlobalFlags {
    static let set = FlagSet([
        .init("namespace", "n"), .init("kubeconfig"), .init("context"), .init("cluster"), .init("user"),
        .init("server", "s"), .init("v", "v", .int, default: "0"), .init("request-timeout", nil, .string, default: "0"),
        .init("as"), .init("as-group", nil, .stringArray), .init("insecure-skip-tls-verify", nil, .bool),
        .init("token"), .init("match-server-version", nil, .bool), .init("warnings-as-errors", nil, .bool),
        .init("cache-dir"), .init("certificate-authority"), .init("client-certificate"), .init("client-key"),
        .init("tls-server-name"), .init("username"), .init("password"), .init("profile", nil, .string, default: "none"),
        .init("profile-output"), .init("disable-compression", nil, .bool), .init("log-flush-frequency", nil, .duration, default: "5s"),
    ])

    static func spec(for arg: String) -> FlagSet.Spec? {
        if arg.hasPrefix("--") { return set.spec(named: String(arg.dropFirst(2))) }
        if arg.count == 2, let c = arg.dropFirst().first { return set.spec(short: c) }
        return nil
    }
}
