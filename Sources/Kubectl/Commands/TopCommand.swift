import KubeAPI

/// `kubectl top pod|node`: they read the metrics API, which only metrics-server serves. kubeadm
/// does not install it, and neither does kubelab's sandbox, so after checking its flags kubectl
/// answers as it answers on such a cluster (top_pod.go and top_node.go's discovery check).
struct TopCommand: KubectlCommand {
    static let name = "top"
    static let help = HelpText.usage("""
        Display resource (CPU/memory) usage.

         The top command allows you to see the resource consumption for nodes or pods.

         This command requires Metrics Server to be correctly configured and working on the server.

        Available Commands:
          node          Display resource (CPU/memory) usage of nodes
          pod           Display resource (CPU/memory) usage of pods

        Usage:
          kubectl top [flags] [options]
        """)

    let flags = FlagSet([])

    static let podFlags = FlagSet([
        .init("all-namespaces", "A", .bool), .init("containers", nil, .bool), .init("field-selector"), .init("selector", "l"),
        .init("no-headers", nil, .bool), .init("sort-by"), .init("sum", nil, .bool), .init("use-protocol-buffers", nil, .bool, default: "true"),
        .init("show-swap", nil, .bool),
    ])
    static let nodeFlags = FlagSet([
        .init("selector", "l"), .init("no-headers", nil, .bool), .init("sort-by"), .init("show-capacity", nil, .bool),
        .init("use-protocol-buffers", nil, .bool, default: "true"), .init("show-swap", nil, .bool),
    ])

    static func kind(of word: String) -> String? {
        switch word {
        case "pod", "pods", "po": "pod"
        case "node", "nodes", "no": "node"
        default: nil
        }
    }

    func flagScope(_ argv: [String]) -> FlagScope {
        subcommandScope(argv) { word in Self.kind(of: word).map { ($0, $0 == "pod" ? Self.podFlags : Self.nodeFlags) } }
    }

    func run(_ call: Invocation) throws -> Int32 {
        guard let word = call.args.first else {
            call.out(Self.help)
            return 0
        }
        guard Self.kind(of: word) != nil else {
            throw KubectlFailure.usage("unknown command \"\(call.args.joined(separator: " "))\"", command: "top")
        }
        let sortBy = call.flags.string("sort-by")
        if !sortBy.isEmpty && sortBy != "cpu" && sortBy != "memory" { throw KubectlFailure.error("--sort-by accepts only cpu or memory") }
        let selector = call.flags.string("selector")
        if call.args.count > 1 && (!selector.isEmpty || !call.flags.string("field-selector").isEmpty) {
            throw KubectlFailure.error("only one of NAME or selector can be provided")
        }
        if !selector.isEmpty {
            do { _ = try LabelSelector.parse(selector) } catch { throw KubectlFailure.error(error.message) }
        }
        throw KubectlFailure.error("Metrics API not available")
    }
}
