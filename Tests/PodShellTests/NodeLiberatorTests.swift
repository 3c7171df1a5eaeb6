import KubeAPI
import KubeSim
import Testing
@testable import PodShell

/// The liberator image run as a plain pod with its service account in tkr-system: it lists nodes
/// through the API every 5 s and deletes one whose Ready condition stayed not True, only when RBAC
/// lets it. The node's condition is written here as its kubelet would report it.
@Suite struct NodeLiberatorTests {
    static func type(_ kind: String) -> ResourceType { ResourceRegistry.forKind(kind)! }

    final class World {
        let cluster = Sandbox.make(seed: 11)
        let runtime: ContainerRuntime

        init(bound: Bool) throws {
            runtime = ContainerRuntime(cluster: cluster, dns: ClusterDNS(cluster: cluster))
            runtime.install()
            let api = cluster.api
            try api.create(["metadata": ["name": "tkr-system"]], as: type("Namespace"))
            try api.create(["metadata": ["name": "high-availability", "namespace": "tkr-system"]], as: type("ServiceAccount"))
            if bound {
                try api.create(["metadata": ["name": "nodes"],
                                "rules": [["apiGroups": [""], "resources": ["nodes"], "verbs": ["list", "delete"]]]],
                               as: type("ClusterRole"))
                try api.create(["metadata": ["name": "nodes"],
                                "subjects": [["kind": "ServiceAccount", "name": "high-availability", "namespace": "tkr-system"]],
                                "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "nodes"]],
                               as: type("ClusterRoleBinding"))
            }
            try api.create(["metadata": ["name": "liberator", "namespace": "tkr-system"],
                            "spec": ["serviceAccountName": "high-availability", "nodeName": "k8s-node1",
                                     "containers": [["name": "liberator", "image": "jm921106/liberator:0.1"]]]],
                           as: type("Pod"))
            cluster.advance(by: 10_000)
        }

        var pod: JSONValue? { cluster.store.get(type("Pod"), namespace: "tkr-system", name: "liberator") }
        var log: String { pod.flatMap { runtime.container(pod: $0, name: "liberator")?.log } ?? "" }
        var nodes: [String] { cluster.store.list(type("Node")).map(\.name) }

        /// k8s-node2's Ready condition as its kubelet (or the node lifecycle controller) would write it.
        func setNode2Ready(_ status: String) throws {
            try cluster.store.modify(ObjectRef(type("Node"), namespace: "", name: "k8s-node2")) { node in
                node["status"]["conditions"] = .array(node["status"]["conditions"].items.map { c in
                    var c = c
                    if c["type"].string == "Ready" { c["status"] = .string(status) }
                    return c
                })
            }
        }

        func markNode2NotReady() throws { try setNode2Ready("Unknown") }
    }

