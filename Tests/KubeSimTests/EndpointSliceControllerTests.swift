import KubeAPI
import Testing
@testable import KubeSim

/// The EndpointSlice controller next to the endpoints controller: one slice per Service with a
/// selector, with the endpoints' conditions as pkg/controller/endpointslice writes them.
@Suite struct EndpointSliceControllerTests {
    static let slices = Sim.type("EndpointSlice")

    func slices(of service: String, in cluster: Cluster) -> [JSONValue] {
        cluster.store.list(Self.slices, namespace: "default").filter { $0.labels["kubernetes.io/service-name"] == service }
    }

    @Test func aHeadlessServiceGetsOneSliceWithItsPods() throws {
        let cluster = Sandbox.make(seed: 21, workerNodes: 2)
        let svc = try Sim.create(cluster, Sim.headlessNginxService)
        cluster.settle()
        // No pods yet: one placeholder slice without endpoints or ports.
        let placeholder = try #require(slices(of: "nginx", in: cluster).first)
        #expect(slices(of: "nginx", in: cluster).count == 1)
        #expect(placeholder["endpoints"].isNull && placeholder["ports"].isNull)
        #expect(placeholder.name.hasPrefix("nginx-") && placeholder.name.count == "nginx-".count + 5)
        #expect(placeholder["metadata"]["generateName"] == "nginx-")
        #expect(placeholder["addressType"] == "IPv4")
        #expect(placeholder.labels == ["app": "nginx", "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
                                       "kubernetes.io/service-name": "nginx", "service.kubernetes.io/headless": ""])
        #expect(placeholder.ownerReferences == [["apiVersion": "v1", "blockOwnerDeletion": true, "controller": true, "kind": "Service",
                                                 "name": "nginx", "uid": .string(svc.uid)]])
        for i in 0..<2 {
            try Sim.create(cluster, Sim.nginxPod("web-\(i)", labels: "app: nginx", extra: "  hostname: web-\(i)\n  subdomain: nginx"))
        }
        cluster.advance(until: { (self.slices(of: "nginx", in: cluster).first?["endpoints"].items.count ?? 0) == 2 }, limit: 30_000)
        cluster.advance(by: 30_000)
        let slice = try #require(slices(of: "nginx", in: cluster).first)
        #expect(slice.name == placeholder.name, "the placeholder is reused")
        #expect(slice["ports"] == [["name": "web", "port": 80, "protocol": "TCP"]])
        for endpoint in slice["endpoints"].items {
            let pod = try #require(Sim.pod(cluster, endpoint["targetRef"]["name"].string ?? ""))
            #expect(endpoint["addresses"] == [pod["status"]["podIP"]])
            #expect(endpoint["conditions"] == ["ready": true, "serving": true, "terminating": false])
            #expect(endpoint["hostname"] == pod["spec"]["hostname"])
            #expect(endpoint["nodeName"] == pod["spec"]["nodeName"])
            #expect(endpoint["targetRef"] == ["kind": "Pod", "name": .string(pod.name), "namespace": "default", "uid": .string(pod.uid)])
        }
        // A terminating pod stays, not ready but serving, until it is gone.
        try cluster.api.delete(ObjectRef(Sim.type("Pod"), namespace: "default", name: "web-1"))
        cluster.settle()
        let terminating = slices(of: "nginx", in: cluster).first?["endpoints"].items.first { $0["targetRef"]["name"] == "web-1" }
        #expect(terminating?["conditions"] == ["ready": false, "serving": true, "terminating": true])
        cluster.advance(by: 40_000)
        #expect(slices(of: "nginx", in: cluster).first?["endpoints"].items.map { $0["targetRef"]["name"] } == ["web-0"])
        // The Service's deletion takes its slices.
        try cluster.api.delete(ObjectRef(Sim.type("Service"), namespace: "default", name: "nginx"))
        cluster.settle()
        #expect(slices(of: "nginx", in: cluster).isEmpty)
    }

    @Test func theSandboxHasTheAPIServersAndKubeDNSSlices() {
        let cluster = Sandbox.make(seed: 3, workerNodes: 1)
        let kubernetes = cluster.store.get(ObjectRef(Self.slices, namespace: "default", name: "kubernetes"))
        #expect(kubernetes?["endpoints"] == [["addresses": ["192.168.56.10"], "conditions": ["ready": true]]])
        #expect(kubernetes?["ports"] == [["name": "https", "port": 6443, "protocol": "TCP"]])
        #expect(kubernetes?.labels == ["kubernetes.io/service-name": "kubernetes"])
        let dns = cluster.store.list(Self.slices, namespace: "kube-system")
        #expect(dns.count == 1 && dns.first?.name.hasPrefix("kube-dns-") == true)
        #expect(dns.first?["endpoints"].items.count == 2)
    }

    @Test func slicesTakeTheirUIDWithoutDrawingFromTheCluster() {
        let cluster = Sandbox.make(seed: 5, workerNodes: 1)
        var draws = 0
        cluster.store.makeUID = { draws += 1; return "drawn" }
        let slice: JSONValue = ["addressType": "IPv4", "endpoints": .null, "metadata": ["name": "x-abcde", "namespace": "default"]]
        let stored = EndpointSliceController.create(slice, uid: "from-service", in: cluster.store)
        #expect(stored?.uid == "from-service")
        #expect(draws == 0)
        _ = try? cluster.store.create(Sim.type("ConfigMap"), ["metadata": ["name": "after", "namespace": "default"]])
        #expect(draws == 1, "the cluster's own source is back in place")
    }
}
