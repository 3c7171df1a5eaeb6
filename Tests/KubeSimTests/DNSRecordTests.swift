import KubeAPI
import Testing
@testable import KubeSim

@Suite struct DNSRecordTests {
    @Test func clusterIPServiceHasOneARecord() throws {
        let (_, dns) = try DNSTestCluster.standard()
        let r = dns.query("hello.default.svc.cluster.local.")
        #expect(r.code == .noError)
        #expect(r.authoritative)
        #expect(r.answers == [DNSRecord(name: "hello.default.svc.cluster.local", ttl: 30, data: .address("10.96.45.7"))])
    }

    @Test func headlessServiceAnswersEveryReadyAddress() throws {
        let (_, dns) = try DNSTestCluster.standard()
        let r = dns.query("nginx.default.svc.cluster.local")
        #expect(Set(r.answers.compactMap(\.address)) == ["10.244.1.5", "10.244.2.6"])
        #expect(r.answers.allSatisfy { $0.name == "nginx.default.svc.cluster.local" })
    }

    @Test func loadbalanceShufflesDeterministically() throws {
        let (_, dns1) = try DNSTestCluster.standard()
        let (_, dns2) = try DNSTestCluster.standard()
        let orders1 = (0..<8).map { _ in dns1.query("nginx.default.svc.cluster.local").answers.compactMap(\.address) }
        let orders2 = (0..<8).map { _ in dns2.query("nginx.default.svc.cluster.local").answers.compactMap(\.address) }
        #expect(orders1 == orders2)
        #expect(Set(orders1.map { $0.joined(separator: ",") }).count == 2)
    }

    @Test func perPodNameAndDashedEndpointName() throws {
        let (_, dns) = try DNSTestCluster.standard()
        #expect(dns.query("web-0.nginx.default.svc.cluster.local").answers.map(\.address) == ["10.244.1.5"])
        #expect(dns.query("web-1.nginx.default.svc.cluster.local").answers.map(\.address) == ["10.244.2.6"])
        #expect(dns.query("web-2.nginx.default.svc.cluster.local").code == .nameError)
        // An address without hostname is named by its dashed IP.
        #expect(dns.query("10-244-2-9.hello.default.svc.cluster.local").answers.map(\.address) == ["10.244.2.9"])
    }

