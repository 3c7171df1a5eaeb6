import KubeAPI
import Testing
@testable import KubeSim

@Suite struct WorkloadLimitsTests {
    static let sts = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: big
        spec:
          serviceName: big
          replicas: REPLICAS
          selector:
            matchLabels:
              app: big
          template:
            metadata:
              labels:
                app: big
            spec:
              containers:
              - name: app
                image: nginx
        """

    @Test func replicaCountsBeyondTheSimulationsLimitAreRefusedWithAClearError() throws {
        let cluster = Sandbox.make(seed: 3, workerNodes: 1)
        #expect(throws: APIError(.invalid, "The StatefulSet \"big\" is invalid: spec.replicas: Invalid value: 10001: kubelab simulates at most 10000 replicas per workload")) {
            try Sim.create(cluster, Self.sts.replacingOccurrences(of: "REPLICAS", with: "10001"))
        }
        var created = try Sim.create(cluster, Self.sts.replacingOccurrences(of: "REPLICAS", with: "1"))
        created["spec"]["replicas"] = 50000
        #expect(throws: APIError.self) { try cluster.api.update(created, as: Sim.type("StatefulSet")) }
        #expect(cluster.store.get(Sim.type("StatefulSet"), namespace: "default", name: "big")?["spec"]["replicas"] == 1)
    }

    @Test func jobParallelismBeyondTheSimulationsLimitIsRefused() throws {
        let cluster = Sandbox.make(seed: 3, workerNodes: 1)
        #expect(throws: APIError(.invalid, "The Job \"wide\" is invalid: spec.parallelism: Invalid value: 10001: kubelab simulates at most 10000 pods running per Job")) {
            try Sim.create(cluster, JobSim.job("wide", spec: "parallelism: 10001"))
        }
        #expect(throws: APIError(.invalid, "The CronJob \"wide\" is invalid: spec.jobTemplate.spec.parallelism: Invalid value: 10001: kubelab simulates at most 10000 pods running per Job")) {
            try Sim.create(cluster, JobSim.cronJob("wide", schedule: "@daily").replacingOccurrences(of: "    spec:\n      template:", with: "    spec:\n      parallelism: 10001\n      template:"))
        }
    }
}
