import KubeAPI
import KubeSim

/// `kubectl cordon NODE` and `kubectl uncordon NODE`: mark nodes (un)schedulable through
/// `spec.unschedulable`, reporting `node/NAME cordoned` or `node/NAME already cordoned`.
enum NodeCordoning {
    static let nodes = ResourceRegistry.forKind("Node")!

    static let flags = FlagSet([.init("dry-run", nil, .string, default: "none"), .init("selector", "l")])

    static func run(_ call: Invocation, unschedulable desired: Bool) throws -> Int32 {
        let verb = desired ? "cordon" : "uncordon"
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        for node in try targets(call, verb: verb) { mark(node, unschedulable: desired, dryRun: dryRun, call: call) }
        return 0
    }

    /// The nodes a cordon, uncordon or drain names: by name, or by `--selector`.
    static func targets(_ call: Invocation, verb: String) throws -> [JSONValue] {
        let selectorText = call.flags.string("selector")
        if call.args.isEmpty && !call.flags.isSet("selector") {
            throw KubectlFailure.usage("USAGE: \(verb) NODE [flags]", command: verb)
        }
        if !call.args.isEmpty && !selectorText.isEmpty {
            throw KubectlFailure.usage("cannot specify both a node name and a --selector option", command: verb)
        }
        if call.args.isEmpty {
            let selector = try LabelSelector.parse(selectorText)
            return call.store.list(nodes).filter { selector.matches(labelsOf: $0) }
        }
        var targets: [JSONValue] = []
        for argument in call.args {
            // As cli-runtime's `ResourceNames("nodes", ...)`: `node/NAME` names its type; an object
            // of another type is fetched, then refused.
            var name = argument
            if argument.contains("/") {
                let (typeName, typedName) = try ResourceArgs.splitTypeName(argument)
                let type = try ResourceArgs.resolve(typeName)
                name = typedName
                if type.kind != "Node" {
                    let namespace = type.namespaced ? call.namespace : nil
                    guard call.store.get(type, namespace: namespace, name: name) != nil else { throw APIError.notFound(type, name) }
                    throw KubectlFailure(
                        "error: expected resource of type node, got \"\(type.group)/\(type.version), Resource=\(type.plural)\"")
                }
            }
            guard let node = call.store.get(nodes, namespace: nil, name: name) else { throw APIError.notFound(nodes, name) }
            targets.append(node)
        }
        return targets
    }

    /// Sets `spec.unschedulable` through the API server and prints what kubectl's cordon helper
    /// prints; false when the update failed.
    @discardableResult
    static func mark(_ node: JSONValue, unschedulable desired: Bool, dryRun: DryRun, call: Invocation) -> Bool {
        let verb = desired ? "cordon" : "uncordon"
        if (node["spec"]["unschedulable"].bool ?? false) == desired {
            call.out("node/\(node.name) already \(verb)ed\n")
            return true
        }
        if dryRun != .client {
            var changed = node
            changed["spec"]["unschedulable"] = desired ? true : nil
            do {
                _ = try call.api.update(changed, as: nodes, dryRun: dryRun == .server)
            } catch {
                call.err("error: unable to \(verb) node \"\(node.name)\": \(error.kubectlText)\n")
                return false
            }
        }
        call.out("node/\(node.name) \(verb)ed\(dryRun.suffix)\n")
        return true
    }
}

struct CordonCommand: KubectlCommand {
    static let name = "cordon"
    static let help = HelpText.usage("""
        Mark a node unschedulable: the scheduler places no new pods on it; pods already there keep running.

        Examples:
          kubectl cordon k8s-node2

        Options:
          --dry-run='none'   'client' or 'server' to only show what would happen
          -l, --selector=''  the nodes to mark, by label

        Usage:
          kubectl cordon NODE [options]
        """)
    var flags: FlagSet { NodeCordoning.flags }
    func run(_ call: Invocation) throws -> Int32 { try NodeCordoning.run(call, unschedulable: true) }
}

struct UncordonCommand: KubectlCommand {
    static let name = "uncordon"
    static let help = HelpText.usage("""
        Mark a node schedulable again after `kubectl cordon` or `kubectl drain`.

        Examples:
          kubectl uncordon k8s-node2

        Options:
          --dry-run='none'   'client' or 'server' to only show what would happen
          -l, --selector=''  the nodes to mark, by label

        Usage:
          kubectl uncordon NODE [options]
        """)
    var flags: FlagSet { NodeCordoning.flags }
    func run(_ call: Invocation) throws -> Int32 { try NodeCordoning.run(call, unschedulable: false) }
}
