import KubeAPI
import KubeSim

/// `kubectl drain NODE`: cordons the node, then evicts its pods through the Eviction API (which
/// honours PodDisruptionBudgets) so their controllers re-create them elsewhere, and prints
/// `node/NAME drained`. DaemonSet pods, pods without a controller and pods with emptyDir data stop
/// the drain unless the matching flag allows them, as kubectl 1.32's pkg/drain decides.
struct DrainCommand: KubectlCommand {
    static let name = "drain"
    static let help = HelpText.usage("""
        Drain a node before maintenance: mark it unschedulable, then evict its pods so that their
        controllers start them again on other nodes. Evictions respect PodDisruptionBudgets.

        Examples:
          kubectl drain node2 --ignore-daemonsets
          kubectl drain node2 --ignore-daemonsets --delete-emptydir-data --force --grace-period=60

        Options:
          --delete-emptydir-data=false   go on even if pods use emptyDir volumes (their data is lost)
          --disable-eviction=false       delete pods instead of evicting them (ignores disruption budgets)
          --dry-run='none'               'client' or 'server' to only show what would happen
          --force=false                  go on even if pods have no controller (they are not re-created)
          --grace-period=-1              seconds each pod gets to stop (-1: its own setting)
          --ignore-daemonsets=false      leave DaemonSet pods alone instead of refusing
          --pod-selector=''              only pods matching this label selector
          -l, --selector=''              the nodes to drain, by label
          --skip-wait-for-delete-timeout=0  do not wait for pods deleted more than N seconds ago
          --timeout=0s                   give up after this long (0: never)

        Usage:
          kubectl drain NODE [options]
        """)

    let flags = FlagSet([
        .init("delete-emptydir-data", nil, .bool), .init("disable-eviction", nil, .bool),
        .init("dry-run", nil, .string, default: "none"), .init("force", nil, .bool), .init("grace-period", nil, .int, default: "-1"),
        .init("ignore-daemonsets", nil, .bool), .init("pod-selector"), .init("selector", "l"),
        .init("skip-wait-for-delete-timeout", nil, .int, default: "0"), .init("timeout", nil, .duration, default: "0s"),
        .init("chunk-size", nil, .int64, default: "500"),
    ])

    static let pods = ResourceRegistry.forKind("Pod")!

    func run(_ call: Invocation) throws -> Int32 {
        // kubectl's Complete: usage, dry run and pod selector are checked before any node is looked up.
        if call.args.isEmpty && !call.flags.isSet("selector") { _ = try NodeCordoning.targets(call, verb: "drain") }
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        var podSelector = LabelSelector()
        if !call.flags.string("pod-selector").isEmpty {
            guard let parsed = try? LabelSelector.parse(call.flags.string("pod-selector")) else {
                throw KubectlFailure.error("--pod-selector=<pod_selector> must be a valid label selector")
            }
            podSelector = parsed
        }
        let targets = try NodeCordoning.targets(call, verb: "drain")
        let skipAfter = call.flags.int("skip-wait-for-delete-timeout") ?? 0
        let filters = DrainFilters(force: call.flags.bool("force"), ignoreDaemonSets: call.flags.bool("ignore-daemonsets"),
                                   deleteEmptyDirData: call.flags.bool("delete-emptydir-data"),
                                   skipDeletedAfterSeconds: skipAfter, now: call.cluster.now)
        let grace = call.flags.int("grace-period") ?? -1
        let eviction = DrainEviction(useEviction: !call.flags.bool("disable-eviction"), gracePeriodSeconds: grace >= 0 ? grace : nil,
                                     dryRun: dryRun, timeout: Duration.parseGo(call.flags.string("timeout")) ?? 0,
                                     skipDeletedAfterSeconds: skipAfter)
        for node in targets { NodeCordoning.mark(node, unschedulable: true, dryRun: dryRun, call: call) }
        var fatal: [String] = []
        var remaining: [String] = []
        for node in targets {
            let result = drain(node.name, filters: filters, podSelector: podSelector, eviction: eviction, call: call)
            if result == .stopped { return 1 }
            if case .failed(let error) = result {
                call.err("error: unable to drain node \"\(node.name)\" due to error: \(error), continuing command...\n")
                fatal.append(error)
                remaining.append(node.name)
            } else {
                call.out("node/\(node.name) drained\(dryRun.suffix)\n")
            }
        }
        if fatal.isEmpty { return 0 }
        call.err("There are pending nodes to be drained:\n" + remaining.map { " \($0)\n" }.joined())
        call.err("error: \(Self.aggregate(fatal))\n")
        return 1
    }

    enum NodeResult: Equatable {
        case drained
        /// The error kubectl reports for the node.
        case failed(String)
        /// kubelab stopped waiting (and said so).
        case stopped
    }

    /// One node's pods, evicted.
    private func drain(_ node: String, filters: DrainFilters, podSelector: LabelSelector, eviction: DrainEviction,
                       call: Invocation) -> NodeResult
    {
        let list = { () -> (delete: [JSONValue], warnings: String, errors: [String]) in
            let onNode = call.store.list(Self.pods, namespace: nil).filter {
                $0["spec"]["nodeName"].string == node && podSelector.matches(labelsOf: $0)
            }
            return filters.plan(onNode, in: call.store)
        }
        let plan = list()
        if !plan.errors.isEmpty { return .failed(Self.aggregate(plan.errors)) }
        if !plan.warnings.isEmpty { call.err("Warning: \(plan.warnings)\n") }
        let errors: [String]
        switch eviction.run(plan.delete, call: call) {
        case .done: return .drained
        case .stopped: return .stopped
        case .failed(let e): errors = e
        }
        let error = Self.aggregate(errors)
        let left = list().delete
        if !left.isEmpty {
            call.err("There are pending pods in node \"\(node)\" when an error occurred: \(error)\n" + left.map { "pod/\($0.name)\n" }.joined())
        }
        return .failed(error)
    }

    /// Go's utilerrors aggregate: one message alone, several in brackets.
    static func aggregate(_ errors: [String]) -> String {
        errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]"
    }
}
