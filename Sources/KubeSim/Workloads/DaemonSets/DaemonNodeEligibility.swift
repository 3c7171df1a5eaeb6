import KubeAPI

/// Whether a node should run a DaemonSet's pod (`NodeShouldRunDaemonPod` in daemon_controller.go).
/// The pod is judged as it would be created: the template with the daemon tolerations added.
/// Readiness plays no part; a node that is not ready carries taints the pod tolerates or not.
struct DaemonNodeEligibility {
    struct Verdict: Equatable {
        /// A pod should be created on the node.
        var shouldRun: Bool
        /// A pod already there may stay (it tolerates the node's NoExecute taints).
        var shouldContinueRunning: Bool

        static let run = Verdict(shouldRun: true, shouldContinueRunning: true)
        static let stay = Verdict(shouldRun: false, shouldContinueRunning: true)
        static let leave = Verdict(shouldRun: false, shouldContinueRunning: false)
    }

    let nodeName: String
    let nodeSelector: [String: String]
    let requiredTerms: [JSONValue]?
    let tolerations: [JSONValue]

    /// Reads the template once, so judging every node of a large cluster reads plain fields.
    init(template: JSONValue) {
        let spec = template["spec"]
        nodeName = spec["nodeName"].string ?? ""
        nodeSelector = spec["nodeSelector"].stringMap
        let required = spec["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]
        requiredTerms = required.isNull ? nil : required["nodeSelectorTerms"].items
        tolerations = DaemonPodTolerations.applied(to: spec)
    }

    func verdict(for node: JSONValue) -> Verdict {
        let name = node.name
        if !nodeName.isEmpty && nodeName != name { return .leave }
        guard NodeMatching.podMatchesNode(nodeSelector: nodeSelector, requiredTerms: requiredTerms, labels: node.labels,
                                          nodeName: name)
        else { return .leave }
        let taints = node["spec"]["taints"].items
        if NodeMatching.untoleratedTaint(taints, tolerations: tolerations) == nil { return .run }
        // Scheduled daemon pods keep running while they tolerate every NoExecute taint.
        let evicting = taints.filter { $0["effect"].string == "NoExecute" }
        return NodeMatching.untoleratedTaint(evicting, tolerations: tolerations) == nil ? .stay : .leave
    }
}
