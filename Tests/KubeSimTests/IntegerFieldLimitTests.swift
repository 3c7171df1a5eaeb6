import KubeAPI
import Testing
@testable import KubeSim

/// API fields the server accepts at their type's limit and the controllers do arithmetic with:
/// each once trapped on overflow inside a controller sync, ending the whole session.
@Suite struct IntegerFieldLimitTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          replicas: 3
          strategy:
            rollingUpdate:
              maxSurge: "9223372036854775807%"
              maxUnavailable: 2147483647
          selector:
            matchLabels: {app: d}
          template:
            metadata:
              labels: {app: d}
            spec:
              terminationGracePeriodSeconds: 9223372036854775807
              containers:
              - name: c
                image: nginx
        """

    @Test func hugeSurgePercentageIsCappedNotOverflowed() throws {
        let d = Sim.yaml(Self.deployment)
        #expect(DeploymentController.maxSurge(d, 3) == Int(Int32.max))
        #expect(DeploymentController.maxUnavailable(d, 3) == Int(Int32.max))
        var small = d
        small["spec"]["strategy"]["rollingUpdate"]["maxSurge"] = "50%"
        #expect(DeploymentController.maxSurge(small, 3) == 2)
    }

    @Test func deploymentWithLimitValuesRollsOutAndDeletes() throws {
        let cluster = Sandbox.make(seed: 5, workerNodes: 2)
        _ = try Sim.create(cluster, Self.deployment)
        cluster.advance(by: 30_000)
        let pods = cluster.store.list(Sim.type("Pod"), namespace: "default").filter { $0.name.hasPrefix("d-") }
        #expect(pods.count == 3)
        let pod = try #require(pods.first)
        // The server keeps the grace period as given; the deadline stops growing past ~31,000 years.
        _ = try cluster.api.delete(ObjectRef(Sim.type("Pod"), namespace: "default", name: pod.name))
        let deleting = try #require(Sim.pod(cluster, pod.name))
        #expect(deleting["metadata"]["deletionGracePeriodSeconds"].int == 9_223_372_036_854_775_807)
        #expect(deleting["metadata"]["deletionTimestamp"].string?.hasPrefix("33") == true)
    }
}
