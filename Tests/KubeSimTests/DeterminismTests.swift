import KubeAPI
import Testing
@testable import KubeSim

@Suite struct DeterminismTests {
    /// A small but busy scenario: a service, owned pods, a deletion, a crash-free run of a minute.
    private func run(seed: UInt64) throws -> [String] {
        let cluster = Sandbox.make(seed: seed, workerNodes: 3)
        try Sim.create(cluster, "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n")
        let owner = try Sim.create(cluster, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: owner\n")
        for i in 0..<6 {
            var pod = Sim.yaml(Sim.nginxPod("web-\(i)"))
            pod["metadata"]["ownerReferences"] = [owner.ownerReference()]
            try cluster.api.create(pod, as: Sim.type("Pod"))
            cluster.advance(by: 700)
        }
        cluster.advance(by: 30_000)
        try cluster.api.delete(ObjectRef(Sim.type("Pod"), namespace: "default", name: "web-2"))
        cluster.advance(by: 30_000)
        return cluster.store.allObjects().map { "\($0.0.plural) \($0.1)" }
    }

    @Test func sameSeedSameWorld() throws {
        let a = try run(seed: 1234)
        let b = try run(seed: 1234)
        #expect(a.count == b.count)
        #expect(a == b)
    }

    @Test func differentSeedsDiffer() throws {
        #expect(try run(seed: 1) != run(seed: 2))
    }
}