    @Test func withItsBindingItDeletesANodeThatStaysNotReady() throws {
        let world = try World(bound: true)
        #expect(world.pod?["status"]["phase"] == "Running")
        #expect(world.log == "", "all nodes Ready: nothing to say")
        try world.markNode2NotReady()
        world.cluster.advance(by: 30_000)
        #expect(world.log == """
            unknown k8s-node2  count=0
            unknown k8s-node2  count=1
            unknown k8s-node2  count=2
            unknown k8s-node2  count=3
            unknown k8s-node2  count=4
            delete node k8s-node2 done

            """)
        #expect(world.nodes == ["k8s-master", "k8s-node1"])
    }

    @Test func withoutItsBindingItLogsTheForbiddenErrorAndDeletesNothing() throws {
        let world = try World(bound: false)
        try world.markNode2NotReady()
        world.cluster.advance(by: 30_000)
        let log = world.log
        let first = log.split(separator: "\n", omittingEmptySubsequences: false).prefix(5).map(String.init)
        #expect(first[0] == "Exception when calling CoreV1Api->list_node: (403)")
        #expect(first[1] == "Reason: Forbidden")
        #expect(first[2].hasPrefix("HTTP response headers: HTTPHeaderDict({'Audit-Id': '"))
        #expect(first[2].hasSuffix("'Content-Length': '290'})"))
        #expect(first[3] == #"HTTP response body: {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"nodes is forbidden: User \"system:serviceaccount:tkr-system:high-availability\" cannot list resource \"nodes\" in API group \"\" at the cluster scope","reason":"Forbidden","details":{"kind":"nodes"},"code":403}"#)
        #expect(log.components(separatedBy: "Exception when calling CoreV1Api->list_node").count - 1 == 6,
                "every 5 s from 5 s after the container started (at about 4 s) until 40 s")
        #expect(!log.contains("unknown"))
        #expect(world.nodes == ["k8s-master", "k8s-node1", "k8s-node2"])
    }

    @Test func aNodeThatRecoversIsCountedAfresh() throws {
        let world = try World(bound: true)
        try world.markNode2NotReady()
        world.cluster.advance(by: 10_000)
        try world.setNode2Ready("True")
        world.cluster.advance(by: 10_000)
        try world.markNode2NotReady()
        world.cluster.advance(by: 10_000)
        #expect(world.log == "unknown k8s-node2  count=0\nunknown k8s-node2  count=1\nunknown k8s-node2  count=0\nunknown k8s-node2  count=1\n")
        #expect(world.nodes.contains("k8s-node2"))
    }

    @Test func aPodCommandReplacesTheProgram() throws {
        let world = try World(bound: true)
        try world.cluster.api.create(["metadata": ["name": "shell", "namespace": "tkr-system"],
                                      "spec": ["serviceAccountName": "high-availability", "nodeName": "k8s-node1",
                                               "containers": [["name": "c", "image": "jm921106/liberator:0.1",
                                                               "command": ["sleep", "3600"]]]]],
                                     as: Self.type("Pod"))
        try world.markNode2NotReady()
        world.cluster.advance(by: 60_000)
        #expect(!world.nodes.contains("k8s-node2"), "the liberator pod still acts")
        let shell = world.cluster.store.get(Self.type("Pod"), namespace: "tkr-system", name: "shell")!
        #expect(world.runtime.container(pod: shell, name: "c")?.log == "")
    }
}

/// The projected token a pod's processes authenticate with: a JWT bound to the pod, its node and
/// its service account.
@Suite struct ServiceAccountTokenTests {
    @Test func theTokensClaimsNameThePodItsNodeAndItsServiceAccount() throws {
        let world = try NodeLiberatorTests.World(bound: true)
        let pod = try #require(world.pod)
        let token = ServiceAccountTokenText.token(for: pod, store: world.cluster.store, expirationSeconds: 3607)
        let parts = token.split(separator: ".").map(String.init)
        #expect(parts.count == 3)
        #expect(parts[2].count == 342, "a 2048-bit RSA signature")
        func decoded(_ part: String) -> String {
            var b64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            while b64.count % 4 != 0 { b64 += "=" }
            return String(decoding: Base64.decode(b64) ?? [], as: UTF8.self)
        }
        #expect(decoded(parts[0]).hasPrefix("{\"alg\":\"RS256\",\"kid\":\""))
        let claims = try #require(try YAMLLoader.parse(decoded(parts[1])))
        let sa = world.cluster.store.get(ResourceRegistry.forKind("ServiceAccount")!, namespace: "tkr-system", name: "high-availability")
        #expect(claims["sub"] == "system:serviceaccount:tkr-system:high-availability")
        #expect(claims["aud"] == ["https://kubernetes.default.svc.cluster.local"])
        #expect(claims["kubernetes.io"]["pod"] == ["name": "liberator", "uid": .string(pod.uid)])
        #expect(claims["kubernetes.io"]["node"]["name"] == "k8s-node1")
        #expect(claims["kubernetes.io"]["serviceaccount"]["uid"] == .string(sa?.uid ?? "-"))
        #expect(claims["exp"].int == (claims["iat"].int ?? 0) + 3607)
        #expect(claims["kubernetes.io"]["warnafter"].int == (claims["iat"].int ?? 0) + 3600)
    }
}
