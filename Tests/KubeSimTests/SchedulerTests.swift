import KubeAPI
import Testing
@testable import KubeSim

@Suite struct SchedulerTests {
    private func ownedPods(_ cluster: Cluster, count: Int, owner: String = "web") throws -> [JSONValue] {
        let cm = try Sim.create(cluster, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(owner)-owner\n")
        var pods: [JSONValue] = []
        for i in 0..<count {
            var pod = Sim.yaml(Sim.nginxPod("\(owner)-\(i)"))
            pod["metadata"]["ownerReferences"] = [cm.ownerReference()]
            pods.append(try cluster.api.create(pod, as: Sim.type("Pod")))
        }
        cluster.settle()
        return pods
    }

    @Test func spreadsPodsOfOneOwnerAndNeverUsesTheTaintedMaster() throws {
        let cluster = Sandbox.make(seed: 9, workerNodes: 3)
        _ = try ownedPods(cluster, count: 9)
        var perNode: [String: Int] = [:]
        for i in 0..<9 { perNode[Sim.pod(cluster, "web-\(i)")?["spec"]["nodeName"].string ?? "", default: 0] += 1 }
        #expect(perNode == ["k8s-node1": 3, "k8s-node2": 3, "k8s-node3": 3])
    }

    @Test func taintOnlyClusterGivesTheRealMessage() throws {
        let cluster = Sandbox.make(seed: 9, workerNodes: 0)
        try Sim.create(cluster, Sim.nginxPod("lonely"))
        cluster.settle()
        let pod = Sim.pod(cluster, "lonely")
        let message = "0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. "
            + "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."
        let condition = pod?["status"]["conditions"].items.first { $0["type"] == "PodScheduled" }
        #expect(condition?["status"] == "False")
        #expect(condition?["reason"] == "Unschedulable")
        #expect(condition?["message"].string == message)
        #expect(Sim.events(cluster, about: "lonely") == ["FailedScheduling " + message])
    }

    @Test func mixedReasonsAreCountedAndSorted() throws {
        let cluster = Sandbox.make(seed: 9, workerNodes: 2)
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: big
            spec:
              containers:
              - name: app
                image: nginx
                resources:
                  requests:
                    cpu: "3"
            """)
        cluster.settle()
        let expected = "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
            + "2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, "
            + "2 No preemption victims found for incoming pod."
        #expect(Sim.events(cluster, about: "big") == ["FailedScheduling " + expected])
    }

    @Test func missingClaimKeepsPodPendingUntilItAppears() throws {
        let cluster = Sandbox.make(seed: 4, workerNodes: 2)
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: db
            spec:
              containers:
              - name: db
                image: mysql:8.0
              volumes:
              - name: data
                persistentVolumeClaim:
                  claimName: data-db
            """)
        cluster.settle()
        #expect(Sim.events(cluster, about: "db") == ["FailedScheduling 0/3 nodes are available: persistentvolumeclaim \"data-db\" not found. "
            + "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."])
        let claim = try Sim.create(cluster, """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data-db
            spec:
              accessModes: [ReadWriteOnce]
              storageClassName: openebs-hostpath
              resources:
                requests:
                  storage: 1Gi
            """)
        #expect(claim["spec"]["storageClassName"].string == "openebs-hostpath")
        #expect(claim["metadata"]["finalizers"] == ["kubernetes.io/pvc-protection"])
        cluster.settle()
        // WaitForFirstConsumer: the claim learns the chosen node; the pod waits for the volume.
        let annotated = cluster.store.get(Sim.type("PersistentVolumeClaim"), namespace: "default", name: "data-db")
        let selected = annotated?.annotations["volume.kubernetes.io/selected-node"] ?? ""
        #expect(selected.hasPrefix("k8s-node"))
        #expect(Sim.pod(cluster, "db")?["spec"]["nodeName"].isNull == true)
        // A provisioner binds it; the pod then lands on the selected node.
        _ = try cluster.store.modify(ObjectRef(Sim.type("PersistentVolumeClaim"), namespace: "default", name: "data-db")) {
            $0["spec"]["volumeName"] = "pvc-1"
            $0["status"]["phase"] = "Bound"
        }
        cluster.settle()
        #expect(Sim.pod(cluster, "db")?["spec"]["nodeName"].string == selected)
    }

    @Test func boundLocalVolumePinsThePod() throws {
        let cluster = Sandbox.make(seed: 4, workerNodes: 3)
        try Sim.create(cluster, """
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: pv-local
            spec:
              capacity:
                storage: 1Gi
              accessModes: [ReadWriteOnce]
              hostPath:
                path: /data
              nodeAffinity:
                required:
                  nodeSelectorTerms:
                  - matchExpressions:
                    - key: kubernetes.io/hostname
                      operator: In
                      values: [k8s-node3]
            """)
        try Sim.create(cluster, """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: pinned
            spec:
              storageClassName: ""
              volumeName: pv-local
              accessModes: [ReadWriteOnce]
              resources:
                requests:
                  storage: 1Gi
            """)
        for i in 0..<3 {
            try Sim.create(cluster, """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: user-\(i)
                spec:
                  containers:
                  - name: app
                    image: nginx
                  volumes:
                  - name: data
                    persistentVolumeClaim:
                      claimName: pinned
                """)
        }
        cluster.settle()
        for i in 0..<3 { #expect(Sim.pod(cluster, "user-\(i)")?["spec"]["nodeName"].string == "k8s-node3") }
    }

    @Test func nodeSelectorAndAffinityFilter() throws {
        let cluster = Sandbox.make(seed: 4, workerNodes: 3)
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: picky
            spec:
              nodeSelector:
                kubernetes.io/hostname: k8s-node2
              containers:
              - name: app
                image: nginx
            """)
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: nowhere
            spec:
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions:
                      - key: disktype
                        operator: In
                        values: [ssd]
              containers:
              - name: app
                image: nginx
            """)
        cluster.settle()
        #expect(Sim.pod(cluster, "picky")?["spec"]["nodeName"].string == "k8s-node2")
        #expect(Sim.events(cluster, about: "nowhere") == [
            "FailedScheduling 0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, "
                + "3 node(s) didn't match Node's node affinity/selector. preemption: 0/4 nodes are available: "
                + "4 Preemption is not helpful for scheduling.",
        ])
    }
}

@Suite struct SchedulerRobustnessTests {
    @Test func absurdRequestsDoNotOverflow() throws {
        let cluster = Sandbox.make(seed: 4, workerNodes: 1)
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: huge
            spec:
              nodeName: k8s-node1
              containers:
              - name: a
                image: nginx
                resources:
                  requests:
                    cpu: 9Ei
              - name: b
                image: nginx
                resources:
                  requests:
                    cpu: 9Ei
              - name: c
                image: nginx
                resources:
                  requests:
                    cpu: 1e29
            """)
        try Sim.create(cluster, Sim.nginxPod("after"))
        cluster.advance(by: 10_000)
        // Requests nothing, so it still fits beside the over-committed pod.
        #expect(Sim.pod(cluster, "after")?["spec"]["nodeName"].string == "k8s-node1")
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: modest
            spec:
              containers:
              - name: a
                image: nginx
                resources:
                  requests:
                    cpu: 100m
            """)
        cluster.settle()
        #expect(Sim.events(cluster, about: "modest") == ["FailedScheduling 0/2 nodes are available: 1 Insufficient cpu, "
            + "1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: "
            + "1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling."])
    }
}
