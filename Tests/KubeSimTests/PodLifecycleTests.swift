import KubeAPI
import Testing
@testable import KubeSim

@Suite struct PodLifecycleTests {
    @Test func podGoesFromPendingToReadyOnAWorker() throws {
        let cluster = Sandbox.make(seed: 7, workerNodes: 2)
        let t0 = cluster.now
        try Sim.create(cluster, Sim.nginxPod("web-0"))
        cluster.settle()
        var pod = Sim.pod(cluster, "web-0")
        let node = pod?["spec"]["nodeName"].string ?? ""
        #expect(node.hasPrefix("k8s-node"))
        #expect(pod?["status"]["phase"].string == "Pending")
        #expect(pod?["status"]["containerStatuses"].isNull == true)
        cluster.advance(by: 300)
        pod = Sim.pod(cluster, "web-0")
        #expect(pod?["status"]["containerStatuses"][0]["state"]["waiting"]["reason"].string == "ContainerCreating")
        #expect(Sim.condition(pod, "PodReadyToStartContainers") == "False")
        let running = cluster.advance(until: { Sim.pod(cluster, "web-0")?["status"]["phase"].string == "Running" }, limit: 30_000)
        #expect(running)
        let elapsed = cluster.now - t0
        #expect(elapsed > 1_000 && elapsed < 15_000)
        pod = Sim.pod(cluster, "web-0")
        let status = pod?["status"] ?? .null
        #expect(Sim.condition(pod, "Ready") == "True")
        #expect(Sim.condition(pod, "ContainersReady") == "True")
        #expect(Sim.condition(pod, "Initialized") == "True")
        #expect(Sim.condition(pod, "PodScheduled") == "True")
        let index = node.dropFirst("k8s-node".count)
        #expect(status["podIP"].string == "10.244.\(index).2")
        #expect(status["hostIP"].string == "192.168.56.1\(index)")
        let c = status["containerStatuses"][0]
        #expect(c["image"].string == "docker.io/library/nginx:latest")
        #expect(c["imageID"].string?.hasPrefix("docker.io/library/nginx@sha256:") == true)
        #expect(c["containerID"].string?.count == "containerd://".count + 64)
        #expect(c["ready"].bool == true && c["started"].bool == true && c["restartCount"].int == 0)
        #expect(c["state"]["running"]["startedAt"].string != nil)
        #expect(c["volumeMounts"][0]["mountPath"].string == "/var/run/secrets/kubernetes.io/serviceaccount")
        let reasons = Sim.events(cluster, about: "web-0").map { String($0.split(separator: " ")[0]) }
        #expect(reasons == ["Scheduled", "Pulling", "Pulled", "Created", "Started"])
        let events = Sim.events(cluster, about: "web-0")
        #expect(events[0] == "Scheduled Successfully assigned default/web-0 to \(node)")
        #expect(events[1] == "Pulling Pulling image \"nginx\"")
        #expect(events[2].hasPrefix("Pulled Successfully pulled image \"nginx\" in "))
        #expect(events[2].contains(" including waiting). Image size: "))
        #expect(events[3] == "Created Created container: nginx")
        #expect(events[4] == "Started Started container nginx")
    }

