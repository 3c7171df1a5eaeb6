import KubeAPI
import Testing
@testable import KubeSim

@Suite struct GarbageCollectionTests {
    /// owner ConfigMap → middle ConfigMap → two pods.
    private func chain(_ cluster: Cluster) throws -> (owner: JSONValue, middle: JSONValue) {
        let owner = try Sim.create(cluster, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: top\n")
        var middle = Sim.yaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: middle\n")
        middle["metadata"]["ownerReferences"] = [owner.ownerReference()]
        middle = try cluster.api.create(middle, as: Sim.type("ConfigMap"))
        for i in 0..<2 {
            var pod = Sim.yaml(Sim.nginxPod("leaf-\(i)"))
            pod["metadata"]["ownerReferences"] = [middle.ownerReference()]
            try cluster.api.create(pod, as: Sim.type("Pod"))
        }
        cluster.advance(by: 20_000)
        return (owner, middle)
    }

    @Test func backgroundDeletionCascades() throws {
        let cluster = Sandbox.make(seed: 31, workerNodes: 2)
        _ = try chain(cluster)
        try cluster.api.delete(ObjectRef(Sim.type("ConfigMap"), namespace: "default", name: "top"))
        cluster.settle()
        #expect(cluster.store.get(Sim.type("ConfigMap"), namespace: "default", name: "middle") == nil)
        #expect(Sim.pod(cluster, "leaf-0")?.isDeleting == true)
        cluster.advance(by: 5_000)
        #expect(Sim.pod(cluster, "leaf-0") == nil && Sim.pod(cluster, "leaf-1") == nil)
    }

    @Test func orphanDeletionKeepsDependents() throws {
        let cluster = Sandbox.make(seed: 31, workerNodes: 2)
        _ = try chain(cluster)
        try cluster.api.delete(ObjectRef(Sim.type("ConfigMap"), namespace: "default", name: "middle"), propagation: .orphan)
        cluster.advance(by: 5_000)
        let leaf = Sim.pod(cluster, "leaf-0")
        #expect(leaf != nil && leaf?.isDeleting == false)
        #expect(leaf?.ownerReferences.isEmpty == true)
    }

    @Test func foregroundDeletionWaitsForDependents() throws {
        let cluster = Sandbox.make(seed: 31, workerNodes: 2)
        _ = try chain(cluster)
        try cluster.api.delete(ObjectRef(Sim.type("ConfigMap"), namespace: "default", name: "middle"), propagation: .foreground)
        cluster.settle()
        let middle = cluster.store.get(Sim.type("ConfigMap"), namespace: "default", name: "middle")
        #expect(middle?.isDeleting == true)
        #expect(middle?["metadata"]["finalizers"] == ["foregroundDeletion"])
        #expect(Sim.pod(cluster, "leaf-0")?.isDeleting == true)
        cluster.advance(by: 5_000)
        #expect(Sim.pod(cluster, "leaf-0") == nil)
        #expect(cluster.store.get(Sim.type("ConfigMap"), namespace: "default", name: "middle") == nil)
    }

    @Test func namespaceDeletionEmptiesThenRemovesIt() throws {
        let cluster = Sandbox.make(seed: 32, workerNodes: 1)
        try Sim.create(cluster, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n")
        var pod = Sim.yaml(Sim.nginxPod("p"))
        pod["metadata"]["namespace"] = "lab"
        try cluster.api.create(pod, as: Sim.type("Pod"))
        cluster.advance(by: 20_000)
        let nsRef = ObjectRef(Sim.type("Namespace"), namespace: "", name: "lab")
        try cluster.api.delete(nsRef)
        cluster.settle()
        #expect(cluster.store.get(nsRef)?["status"]["phase"].string == "Terminating")
        #expect(throws: APIError(.forbidden, "configmaps \"late\" is forbidden: unable to create new content in namespace lab because it is being terminated")) {
            try Sim.create(cluster, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: late\n  namespace: lab\n")
        }
        cluster.advance(by: 5_000)
        #expect(cluster.store.get(nsRef) == nil)
        #expect(cluster.store.list(Sim.type("Pod"), namespace: "lab").isEmpty)
        #expect(cluster.store.list(Sim.type("ConfigMap"), namespace: "lab").isEmpty)
        #expect(throws: APIError(.notFound, "namespaces \"lab\" not found")) {
            try Sim.create(cluster, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: late\n  namespace: lab\n")
        }
    }

    @Test func systemNamespacesCannotBeDeleted() {
        let cluster = Sandbox.make(seed: 32, workerNodes: 1)
        #expect(throws: APIError(.forbidden, "namespaces \"default\" is forbidden: this namespace may not be deleted")) {
            try cluster.api.delete(ObjectRef(Sim.type("Namespace"), namespace: "", name: "default"))
        }
    }
}
