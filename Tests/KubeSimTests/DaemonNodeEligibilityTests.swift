import KubeAPI
import Testing
@testable import KubeSim

/// `NodeShouldRunDaemonPod` over the node shapes a learner meets: workers, the control plane with
/// its NoSchedule taint, cordoned, not-ready and unreachable nodes, selectors and affinity.
@Suite struct DaemonNodeEligibilityTests {
    static func node(_ name: String = "k8s-node1", labels: [String: String] = [:], taints: [(String, String)] = []) -> JSONValue {
        var node: JSONValue = ["apiVersion": "v1", "kind": "Node", "metadata": ["name": .string(name)]]
        var all = labels
        all["kubernetes.io/hostname"] = name
        node["metadata"]["labels"] = .stringMap(all)
        if !taints.isEmpty { node["spec"]["taints"] = .array(taints.map { ["key": .string($0.0), "effect": .string($0.1)] }) }
        return node
    }

    static func template(_ spec: String = "") -> JSONValue {
        Sim.yaml("""
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: nginx}]
            \(spec)
            """)
    }

    static func verdict(_ node: JSONValue, _ spec: String = "") -> DaemonNodeEligibility.Verdict {
        DaemonNodeEligibility(template: template(spec)).verdict(for: node)
    }

    @Test func aPlainWorkerRunsThePod() {
        #expect(Self.verdict(Self.node()) == .run)
    }

    @Test func theControlPlaneTaintKeepsNewPodsOffButLetsOneThereStay() {
        let master = Self.node("k8s-master", taints: [("node-role.kubernetes.io/control-plane", "NoSchedule")])
        #expect(Self.verdict(master) == .stay)
        #expect(Self.verdict(master, """
              tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]
            """) == .run)
    }

    @Test func cordonedAndPressuredNodesStillRunDaemonPods() {
        for key in ["node.kubernetes.io/unschedulable", "node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure",
                    "node.kubernetes.io/pid-pressure"]
        {
            #expect(Self.verdict(Self.node(taints: [(key, "NoSchedule")])) == .run, "\(key)")
        }
    }

    /// A node that is not ready or unreachable carries NoSchedule and NoExecute taints: daemon pods
    /// tolerate only the NoExecute ones, so no new pod goes there and the old one is never evicted.
    @Test func notReadyAndUnreachableNodesKeepTheirPodButGetNoNewOne() {
        for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"] {
            #expect(Self.verdict(Self.node(taints: [(key, "NoSchedule"), (key, "NoExecute")])) == .stay, "\(key)")
            #expect(Self.verdict(Self.node(taints: [(key, "NoExecute")])) == .run, "\(key)")
        }
    }

    @Test func anUntoleratedNoExecuteTaintEvictsThePod() {
        #expect(Self.verdict(Self.node(taints: [("dedicated", "NoExecute")])) == .leave)
        #expect(Self.verdict(Self.node(taints: [("dedicated", "PreferNoSchedule")])) == .run)
    }

    @Test func onlyHostNetworkPodsTolerateAnUnconfiguredNetwork() {
        let node = Self.node(taints: [("node.kubernetes.io/network-unavailable", "NoSchedule")])
        #expect(Self.verdict(node) == .stay)
        #expect(Self.verdict(node, "  hostNetwork: true") == .run)
    }

    @Test func nodeSelectorAffinityAndNodeNameMustMatch() {
        let ssd = Self.node(labels: ["disk": "ssd"])
        let plain = Self.node("k8s-node2")
        #expect(Self.verdict(ssd, "  nodeSelector: {disk: ssd}") == .run)
        #expect(Self.verdict(plain, "  nodeSelector: {disk: ssd}") == .leave)
        let affinity = """
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions: [{key: disk, operator: In, values: [ssd, nvme]}]
            """
        #expect(Self.verdict(ssd, affinity) == .run)
        #expect(Self.verdict(plain, affinity) == .leave)
        #expect(Self.verdict(ssd, "  nodeName: k8s-node2") == .leave)
        #expect(Self.verdict(plain, "  nodeName: k8s-node2") == .run)
    }

    @Test func theDaemonTolerationsAreAddedInOrderAndReplaceTheirMatches() {
        let spec = Sim.yaml("""
            tolerations:
            - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 60}
            - {key: example, operator: Exists}
            """)
        let keys = DaemonPodTolerations.applied(to: spec).map { t in
            "\(t["key"].string ?? "") \(t["effect"].string ?? "")\(t["tolerationSeconds"].int.map { " \($0)s" } ?? "")"
        }
        #expect(keys == [
            "node.kubernetes.io/unreachable NoExecute", "example ", "node.kubernetes.io/not-ready NoExecute",
            "node.kubernetes.io/disk-pressure NoSchedule", "node.kubernetes.io/memory-pressure NoSchedule",
            "node.kubernetes.io/pid-pressure NoSchedule", "node.kubernetes.io/unschedulable NoSchedule",
        ])
    }

    @Test func thePodIsPinnedToItsNodeThroughRequiredAffinity() {
        let affinity = Sim.yaml("""
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms: [{matchExpressions: [{key: disk, operator: In, values: [ssd]}]}]
              preferredDuringSchedulingIgnoredDuringExecution: [{weight: 1, preference: {matchExpressions: [{key: a, operator: Exists}]}}]
            """)
        let pinned = DaemonSetPodControl.replacingNodeAffinity(affinity, node: "k8s-node2")
        #expect(pinned["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"] == Sim.yaml("""
            - matchFields: [{key: metadata.name, operator: In, values: [k8s-node2]}]
            """))
        #expect(pinned["nodeAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"] == affinity["nodeAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"])
        var pod: JSONValue = ["spec": ["affinity": pinned]]
        #expect(DaemonSetPodControl.targetNodeName(pod) == "k8s-node2")
        pod["spec"]["nodeName"] = "k8s-node1"
        #expect(DaemonSetPodControl.targetNodeName(pod) == "k8s-node1")
        #expect(DaemonSetPodControl.targetNodeName(["spec": [:]]) == nil)
    }
}
