import KubeAPI

/// `kubectl auth can-i` and `kubectl auth whoami` (kubectl pkg/cmd/auth): questions the API server
/// answers with a SelfSubjectAccessReview, a SelfSubjectRulesReview or a SelfSubjectReview, about
/// the command's user (the kubeconfig's, or whom `--as` impersonates).
struct AuthCommand: KubectlCommand {
    static let name = "auth"
    static let help = HelpText.usage("""
        Inspect authorization.

        Available Commands:
          can-i         Check whether an action is allowed
          reconcile     Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects
          whoami        Experimental: Check self subject attributes

        Usage:
          kubectl auth [flags] [options]

        Use "kubectl auth <command> --help" for more information about a given command.
        Use "kubectl options" for a list of global command-line options (applies to all commands).
        """)

    static let canIHelp = HelpText.usage("""
        Check whether an action is allowed.

         VERB is a logical Kubernetes API verb like 'get', 'list', 'watch', 'delete', etc. TYPE is a Kubernetes resource. Shortcuts and groups will be resolved. NONRESOURCEURL is a partial URL that starts with "/". NAME is the name of a particular Kubernetes resource. This command pairs nicely with impersonation. See --as global flag.

        Examples:
          # Check to see if service account "foo" of namespace "dev" can list pods in the namespace "prod"
          kubectl auth can-i list pods --as=system:serviceaccount:dev:foo -n prod

          # List all allowed actions in namespace "foo"
          kubectl auth can-i --list --namespace=foo

        Options:
            -A, --all-namespaces=false:
        \tIf true, check the specified action in all namespaces.

            --list=false:
        \tIf true, prints all allowed actions.

            --no-headers=false:
        \tIf true, prints allowed actions without headers

            -q, --quiet=false:
        \tIf true, suppress output and just return the exit code.

            --subresource='':
        \tSubResource such as pod/log or deployment/scale

        Usage:
          kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]

        Use "kubectl options" for a list of global command-line options (applies to all commands).
        """)

    static let whoamiHelp = HelpText.usage("""
        Experimental: Check who you are and your attributes (groups, extra).

        Examples:
          # Get your subject attributes
          kubectl auth whoami

          # Get your subject attributes in JSON format
          kubectl auth whoami -o json

        Options:
            -o, --output='':
        \tOutput format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

        Usage:
          kubectl auth whoami [options]

        Use "kubectl options" for a list of global command-line options (applies to all commands).
        """)

    let flags = FlagSet([
        .init("all-namespaces", "A", .bool), .init("quiet", "q", .bool), .init("subresource"), .init("list", nil, .bool),
        .init("no-headers", nil, .bool), .init("output", "o"),
    ])

    func unsimulatedFeature(_ argv: [String]) -> String? {
        argv.first { !$0.hasPrefix("-") } == "reconcile" ? "kubectl auth reconcile" : nil
    }

    func helpText(_ flags: ParsedFlags) -> String {
        switch flags.positional.first {
        case "can-i": Self.canIHelp
        case "whoami": Self.whoamiHelp
        default: Self.help
        }
    }

    func run(_ call: Invocation) throws -> Int32 {
        guard let sub = call.args.first else {
            call.err(Self.help)
            return 1
        }
        switch sub {
        case "can-i": return try CanI(call: call, args: Array(call.args.dropFirst())).run()
        case "whoami": return try whoami(call)
        default:
            throw KubectlFailure.usage("unknown command \(KubeAPI.GoFormat.quoted(sub))", command: "auth")
        }
    }

    // MARK: whoami

    static let selfSubjectReviews = ResourceType(kind: "SelfSubjectReview", plural: "selfsubjectreviews",
                                                 group: "authentication.k8s.io", namespaced: false)

    func whoami(_ call: Invocation) throws -> Int32 {
        let output = call.flags.string("output")
        let allowed = ["go-template", "go-template-file", "json", "jsonpath", "jsonpath-as-json", "jsonpath-file", "name",
                       "template", "templatefile", "yaml"]
        if !output.isEmpty && !allowed.contains(output) && !allowed.contains(where: { output.hasPrefix($0 + "=") }) {
            throw KubectlFailure.error("unable to match a printer suitable for the output format \(KubeAPI.GoFormat.quoted(output)), "
                + "allowed formats are: " + allowed.joined(separator: ","))
        }
        do { try call.authorize("create", Self.selfSubjectReviews, namespace: nil) } catch {
            throw KubectlFailure.error("the selfsubjectreviews API is not enabled in the cluster or you do not have permission to call it")
        }
        let user = call.user
        if output.isEmpty {
            var w = TabWriter(minWidth: 6, padding: 3)
            w.write("ATTRIBUTE\tVALUE\n")
            w.write("Username\t\(user.name)\n")
            if !user.groups.isEmpty { w.write("Groups\t[\(user.groups.joined(separator: " "))]\n") }
            call.out(w.flush())
            return 0
        }
        let review: JSONValue = [
            "apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview",
            "metadata": ["creationTimestamp": .string(Timestamp.rfc3339(call.cluster.now))],
            "status": ["userInfo": ["groups": .array(user.groups.map { .string($0) }), "username": .string(user.name)]],
        ]
        try ObjectOutput.print([(Self.selfSubjectReviews, review)], format: try OutputFormat.parse(output, allowed: .getPrinters),
                               call: call, singleItem: true)
        return 0
    }
}
