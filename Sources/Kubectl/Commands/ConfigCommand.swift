import KubeAPI

/// `kubectl config`: the session's kubeconfig (see `Kubeconfig`). current-context, get-contexts,
/// get-clusters, get-users, use-context, set-context and view work on it in kubectl's words; the
/// subcommands that edit clusters and credentials say plainly that they are not simulated.
struct ConfigCommand: KubectlCommand {
    static let name = "config"
    static let help = HelpText.usage("""
        Modify kubeconfig files using subcommands like "kubectl config set-context --current --namespace=NS".
        kubelab's kubeconfig is kubeadm's admin.conf; changes last for the session.

        Available Commands:
          current-context   Display the current-context
          get-clusters      Display clusters defined in the kubeconfig
          get-contexts      Describe one or many contexts
          get-users         Display users defined in the kubeconfig
          set-context       Set a context entry in kubeconfig
          use-context       Set the current-context in a kubeconfig file
          view              Display merged kubeconfig settings or a specified kubeconfig file

        Usage:
          kubectl config SUBCOMMAND [options]
        """)

    let flags = FlagSet([])

    /// `kubectl config use-context --help`, as v1.32 prints it.
    static let useContextHelp = """
        Set the current-context in a kubeconfig file.

        Aliases:
        use-context, use

        Examples:
          # Use the context for the minikube cluster
          kubectl config use-context minikube

        Usage:
          kubectl config use-context CONTEXT_NAME [options]

        Use "kubectl options" for a list of global command-line options (applies to all commands).

        """

    static let notSimulated: Set<String> = ["delete-cluster", "delete-context", "delete-user", "rename-context", "set", "set-cluster",
                                            "set-credentials", "unset"]

    static func flags(of sub: String) -> FlagSet? {
        switch sub {
        case "current-context", "get-clusters", "get-users": return FlagSet([])
        case "get-contexts": return FlagSet([.init("output", "o"), .init("no-headers", nil, .bool)])
        case "use-context", "use": return FlagSet([])
        case "set-context": return FlagSet([.init("current", nil, .bool), .init("namespace"), .init("cluster"), .init("user")])
        case "view":
            return FlagSet([.init("minify", nil, .bool), .init("raw", nil, .bool), .init("flatten", nil, .bool), .init("merge", nil, .bool, default: "true"),
                            .init("output", "o", .string, default: "yaml"), .init("template"), .init("allow-missing-template-keys", nil, .bool, default: "true")])
        default: return nil
        }
    }

    func flagScope(_ argv: [String]) -> FlagScope {
        subcommandScope(argv) { word in Self.flags(of: word).map { (word, $0) } }
    }

    func unsimulatedFeature(_ argv: [String]) -> String? {
        guard let word = subcommandWord(argv) else { return nil }
        if Self.notSimulated.contains(word) { return "kubectl config \(word)" }
        if word == "view" && (argv.contains("--raw") || argv.contains("--flatten")) { return "kubectl config view --raw" }
        return nil
    }

    func run(_ call: Invocation) throws -> Int32 {
        guard let sub = call.args.first else {
            call.out(Self.help)
            return 0
        }
        let rest = Array(call.args.dropFirst())
        let kubectl = call.kubectl
        switch sub {
        case "current-context":
            call.out(kubectl.kubeconfig.currentContext + "\n")
        case "get-clusters":
            call.out("NAME\n\(Kubeconfig.clusterName)\n")
        case "get-users":
            call.out("NAME\n\(Kubeconfig.userName)\n")
        case "get-contexts":
            return try getContexts(rest, call: call)
        case "use-context", "use":
            guard rest.count == 1 else {
                // helpErrorf: the subcommand's help on stdout, then the error.
                call.out(Self.useContextHelp)
                throw KubectlFailure.error("Unexpected args: [\(rest.joined(separator: " "))]")
            }
            guard kubectl.kubeconfig.contexts[rest[0]] != nil else {
                throw KubectlFailure.error("no context exists with the name: \(KubeAPI.GoFormat.quoted(rest[0]))")
            }
            kubectl.kubeconfig.currentContext = rest[0]
            call.out("Switched to context \(KubeAPI.GoFormat.quoted(rest[0])).\n")
        case "set-context":
            return try setContext(rest, call: call)
        case "view":
            return try view(call)
        default:
            throw KubectlFailure.usage("unknown command \"\(call.args.joined(separator: " "))\"", command: "config")
        }
        return 0
    }

