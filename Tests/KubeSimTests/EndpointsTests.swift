import KubeAPI
import Testing
@testable import KubeSim

@Suite struct EndpointsTests {
    @Test func headlessServiceListsHostnamesOnceReady() throws {
        let cluster = Sandbox.make(seed: 21, workerNodes: 2)
        let svc = try Sim.create(cluster, Sim.headlessNginxService)
        #expect(svc["spec"]["clusterIPs"] == ["None"])
        for i in 0..<2 {
            try Sim.create(cluster, Sim.nginxPod("web-\(i)", labels: "app: nginx", extra: "  hostname: web-\(i)\n  subdomain: nginx"))
        }
        cluster.settle()
        let ref = ObjectRef(Sim.type("Endpoints"), namespace: "default", name: "nginx")
        #expect(cluster.store.get(ref)?["subsets"].isNull == true)
        #expect(cluster.store.get(ref)?.labels == ["app": "nginx", "service.kubernetes.io/headless": ""])
        cluster.advance(by: 2_500)
        cluster.advance(until: { (cluster.store.get(ref)?["subsets"][0]["addresses"].items.count ?? 0) == 2 }, limit: 30_000)
        let subset = cluster.store.get(ref)?["subsets"][0] ?? .null
        #expect(subset["notReadyAddresses"].isNull)
        let addresses = subset["addresses"].items
        #expect(Set(addresses.compactMap { $0["hostname"].string }) == ["web-0", "web-1"])
        for a in addresses {
            let pod = Sim.pod(cluster, a["targetRef"]["name"].string ?? "")
            #expect(a["ip"] == pod?["status"]["podIP"])
            #expect(a["nodeName"] == pod?["spec"]["nodeName"])
            #expect(a["targetRef"]["uid"].string == pod?.uid)
        }
        #expect(subset["ports"] == [["name": "web", "port": 80, "protocol": "TCP"]])
        #expect(cluster.store.get(ref)?.annotations["endpoints.kubernetes.io/last-change-trigger-time"] != nil)
        // A deleted pod leaves at once (it is terminating).
        try cluster.api.delete(ObjectRef(Sim.type("Pod"), namespace: "default", name: "web-1"))
        cluster.settle()
        #expect(cluster.store.get(ref)?["subsets"][0]["addresses"].items.count == 1)
    }

    /// A service created after its pods finds them by the labels the controller kept for each pod.
    @Test func aServiceCreatedAfterItsPodsListsThem() throws {
        let cluster = Sandbox.make(seed: 22, workerNodes: 2)
        try Sim.create(cluster, Sim.nginxPod("web-0", labels: "app: nginx"))
        try Sim.create(cluster, Sim.nginxPod("web-1", labels: "{app: nginx, tier: front}"))
        try Sim.create(cluster, Sim.nginxPod("other", labels: "app: other"))
        cluster.advance(until: { ["web-0", "web-1", "other"].allSatisfy { Sim.condition(Sim.pod(cluster, $0), "Ready") == "True" } },
                        limit: 30_000)
        try Sim.create(cluster, Sim.headlessNginxService)
        let ref = ObjectRef(Sim.type("Endpoints"), namespace: "default", name: "nginx")
        cluster.advance(until: { (cluster.store.get(ref)?["subsets"][0]["addresses"].items.count ?? 0) == 2 }, limit: 30_000)
        let names = cluster.store.get(ref)?["subsets"][0]["addresses"].items.compactMap { $0["targetRef"]["name"].string }
        #expect(names.map(Set.init) == ["web-0", "web-1"])
        // A label change moves a pod out of the service.
        _ = try cluster.store.modify(ObjectRef(Sim.type("Pod"), namespace: "default", name: "web-1")) { $0["metadata"]["labels"]["app"] = "moved" }
        cluster.advance(by: 2_000)
        let after = cluster.store.get(ref)?["subsets"][0]["addresses"].items.compactMap { $0["targetRef"]["name"].string }
        #expect(after == ["web-0"])
    }

    @Test func notReadyPodsAreListedSeparately() throws {
        let cluster = Sandbox.make(seed: 22, workerNodes: 1)
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Service
            metadata:
              name: app
            spec:
              selector:
                app: slow
              ports:
              - port: 8080
                targetPort: 80
            """)
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Pod
            metadata:
              name: slow
              labels:
                app: slow
            spec:
              containers:
              - name: app
                image: nginx
                readinessProbe:
                  initialDelaySeconds: 60
                  httpGet:
                    port: 80
            """)
        cluster.advance(by: 20_000)
        let ep = cluster.store.get(Sim.type("Endpoints"), namespace: "default", name: "app")
        #expect(ep?["subsets"][0]["addresses"].isNull == true)
        #expect(ep?["subsets"][0]["notReadyAddresses"][0]["ip"] == Sim.pod(cluster, "slow")?["status"]["podIP"])
        #expect(ep?["subsets"][0]["ports"] == [["port": 80, "protocol": "TCP"]])
        cluster.advance(by: 60_000)
        let ready = cluster.store.get(Sim.type("Endpoints"), namespace: "default", name: "app")
        #expect(ready?["subsets"][0]["addresses"].items.count == 1)
    }

    @Test func deletingTheServiceDeletesItsEndpoints() throws {
        let cluster = Sandbox.make(seed: 22, workerNodes: 1)
        try Sim.create(cluster, "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector:\n    app: x\n  ports:\n  - port: 80\n")
        cluster.settle()
        let ref = ObjectRef(Sim.type("Endpoints"), namespace: "default", name: "s")
        #expect(cluster.store.get(ref) != nil)
        try cluster.api.delete(ObjectRef(Sim.type("Service"), namespace: "default", name: "s"))
        cluster.settle()
        #expect(cluster.store.get(ref) == nil)
    }
}
