import KubeAPI

/// `kubectl rollout status|history|undo|restart|pause|resume`: the rollout of StatefulSets,
/// Deployments and DaemonSets. Each subcommand lives in its own file (`Rollout*.swift`).
struct RolloutCommand: KubectlCommand {
    static let name = "rollout"
    static let help = HelpText.usage("""
        Follow and steer the rollout of a StatefulSet, Deployment or DaemonSet.

        Valid resource types include:

          *  deployments
          *  daemonsets
          *  statefulsets

        Examples:
          kubectl rollout status sts web
          kubectl rollout history statefulset/web --revision=2
          kubectl rollout undo sts web --to-revision=1
          kubectl rollout restart deployment/abc
          kubectl rollout restart deployment --selector=app=nginx

        Available Commands:
          history       Show the revisions of a rollout
          pause         Stop a Deployment's rollout where it is
          restart       Start a new rollout of the same template
          resume        Continue a paused Deployment's rollout
          status        Watch a rollout until it is done
          undo          Go back to an earlier revision

        Options (by subcommand):
          status:   -w, --watch=true  --revision=0  --timeout=0s  -l, --selector=''
          history:  --revision=0  -o, --output=''  -l, --selector=''
          undo:     --to-revision=0  --dry-run='none'  -o, --output=''  -l, --selector=''
          restart, pause, resume:  -l, --selector=''  -o, --output=''  --field-manager=''
          all:      -f, --filename=[]  -R, --recursive=false

        Usage:
          kubectl rollout SUBCOMMAND (TYPE NAME | TYPE/NAME) [options]
        """)

    let flags = FlagSet([
        .init("watch", "w", .bool, default: "true"), .init("revision", nil, .int64, default: "0"),
        .init("timeout", nil, .duration, default: "0s"), .init("to-revision", nil, .int64, default: "0"),
        .init("filename", "f", .stringArray), .init("recursive", "R", .bool), .init("kustomize", "k"), .init("selector", "l"),
        .init("output", "o"), .init("dry-run", nil, .string, default: "none"), .init("template"),
        .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
        .init("field-manager", nil, .string, default: "kubectl-rollout"),
    ])

    /// Each subcommand's own flags (`kubectl rollout SUB --help`): any other is an unknown flag.
    static func flags(of sub: String) -> FlagSet? {
        let objects: [FlagSet.Spec] = [
            .init("filename", "f", .stringArray), .init("kustomize", "k"), .init("recursive", "R", .bool), .init("selector", "l"),
        ]
        let printing: [FlagSet.Spec] = [
            .init("output", "o"), .init("template"), .init("allow-missing-template-keys", nil, .bool, default: "true"),
            .init("show-managed-fields", nil, .bool),
        ]
        switch sub {
        case "status":
            return FlagSet(objects + [
                .init("revision", nil, .int64, default: "0"), .init("timeout", nil, .duration, default: "0s"),
                .init("watch", "w", .bool, default: "true"),
            ])
        case "history": return FlagSet(objects + printing + [.init("revision", nil, .int64, default: "0")])
        case "undo":
            return FlagSet(objects + printing + [
                .init("to-revision", nil, .int64, default: "0"), .init("dry-run", nil, .string, default: "none"),
            ])
        case "restart", "pause", "resume":
            return FlagSet(objects + printing + [.init("field-manager", nil, .string, default: "kubectl-rollout")])
        default: return nil
        }
    }

    /// cobra finds the subcommand before parsing, so only its own flags apply and errors name it.
    func flagScope(_ argv: [String]) -> FlagScope {
        subcommandScope(argv) { word in Self.flags(of: word).map { (word, $0) } }
    }

    static func subcommand(_ name: String) -> ((Invocation) throws -> Int32)? {
        switch name {
        case "status": return RolloutStatus.run
        case "history": return RolloutHistory.run
        case "undo": return RolloutUndo.run
        case "restart": return RolloutTemplatePatch.restart
        case "pause": return RolloutTemplatePatch.pause
        case "resume": return RolloutTemplatePatch.resume
        default: return nil
        }
    }

    func run(_ call: Invocation) throws -> Int32 {
        // cobra's DefaultSubCommandRun, writing to standard output: the help, then exit status 1.
        guard let sub = call.args.first else {
            call.out(Self.help)
            return 1
        }
        guard let runSubcommand = Self.subcommand(sub) else {
            // cobra's DefaultSubCommandRun: a usage error naming every positional word.
            let words = call.args.joined(separator: " ")
            throw KubectlFailure.usage("unknown command \"\(words)\"", command: "rollout")
        }
        return try runSubcommand(call.droppingFirstArgument())
    }

    /// The kinds every subcommand accepts; anything else has no viewer or rollbacker.
    static let kinds: Set<String> = ["StatefulSet", "Deployment", "DaemonSet"]

    /// The objects named after the subcommand (a bare type means all of them in the namespace).
    static func targets(_ call: Invocation) throws -> ObjectSelection {
        try ObjectSelection.resolve(call, missingText: "error: required resource not specified")
    }

    /// `No resources found in default namespace.`, which kubectl prints when nothing matched.
    static func noResources(_ call: Invocation) -> String { "No resources found in \(call.namespace) namespace.\n" }

    /// The printed name: `statefulset.apps/web`.
    static func name(_ r: ResourceType, _ obj: JSONValue) -> String { "\(r.qualifiedKind)/\(obj.name)" }
}

extension Invocation {
    /// The same command line without its first positional word (a subcommand's view).
    func droppingFirstArgument() -> Invocation {
        var f = flags
        f.positional = Array(f.positional.dropFirst())
        return Invocation(kubectl: kubectl, flags: f, io: io)
    }
}