    /// get_contexts.go: CURRENT NAME CLUSTER AUTHINFO NAMESPACE, by name.
    private func getContexts(_ names: [String], call: Invocation) throws -> Int32 {
        let config = call.kubectl.kubeconfig
        let output = call.flags.string("output")
        guard output.isEmpty || output == "name" else { throw KubectlFailure.error("output must be one of '' or 'name'") }
        var chosen = names.isEmpty ? config.contexts.keys.sorted() : []
        var missing: [String] = []
        for name in names {
            if config.contexts[name] != nil { chosen.append(name) } else { missing.append(name) }
        }
        if output == "name" {
            call.out(chosen.map { $0 + "\n" }.joined())
        } else {
            var tab = TabWriter.table()
            if !call.flags.bool("no-headers") { tab.write("CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n") }
            for name in chosen {
                let c = config.contexts[name]!
                tab.write("\(name == config.currentContext ? "*" : "")\t\(name)\t\(c.cluster)\t\(c.user)\t\(c.namespace ?? "")\n")
            }
            call.out(tab.flush())
        }
        guard missing.isEmpty else {
            throw KubectlFailure(missing.map { "error: context \($0) not found" }.joined(separator: "\n"))
        }
        return 0
    }

    /// create_context.go: names the context or `--current`, then sets the fields given.
    private func setContext(_ args: [String], call: Invocation) throws -> Int32 {
        guard args.count <= 1 else {
            throw KubectlFailure.usage("Unexpected args: [\(args.joined(separator: " "))]", command: "config set-context")
        }
        var name = args.first ?? ""
        if call.flags.bool("current") {
            guard name.isEmpty else { throw KubectlFailure.error("you cannot specify both a context name and --current") }
            name = call.kubectl.kubeconfig.currentContext
        }
        guard !name.isEmpty else { throw KubectlFailure.error("you must specify a non-empty context name or --current") }
        let existed = call.kubectl.kubeconfig.contexts[name] != nil
        var context = call.kubectl.kubeconfig.contexts[name] ?? Kubeconfig.Context(cluster: "", user: "")
        if call.flags.isSet("cluster") { context.cluster = call.flags.string("cluster") }
        if call.flags.isSet("user") { context.user = call.flags.string("user") }
        if call.flags.isSet("namespace") { context.namespace = call.flags.string("namespace") }
        call.kubectl.kubeconfig.contexts[name] = context
        call.out("Context \(KubeAPI.GoFormat.quoted(name)) \(existed ? "modified" : "created").\n")
        return 0
    }

    private func view(_ call: Invocation) throws -> Int32 {
        let config = call.kubectl.kubeconfig.view(server: ClusterInfoCommand.server(call), minify: call.flags.bool("minify"))
        let output = try OutputFormat.parse(call.flags.string("output"), allowed: .objectPrinters)
        switch output {
        case .yaml: call.out(YAMLEmitter.document(config))
        case .json: call.out(JSONText.pretty(config))
        case .jsonpath(let text), .jsonpathAsJSON(let text):
            do { call.out(try JSONPathPrinter.render(try JSONPathPrinter.parse(text), config, asJSON: false)) } catch {
                throw KubectlFailure.error(error.message)
            }
        default:
            throw KubectlFailure.error("kubelab does not simulate \"kubectl config view -o \(call.flags.string("output"))\" yet")
        }
        return 0
    }
}

/// `kubectl cluster-info`: where the API server and the kube-system services labelled
/// `kubernetes.io/cluster-service=true` answer (clusterinfo.go's Run).
struct ClusterInfoCommand: KubectlCommand {
    static let name = "cluster-info"
    static let help = HelpText.usage("""
        Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.

        Usage:
          kubectl cluster-info [flags] [options]
        """)

    let flags = FlagSet([])

    func unsimulatedFeature(_ argv: [String]) -> String? {
        argv.contains("dump") ? "kubectl cluster-info dump" : nil
    }

    /// The API server's address: the master the `kubernetes` Endpoints name, on 6443.
    static func server(_ call: Invocation) -> String {
        let endpoints = ResourceRegistry.forKind("Endpoints").flatMap { call.store.get($0, namespace: "default", name: "kubernetes") }
        let ip = endpoints?["subsets"][0]["addresses"][0]["ip"].string ?? "127.0.0.1"
        return "https://\(ip):6443"
    }

    func run(_ call: Invocation) throws -> Int32 {
        let host = Self.server(call)
        var out = "Kubernetes control plane is running at \(host)\n"
        let namespace = call.namespaceExplicit ? call.namespace : "kube-system"
        let services = ResourceRegistry.forKind("Service").map { call.store.list($0, namespace: namespace) } ?? []
        for service in services where service["metadata"]["labels"]["kubernetes.io/cluster-service"].string == "true" {
            var name = service.name
            if let port = service["spec"]["ports"].items.first {
                let portName = port["name"].string ?? ""
                let scheme = portName == "https" || port["port"].int == 443 ? "https" : ""
                // JoinSchemeNamePort: <scheme>:<name>:<port name>, parts left out when empty.
                name = scheme.isEmpty ? (portName.isEmpty ? name : name + ":" + portName) : scheme + ":" + name + ":" + portName
            }
            let label = service["metadata"]["labels"]["kubernetes.io/name"].string ?? service.name
            out += "\(label) is running at \(host)/api/v1/namespaces/\(service.namespace ?? namespace)/services/\(name)/proxy\n"
        }
        call.out(out + "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n")
        return 0
    }
}
