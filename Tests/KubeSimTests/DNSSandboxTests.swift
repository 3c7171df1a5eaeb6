import KubeAPI
import Testing
@testable import KubeSim

/// DNS over the real sandbox: the endpoints controller writes Endpoints, DNS follows.
@Suite struct DNSSandboxTests {
    static let service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: nginx
        spec:
          clusterIP: None
          selector:
            app: web
          ports:
          - name: web
            port: 80
        """

    func statefulPod(_ name: String) -> String {
        Sim.nginxPod(name, extra: "  hostname: \(name)\n  subdomain: nginx")
    }

    func ready(_ cluster: Cluster, _ names: [String]) -> Bool {
        names.allSatisfy { Sim.condition(Sim.pod(cluster, $0), "Ready") == "True" }
    }

    @Test func headlessServiceFollowsPods() throws {
        let cluster = Sandbox.make(seed: 11)
        let dns = ClusterDNS(cluster: cluster)
        #expect(dns.reverseName(for: ClusterDNS.nameserver) == "kube-dns.kube-system.svc.cluster.local")
        try Sim.create(cluster, Self.service)
        try Sim.create(cluster, statefulPod("web-0"))
        try Sim.create(cluster, statefulPod("web-1"))
        #expect(cluster.advance(until: { ready(cluster, ["web-0", "web-1"]) }, limit: 120_000))
        let ip0 = try #require(Sim.pod(cluster, "web-0")?["status"]["podIP"].string)
        let ip1 = try #require(Sim.pod(cluster, "web-1")?["status"]["podIP"].string)
        #expect(Set(dns.resolve("nginx", namespace: "default").addresses) == [ip0, ip1])
        #expect(dns.resolve("web-0.nginx", namespace: "default").addresses == [ip0])
        #expect(dns.reverseName(for: ip1) == "web-1.nginx.default.svc.cluster.local")
        // From another namespace the namespace must be named.
        #expect(dns.resolve("web-0.nginx.default", namespace: "kube-system").addresses == [ip0])

        // web-1 goes away: its name goes with it once the kubelet confirms termination.
        try cluster.store.delete(ObjectRef(Sim.type("Pod"), namespace: "default", name: "web-1"))
        cluster.advance(by: 60_000)
        #expect(dns.resolve("nginx", namespace: "default").addresses == [ip0])
        #expect(dns.resolve("web-1.nginx", namespace: "default").failureCode == .nameError)

        // Recreated (as a StatefulSet would), it is found again at its new address.
        try Sim.create(cluster, statefulPod("web-1"))
        #expect(cluster.advance(until: { ready(cluster, ["web-1"]) }, limit: 120_000))
        let newIP = try #require(Sim.pod(cluster, "web-1")?["status"]["podIP"].string)
        #expect(dns.resolve("web-1.nginx", namespace: "default").addresses == [newIP])
        #expect(dns.reverseName(for: newIP) == "web-1.nginx.default.svc.cluster.local")
    }

    @Test func clusterIPServiceFromTheAPIServer() throws {
        let cluster = Sandbox.make(seed: 12)
        let dns = ClusterDNS(cluster: cluster)
        let svc = try Sim.create(cluster, """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector:
                app: web
              ports:
              - port: 80
            """)
        let ip = try #require(svc["spec"]["clusterIP"].string)
        #expect(dns.resolve("web", namespace: "default").addresses == [ip])
        #expect(dns.reverseName(for: ip) == "web.default.svc.cluster.local")
        #expect(dns.resolve("kubernetes.default", namespace: "default").addresses == ["10.96.0.1"])
    }
}
