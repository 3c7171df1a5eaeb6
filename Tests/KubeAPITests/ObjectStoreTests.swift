import Testing
@testable import KubeAPI

/// The store's bookkeeping as the API server does it: generations, list order, compact objects.
@Suite struct ObjectStoreTests {
    static func makeStore() -> ObjectStore {
        var n = 0
        return ObjectStore(now: { 1_748_854_800_000 }, makeUID: { n += 1; return "uid-\(n)" })
    }

    static func type(_ kind: String) -> ResourceType { ResourceRegistry.forKind(kind)! }

    @Test func onlyWorkloadKindsKeepAGeneration() throws {
        let store = Self.makeStore()
        var set = try store.create(Self.type("StatefulSet"), ["metadata": ["name": "web"], "spec": ["replicas": 1]])
        #expect(set["metadata"]["generation"] == 1)
        set["status"] = ["replicas": 1]
        set = try store.update(Self.type("StatefulSet"), set)
        #expect(set["metadata"]["generation"] == 1, "status writes leave the generation alone")
        set["spec"]["replicas"] = 2
        set = try store.update(Self.type("StatefulSet"), set)
        #expect(set["metadata"]["generation"] == 2)

        var pod = try store.create(Self.type("Pod"), ["metadata": ["name": "p"], "spec": ["containers": []]])
        pod["spec"]["nodeName"] = "k8s-node1"
        pod = try store.update(Self.type("Pod"), pod)
        #expect(pod["metadata"]["generation"].isNull, "pods have no generation before 1.33")
        let service = try store.create(Self.type("Service"), ["metadata": ["name": "s"], "spec": ["ports": []]])
        #expect(service["metadata"]["generation"].isNull)

        var deployment = try store.create(Self.type("Deployment"), ["metadata": ["name": "d"], "spec": ["replicas": 1]])
        deployment["metadata"]["annotations"] = ["note": "x"]
        deployment = try store.update(Self.type("Deployment"), deployment)
        #expect(deployment["metadata"]["generation"] == 2, "a Deployment counts annotation changes too")
    }

    @Test func listsInEtcdKeyOrder() throws {
        let store = Self.makeStore()
        for (ns, name) in [("a", "z"), ("a-b", "y"), ("a", "b"), ("ab", "x")] {
            try store.create(Self.type("ConfigMap"), ["metadata": ["name": .string(name), "namespace": .string(ns)]])
        }
        // "a-b/" sorts before "a/" because "-" comes before "/", as etcd orders its keys.
        #expect(store.list(Self.type("ConfigMap")).map { "\($0.namespace ?? "")/\($0.name)" } == ["a-b/y", "a/b", "a/z", "ab/x"])
        #expect(store.list(Self.type("ConfigMap"), namespace: "a").map(\.name) == ["b", "z"])
    }

    final class Note: CompactObject {
        let name: String
        let metadata: AssignedMetadata
        init(name: String, metadata: AssignedMetadata) { self.name = name; self.metadata = metadata }
        func rendered() -> JSONValue {
            ["apiVersion": "v1", "kind": "ConfigMap",
             "metadata": ["name": .string(name), "namespace": "default", "resourceVersion": .string(String(metadata.resourceVersion)),
                          "uid": .string(metadata.uid)]]
        }
    }

    @Test func compactObjectsRenderOnReadAndForWatchesThatWantThem() throws {
        let store = Self.makeStore()
        var seen: [String] = []
        store.watch({ $0.kind == "ConfigMap" }) { seen.append("\($0.kind.rawValue) \($0.object.name)") }
        store.watch({ $0.kind == "Secret" }) { _ in Issue.record("a Secret watch saw a ConfigMap") }
        try store.createCompact(Self.type("ConfigMap"), namespace: "default", name: "n") { Note(name: "n", metadata: $0) }
        #expect(store.get(Self.type("ConfigMap"), namespace: "default", name: "n")?["metadata"]["uid"] == "uid-1")
        #expect(throws: APIError.self) {
            try store.createCompact(Self.type("ConfigMap"), namespace: "default", name: "n") { Note(name: "n", metadata: $0) }
        }
        store.remove(ObjectRef(Self.type("ConfigMap"), namespace: "default", name: "n"))
        #expect(store.get(Self.type("ConfigMap"), namespace: "default", name: "n") == nil)
        #expect(seen == ["ADDED n", "DELETED n"])
    }
}