    @Test func readinessProbeDelaysReady() throws {
        let cluster = Sandbox.make(seed: 3, workerNodes: 1)
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: slow
            spec:
              containers:
              - name: app
                image: nginx:1.27
                readinessProbe:
                  initialDelaySeconds: 20
                  periodSeconds: 5
                  httpGet:
                    port: 80
            """)
        cluster.advance(until: { Sim.pod(cluster, "slow")?["status"]["phase"].string == "Running" }, limit: 30_000)
        #expect(Sim.condition(Sim.pod(cluster, "slow"), "Ready") == "False")
        let started = cluster.now
        cluster.advance(until: { Sim.condition(Sim.pod(cluster, "slow"), "Ready") == "True" }, limit: 60_000)
        #expect(cluster.now - started >= 19_000 && cluster.now - started <= 26_000)
    }

    @Test func secondPodOfSameImageIsFasterAndIfNotPresentSaysAlreadyPresent() throws {
        let cluster = Sandbox.make(seed: 5, workerNodes: 1)
        let manifest = { (name: String) in
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: \(name)
            spec:
              containers:
              - name: app
                image: redis:7.2
            """
        }
        try Sim.create(cluster, manifest("a"))
        cluster.advance(by: 30_000)
        try Sim.create(cluster, manifest("b"))
        cluster.advance(by: 30_000)
        #expect(Sim.events(cluster, about: "b").contains("Pulled Container image \"redis:7.2\" already present on machine"))
        #expect(Sim.pod(cluster, "b")?["status"]["podIP"].string == "10.244.1.3")
    }

    @Test func deletionStopsContainersAndRemovesThePodWithinTheGrace() throws {
        let cluster = Sandbox.make(seed: 11, workerNodes: 2)
        try Sim.create(cluster, Sim.nginxPod("web-0"))
        cluster.advance(by: 20_000)
        let t0 = cluster.now
        let deleted = try cluster.api.delete(ObjectRef(Sim.type("Pod"), namespace: "default", name: "web-0"))
        #expect(deleted.deletionTimestamp != nil)
        cluster.settle()
        #expect(Sim.pod(cluster, "web-0") != nil)
        #expect(Sim.events(cluster, about: "web-0").last == "Killing Stopping container nginx")
        let gone = cluster.advance(until: { Sim.pod(cluster, "web-0") == nil }, limit: 30_000)
        #expect(gone)
        #expect(cluster.now - t0 >= 500 && cluster.now - t0 <= 3_000)
    }

    @Test func crashingContainerBacksOff() throws {
        final class Crashing: ContainerBehaviour {
            func outcome(of launch: ContainerLaunch) -> ContainerOutcome { .exits(code: 1, afterMillis: 2_000) }
            func image(_ reference: String) -> ImageInfo? { ImageReference.defaultInfo(for: reference) }
        }
        let cluster = Sandbox.make(seed: 2, workerNodes: 1)
        cluster.controller(Kubelet.self)?.behaviour = Crashing()
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: crash
            spec:
              containers:
              - name: app
                image: busybox:1.36
            """)
        cluster.advance(until: {
            Sim.pod(cluster, "crash")?["status"]["containerStatuses"][0]["state"]["waiting"]["reason"].string == "CrashLoopBackOff"
        }, limit: 60_000)
        let c = Sim.pod(cluster, "crash")?["status"]["containerStatuses"][0] ?? .null
        #expect(c["restartCount"].int == 1)
        #expect(c["lastState"]["terminated"]["exitCode"].int == 1)
        #expect(c["lastState"]["terminated"]["reason"].string == "Error")
        #expect(c["state"]["waiting"]["message"].string?.hasPrefix("back-off 10s restarting failed container=app pod=crash_default(") == true)
        #expect(Sim.pod(cluster, "crash")?["status"]["phase"].string == "Running")
        cluster.advance(by: 12_000)
        #expect(Sim.pod(cluster, "crash")?["status"]["containerStatuses"][0]["restartCount"].int == 2)
    }

    @Test func neverRestartingPodSucceeds() throws {
        final class Job: ContainerBehaviour {
            func outcome(of launch: ContainerLaunch) -> ContainerOutcome { .exits(code: 0, afterMillis: 3_000) }
            func image(_ reference: String) -> ImageInfo? { ImageReference.defaultInfo(for: reference) }
        }
        let cluster = Sandbox.make(seed: 2, workerNodes: 1)
        cluster.controller(Kubelet.self)?.behaviour = Job()
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: once
            spec:
              restartPolicy: Never
              initContainers:
              - name: prep
                image: busybox:1.36
              containers:
              - name: app
                image: busybox:1.36
            """)
        let initRunning = cluster.advance(until: {
            Sim.pod(cluster, "once")?["status"]["initContainerStatuses"][0]["state"]["running"].isNull == false
        }, limit: 20_000)
        #expect(initRunning)
        #expect(Sim.pod(cluster, "once")?["status"]["containerStatuses"][0]["state"]["waiting"]["reason"].string == "PodInitializing")
        #expect(Sim.condition(Sim.pod(cluster, "once"), "Initialized") == "False")
        cluster.advance(by: 30_000)
        let pod = Sim.pod(cluster, "once")
        #expect(pod?["status"]["phase"].string == "Succeeded")
        #expect(pod?["status"]["containerStatuses"][0]["state"]["terminated"]["reason"].string == "Completed")
        #expect(pod?["status"]["conditions"].items.first { $0["type"] == "Ready" }?["reason"].string == "PodCompleted")
    }

    @Test func stoppedNodeLeavesDeletedPodTerminatingUntilItIsBack() throws {
        let cluster = Sandbox.make(seed: 13, workerNodes: 1)
        try Sim.create(cluster, Sim.nginxPod("web-0"))
        cluster.advance(by: 20_000)
        cluster.stopNode("k8s-node1")
        #expect(!cluster.isNodeRunning("k8s-node1"))
        try cluster.api.delete(ObjectRef(Sim.type("Pod"), namespace: "default", name: "web-0"))
        cluster.advance(by: 60_000)
        #expect(Sim.pod(cluster, "web-0")?.isDeleting == true)
        cluster.startNode("k8s-node1")
        cluster.advance(by: 5_000)
        #expect(Sim.pod(cluster, "web-0") == nil)
    }
}