    @Test func podIPName() throws {
        let (_, dns) = try DNSTestCluster.standard()
        #expect(dns.query("10-244-1-5.default.pod.cluster.local").answers
            == [DNSRecord(name: "10-244-1-5.default.pod.cluster.local", ttl: 30, data: .address("10.244.1.5"))])
        #expect(dns.query("10-244-1-500.default.pod.cluster.local").code == .nameError)
    }

    @Test func builtInServices() throws {
        let (_, dns) = try DNSTestCluster.standard()
        #expect(dns.query("kubernetes.default.svc.cluster.local").answers.map(\.address) == ["10.96.0.1"])
        #expect(dns.query("kube-dns.kube-system.svc.cluster.local").answers.map(\.address) == ["10.96.0.10"])
        // Also in a bare cluster that never created them.
        let bare = ClusterDNS(cluster: Cluster(seed: 1, start: 0))
        #expect(bare.query("kubernetes.default.svc.cluster.local").answers.map(\.address) == ["10.96.0.1"])
        #expect(bare.reverseName(for: "10.96.0.10") == "kube-dns.kube-system.svc.cluster.local")
    }

    @Test func srvRecords() throws {
        let (_, dns) = try DNSTestCluster.standard()
        let headless = dns.query("_web._tcp.nginx.default.svc.cluster.local", type: .srv)
        #expect(headless.answers.map(\.data) == [
            .service(priority: 0, weight: 50, port: 80, target: "web-0.nginx.default.svc.cluster.local"),
            .service(priority: 0, weight: 50, port: 80, target: "web-1.nginx.default.svc.cluster.local"),
        ])
        #expect(headless.additional.map(\.address) == ["10.244.1.5", "10.244.2.6"])
        let clusterIP = dns.query("_http._tcp.hello.default.svc.cluster.local", type: .srv)
        #expect(clusterIP.answers.map(\.data) == [.service(priority: 0, weight: 100, port: 80, target: "hello.default.svc.cluster.local")])
        #expect(dns.query("_nope._tcp.hello.default.svc.cluster.local", type: .srv).code == .nameError)
        #expect(dns.query("_http._udp.hello.default.svc.cluster.local", type: .srv).code == .nameError)
    }

    @Test func reverseRecords() throws {
        let (_, dns) = try DNSTestCluster.standard()
        #expect(dns.query("10.0.96.10.in-addr.arpa", type: .ptr).answers.map(\.data) == [.pointer("kube-dns.kube-system.svc.cluster.local")])
        #expect(dns.reverseName(for: "10.96.45.7") == "hello.default.svc.cluster.local")
        #expect(dns.reverseName(for: "10.244.1.5") == "web-0.nginx.default.svc.cluster.local")
        #expect(dns.reverseName(for: "10.244.2.9") == "10-244-2-9.hello.default.svc.cluster.local")
        #expect(dns.reverseName(for: "10.244.9.9") == nil)
        #expect(dns.query("9.9.244.10.in-addr.arpa", type: .ptr).code == .nameError)
    }

    @Test func unknownNamesAndTypes() throws {
        let (_, dns) = try DNSTestCluster.standard()
        #expect(dns.query("nope.default.svc.cluster.local") == .nameError)
        #expect(dns.query("web-0.nginx.cluster.local") == .nameError)
        #expect(dns.query("hello.default.svc.cluster.local", type: .aaaa) == DNSResponse(code: .noError))
        #expect(dns.query("google.com").code == .serverFailure)
        #expect(!dns.query("google.com").authoritative)
        #expect(dns.query("") == .nameError)
        #expect(dns.query("a..b.svc.cluster.local").code == .nameError)
    }

    @Test func searchPathFromDefaultNamespace() throws {
        let (_, dns) = try DNSTestCluster.standard()
        let r = dns.resolve("web-0.nginx", namespace: "default")
        #expect(r.fqdn == "web-0.nginx.default.svc.cluster.local")
        #expect(r.addresses == ["10.244.1.5"])
        #expect(r.attempts.count == 1)
        let k = dns.resolve("kubernetes.default", namespace: "default")
        #expect(k.attempts.map(\.name) == ["kubernetes.default.default.svc.cluster.local", "kubernetes.default.svc.cluster.local"])
        #expect(k.addresses == ["10.96.0.1"])
        // From another namespace the short name needs the namespace.
        #expect(dns.resolve("hello", namespace: "other").failureCode == .nameError)
        #expect(dns.resolve("hello.default", namespace: "other").addresses == ["10.96.45.7"])
        #expect(dns.resolve("web-9.nginx", namespace: "default").failureCode == .nameError)
        #expect(dns.resolve("web-9.nginx", namespace: "default").attempts.count == 4)
        #expect(dns.resolve("google.com", namespace: "default").failureCode == .serverFailure)
        #expect(ClusterDNS.candidates(for: "a.b.c.d.e.f", namespace: "x").first == "a.b.c.d.e.f")
        #expect(ClusterDNS.candidates(for: "web-0.", namespace: "x") == ["web-0"])
        #expect(ClusterDNS.resolvConf(namespace: "default")
            == "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n")
    }

    @Test func headlessAnswerFollowsReadinessAndMoves() throws {
        let (t, dns) = try DNSTestCluster.standard()
        // web-1 becomes not ready: only web-0 remains, and its per-pod name disappears.
        try t.setEndpoints("nginx", ready: [("10.244.1.5", "web-0", "web-0")], notReady: [("10.244.2.6", "web-1", "web-1")],
                           portName: "web", port: 80)
        #expect(dns.query("nginx.default.svc.cluster.local").answers.map(\.address) == ["10.244.1.5"])
        #expect(dns.query("web-1.nginx.default.svc.cluster.local").code == .nameError)
        #expect(dns.reverseName(for: "10.244.2.6") == nil)
        // web-1 is recreated with a new IP and becomes ready.
        try t.setEndpoints("nginx", ready: [("10.244.1.5", "web-0", "web-0"), ("10.244.3.8", "web-1", "web-1")],
                           portName: "web", port: 80)
        #expect(dns.query("web-1.nginx.default.svc.cluster.local").answers.map(\.address) == ["10.244.3.8"])
        #expect(dns.reverseName(for: "10.244.3.8") == "web-1.nginx.default.svc.cluster.local")
        // No ready endpoints: NXDOMAIN.
        try t.setEndpoints("nginx", ready: [], notReady: [("10.244.1.5", "web-0", "web-0")], portName: "web", port: 80)
        #expect(dns.query("nginx.default.svc.cluster.local").code == .nameError)
    }

    @Test func publishNotReadyAddresses() throws {
        let (t, dns) = try DNSTestCluster.standard()
        try t.addService("peers", clusterIP: "None", ports: [["name": "p", "port": 7000, "protocol": "TCP"]], publishNotReady: true)
        try t.setEndpoints("peers", ready: [], notReady: [("10.244.1.5", "web-0", "web-0")], portName: "p", port: 7000)
        #expect(dns.query("peers.default.svc.cluster.local").answers.map(\.address) == ["10.244.1.5"])
    }

    @Test func hostnameDerivedFromPodWhenEndpointsLackIt() throws {
        let (t, dns) = try DNSTestCluster.standard()
        try t.setEndpoints("nginx", ready: [("10.244.1.5", nil, "web-0")], portName: "web", port: 80)
        #expect(dns.query("web-0.nginx.default.svc.cluster.local").answers.map(\.address) == ["10.244.1.5"])
    }

    @Test func deletedServiceAndPodLeaveTheIndex() throws {
        let (t, dns) = try DNSTestCluster.standard()
        try t.store.delete(ObjectRef(t.services, namespace: "default", name: "hello"))
        try t.store.delete(ObjectRef(t.endpoints, namespace: "default", name: "hello"))
        #expect(dns.reverseName(for: "10.96.45.7") == nil)
        #expect(dns.query("hello.default.svc.cluster.local").code == .nameError)
        #expect(dns.pod(withIP: "10.244.2.9")?.name == "hello-abc")
        t.store.remove(ObjectRef(t.pods, namespace: "default", name: "hello-abc"))
        #expect(dns.pod(withIP: "10.244.2.9") == nil)
    }

    @Test func tenThousandResolutionsAnswer() throws {
        let (_, dns) = try DNSTestCluster.standard()
        do {
            for _ in 0..<10_000 {
                _ = dns.resolve("web-0.nginx", namespace: "default")
                _ = dns.reverseName(for: "10.244.1.5")
            }
        }
    }
}

@Suite struct PodHostsFileTests {
    @Test func statefulPodHasItsFQDN() {
        let text = PodHostsFile.contents(podIP: "10.244.1.5", hostname: "web-0", subdomain: "nginx", namespace: "default")
        #expect(text == "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.244.1.5\tweb-0.nginx.default.svc.cluster.local\tweb-0\n")
        #expect(PodHostsFile.contents(podIP: "10.244.1.6", hostname: "sleep-5d4f", subdomain: nil, namespace: "default")
            .hasSuffix("fe00::2\tip6-allrouters\n10.244.1.6\tsleep-5d4f\n"))
    }
}
