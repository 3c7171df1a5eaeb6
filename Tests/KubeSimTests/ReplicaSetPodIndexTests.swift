import KubeAPI
import Testing

@testable import KubeSim

/// The ReplicaSet controller's pod index: status comes from counts kept from the watch, so after
/// every kind of pod change it must equal what listing the set's pods would give.
@Suite struct ReplicaSetPodIndexTests {
    static let replicaSet = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: front
        spec:
          replicas: 3
          selector:
            matchLabels:
              tier: front
          template:
            metadata:
              labels:
                tier: front
                extra: one
            spec:
              containers:
              - name: c
                image: nginx
        """

    static func rs(_ cluster: Cluster) throws -> JSONValue {
        try #require(cluster.store.get(Sim.type("ReplicaSet"), namespace: "default", name: "front"))
    }

    /// `calculateStatus` worked out the slow way, from every pod the set controls.
    static func listedStatus(_ cluster: Cluster) throws -> [String: Int] {
        let rs = try rs(cluster)
        let labels = rs["spec"]["template"]["metadata"]["labels"].stringMap
        let active = cluster.store.list(Sim.type("Pod"))
            .filter { $0.controllerRef?["uid"].string == rs.uid && !$0.isDeleting && !ReplicaSetController.isTerminal($0) }
        return [
            "replicas": active.count,
            "readyReplicas": active.filter(ReplicaSetController.isReady).count,
            "fullyLabeledReplicas": active.filter { pod in labels.allSatisfy { pod.labels[$0.key] == $0.value } }.count,
        ]
    }

    static func reportedStatus(_ cluster: Cluster) throws -> [String: Int] {
        let status = try rs(cluster)["status"]
        return ["replicas": status["replicas"].int ?? 0, "readyReplicas": status["readyReplicas"].int ?? 0,
                "fullyLabeledReplicas": status["fullyLabeledReplicas"].int ?? 0]
    }

    static func podNames(_ cluster: Cluster) throws -> [String] {
        let uid = try rs(cluster).uid
        return cluster.store.list(Sim.type("Pod")).filter { $0.controllerRef?["uid"].string == uid && !$0.isDeleting }.map(\.name)
    }

    @Test func statusFollowsReadinessLabelsTemplateChangesDeletionsAndScaling() throws {
        let cluster = Sandbox.make(seed: 5, workerNodes: 2)
        try Sim.create(cluster, Self.replicaSet)
        cluster.advance(by: 30_000)
        #expect(try Self.reportedStatus(cluster) == ["replicas": 3, "readyReplicas": 3, "fullyLabeledReplicas": 3])

        // A pod relabelled (still selected) no longer counts as fully labeled.
        let first = try #require(try Self.podNames(cluster).first)
        _ = try cluster.store.modify(ObjectRef(Sim.type("Pod"), namespace: "default", name: first)) { $0["metadata"]["labels"]["extra"] = "two" }
        cluster.settle()
        #expect(try Self.reportedStatus(cluster) == ["replicas": 3, "readyReplicas": 3, "fullyLabeledReplicas": 2])

        // The template's labels change: the count is taken again against the new ones.
        _ = try cluster.store.modify(ObjectRef(Sim.type("ReplicaSet"), namespace: "default", name: "front")) {
            $0["spec"]["template"]["metadata"]["labels"]["extra"] = "two"
        }
        cluster.settle()
        #expect(try Self.reportedStatus(cluster) == ["replicas": 3, "readyReplicas": 3, "fullyLabeledReplicas": 1])
        #expect(try Self.reportedStatus(cluster) == Self.listedStatus(cluster))

        // A deleted pod is replaced; the replacement is not Ready at first.
        _ = try cluster.api.delete(ObjectRef(Sim.type("Pod"), namespace: "default", name: first))
        cluster.settle()
        #expect(try Self.podNames(cluster).count == 3)
        #expect(try Self.reportedStatus(cluster) == Self.listedStatus(cluster))
        #expect(try Self.reportedStatus(cluster)["readyReplicas"] == 2)
        cluster.advance(by: 30_000)
        // Only the replacement carries the template's new label.
        #expect(try Self.reportedStatus(cluster) == ["replicas": 3, "readyReplicas": 3, "fullyLabeledReplicas": 1])

        // Scaled down to one: the newest (the replacement) and one more terminate and stop counting.
        _ = try cluster.store.modify(ObjectRef(Sim.type("ReplicaSet"), namespace: "default", name: "front")) { $0["spec"]["replicas"] = 1 }
        cluster.settle()
        #expect(try Self.podNames(cluster).count == 1)
        #expect(try Self.reportedStatus(cluster) == ["replicas": 1, "readyReplicas": 1, "fullyLabeledReplicas": 0])
        #expect(try Self.reportedStatus(cluster) == Self.listedStatus(cluster))
    }

    @Test func podsOfALostNodeStopBeingReadyAndAreReplacedAfterEviction() throws {
        let cluster = Sandbox.make(seed: 5, workerNodes: 2)
        try Sim.create(cluster, Self.replicaSet)
        cluster.advance(by: 30_000)
        let onNode1 = cluster.store.list(Sim.type("Pod")).filter { $0["spec"]["nodeName"].string == "k8s-node1" && $0.controllerRef?["kind"] == "ReplicaSet" }
        #expect(!onNode1.isEmpty)
        cluster.stopNode("k8s-node1")
        cluster.advance(by: 90_000)
        #expect(try Self.reportedStatus(cluster) == ["replicas": 3, "readyReplicas": 3 - onNode1.count, "fullyLabeledReplicas": 3])
        cluster.advance(by: 300_000)
        #expect(try Self.reportedStatus(cluster) == Self.listedStatus(cluster))
        #expect(try Self.reportedStatus(cluster) == ["replicas": 3, "readyReplicas": 3, "fullyLabeledReplicas": 3])
        #expect(try Self.podNames(cluster).allSatisfy { name in !onNode1.contains { $0.name == name } })
    }

    @Test func podsStoredBeforeTheControllerWatchedAreCountedAtItsFirstSync() throws {
        let cluster = Cluster(seed: 1, start: 0)
        var spec = Sim.yaml(Self.replicaSet)
        spec["spec"]["replicas"] = 2
        let rs = try cluster.store.create(Sim.type("ReplicaSet"), spec)
        for name in ["front-a", "front-b"] {
            var pod = Sim.yaml(Sim.nginxPod(name, labels: "tier: front\n    extra: one"))
            pod["metadata"]["ownerReferences"] = [rs.ownerReference()]
            try cluster.store.create(Sim.type("Pod"), pod)
        }
        let controller = ReplicaSetController()
        cluster.register(controller)
        cluster.enqueue(controller, key: "default/front")
        cluster.settle()
        // Both found: none created, both counted.
        #expect(try Self.podNames(cluster) == ["front-a", "front-b"])
        #expect(try Self.reportedStatus(cluster) == ["replicas": 2, "readyReplicas": 0, "fullyLabeledReplicas": 2])
    }
}
