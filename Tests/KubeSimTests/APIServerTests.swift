import KubeAPI
import Testing
@testable import KubeSim

@Suite struct APIServerTests {
    @Test func serviceGetsAClusterIPInTheServiceRangeAndNodePorts() throws {
        let cluster = Sandbox.make(seed: 41, workerNodes: 1)
        let svc = try Sim.create(cluster, """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              type: NodePort
              selector:
                app: web
              ports:
              - port: 80
            """)
        let ip = IPv4.parse(svc["spec"]["clusterIP"].string ?? "") ?? 0
        #expect(ip > IPv4.parse("10.96.1.0")! && ip < IPv4.parse("10.111.255.255")!)
        #expect(svc["spec"]["clusterIPs"] == [svc["spec"]["clusterIP"]])
        #expect(svc["spec"]["ipFamilies"] == ["IPv4"] && svc["spec"]["ipFamilyPolicy"] == "SingleStack")
        let nodePort = svc["spec"]["ports"][0]["nodePort"].int ?? 0
        #expect((30000...32767).contains(nodePort))
        // A replace that omits the allocated values keeps them.
        var replacement = Sim.yaml("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n")
        replacement["spec"]["ports"][0]["protocol"] = "TCP"
        let updated = try cluster.api.update(replacement, as: Sim.type("Service"))
        #expect(updated["spec"]["clusterIP"] == svc["spec"]["clusterIP"])
    }

    @Test func takenClusterIPIsRefused() {
        let cluster = Sandbox.make(seed: 41, workerNodes: 1)
        #expect(throws: APIError(.invalid, "The Service \"dup\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.10\"}: "
            + "failed to allocate IP 10.96.0.10: provided IP is already allocated")) {
            try Sim.create(cluster, "apiVersion: v1\nkind: Service\nmetadata:\n  name: dup\nspec:\n  clusterIP: 10.96.0.10\n  ports:\n  - port: 53\n")
        }
    }

    @Test func podAdmissionAddsTokenVolumeTolerationsAndStatus() throws {
        let cluster = Sandbox.make(seed: 41, workerNodes: 1)
        let pod = try cluster.api.create(Sim.yaml(Sim.nginxPod("p")), as: Sim.type("Pod"))
        let volume = pod["spec"]["volumes"][0]
        let name = volume["name"].string ?? ""
        #expect(name.hasPrefix("kube-api-access-") && name.count == "kube-api-access-".count + 5)
        #expect(volume["projected"]["sources"][1]["configMap"]["name"] == "kube-root-ca.crt")
        #expect(pod["spec"]["containers"][0]["volumeMounts"][0] == [
            "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": .string(name), "readOnly": true,
        ])
        #expect(pod["spec"]["serviceAccountName"] == "default")
        #expect(pod["spec"]["tolerations"].items.map { $0["key"] } == ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"])
        #expect(pod["status"] == ["phase": "Pending", "qosClass": "BestEffort"])
    }

    @Test func missingNamespaceIsNotFound() {
        let cluster = Sandbox.make(seed: 41, workerNodes: 1)
        var pod = Sim.yaml(Sim.nginxPod("p"))
        pod["metadata"]["namespace"] = "nope"
        #expect(throws: APIError(.notFound, "namespaces \"nope\" not found")) {
            try cluster.api.create(pod, as: Sim.type("Pod"))
        }
    }

    @Test func claimWithExplicitEmptyClassStaysClassless() throws {
        let cluster = Sandbox.make(seed: 41, workerNodes: 1)
        let pvc = try Sim.create(cluster, """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: c
            spec:
              storageClassName: ""
              accessModes: [ReadWriteOnce]
              resources:
                requests:
                  storage: 1Gi
            """)
        #expect(pvc["spec"]["storageClassName"] == "")
        #expect(pvc["status"]["phase"] == "Pending")
    }

    @Test func recordEventAggregatesRepeats() throws {
        let cluster = Sandbox.make(seed: 41, workerNodes: 1)
        let cm = try Sim.create(cluster, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
        cluster.recordEvent(for: cm, type: "Normal", reason: "Poke", message: "poked", source: "tester")
        cluster.advance(by: 3_000)
        cluster.recordEvent(for: cm, type: "Normal", reason: "Poke", message: "poked", source: "tester")
        let events = cluster.store.list(Sim.type("Event"), namespace: "default")
        #expect(events.count == 1)
        let e = events[0]
        #expect(e["count"] == 2)
        #expect(e.name.hasPrefix("c.") && e.name.count == 2 + 16)
        #expect(e["firstTimestamp"].string == "2025-06-02T09:00:00Z" && e["lastTimestamp"].string == "2025-06-02T09:00:03Z")
        #expect(e["source"] == ["component": "tester"])
        #expect(e["involvedObject"]["uid"].string == cm.uid)
        #expect(cluster.events(about: cm.uid, namespace: "default").map(\.name) == [e.name])
    }

    /// Events are stored as compact records; what a reader gets must be the API's JSON.
    @Test func recordedEventRendersAsTheAPIReturnsIt() throws {
        let cluster = Sandbox.make(seed: 41, workerNodes: 1)
        let cm = try Sim.create(cluster, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
        cluster.recordEvent(for: cm, type: "Warning", reason: "Poke", message: "poked", source: "kubelet",
                            host: "k8s-node1", fieldPath: "spec.containers{app}")
        let e = try #require(cluster.store.list(Sim.type("Event"), namespace: "default").first)
        let uid = e.uid, name = e.name, rv = e["metadata"]["resourceVersion"].string ?? ""
        #expect(JSONText.compact(e) == """
            {"apiVersion":"v1","count":1,"eventTime":null,"firstTimestamp":"2025-06-02T09:00:00Z",\
            "involvedObject":{"apiVersion":"v1","fieldPath":"spec.containers{app}","kind":"ConfigMap","name":"c",\
            "namespace":"default","resourceVersion":"\(cm["metadata"]["resourceVersion"].string ?? "")",\
            "uid":"\(cm.uid)"},"kind":"Event","lastTimestamp":"2025-06-02T09:00:00Z",\
            "message":"poked","metadata":{"creationTimestamp":"2025-06-02T09:00:00Z","name":"\(name)",\
            "namespace":"default","resourceVersion":"\(rv)","uid":"\(uid)"},"reason":"Poke",\
            "reportingComponent":"kubelet","reportingInstance":"k8s-node1",\
            "source":{"component":"kubelet","host":"k8s-node1"},"type":"Warning"}
            """)
        #expect(!uid.isEmpty && uid != cm.uid && Int(rv) ?? 0 > Int(cm["metadata"]["resourceVersion"].string ?? "") ?? 0)
    }

    /// A watch that leaves Events out is not told of them; one that wants them gets the rendered object.
    @Test func watchesOnlySeeTheResourcesTheyWant() throws {
        let cluster = Sandbox.make(seed: 41, workerNodes: 1)
        var withoutEvents: [String] = [], eventsOnly: [String] = []
        cluster.store.watch({ $0.kind != "Event" }) { withoutEvents.append($0.resource.kind) }
        cluster.store.watch({ $0.kind == "Event" }) { eventsOnly.append($0.object["reason"].string ?? "") }
        let cm = try Sim.create(cluster, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
        cluster.recordEvent(for: cm, type: "Normal", reason: "Poke", message: "poked", source: "tester")
        #expect(withoutEvents == ["ConfigMap"])
        #expect(eventsOnly == ["Poke"])
    }

    /// The API server's event TTL: an hour after the last write an Event is gone; aggregation renews it.
    @Test func eventsExpireAnHourAfterTheirLastWrite() throws {
        let cluster = Sandbox.make(seed: 41, workerNodes: 1)
        let cm = try Sim.create(cluster, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")
        func reasons() -> [String] {
            cluster.events(about: cm.uid, namespace: "default").map { "\($0["reason"].string ?? "")x\($0["count"].int ?? 0)" }
        }
        cluster.recordEvent(for: cm, type: "Normal", reason: "Once", message: "once", source: "tester")
        cluster.recordEvent(for: cm, type: "Normal", reason: "Again", message: "again", source: "tester")
        cluster.advance(by: 30 * 60_000)
        cluster.recordEvent(for: cm, type: "Normal", reason: "Again", message: "again", source: "tester")
        cluster.advance(by: 29 * 60_000 + 59_000)
        #expect(reasons().sorted() == ["Againx2", "Oncex1"])
        cluster.advance(by: 1_000)
        #expect(reasons() == ["Againx2"])
        cluster.advance(by: 30 * 60_000)
        #expect(reasons() == [])
        #expect(cluster.store.list(Sim.type("Event"), namespace: "default").filter { $0["involvedObject"]["uid"].string == cm.uid }.isEmpty)
        // A repeat after expiry starts a new event rather than bumping the forgotten one.
        cluster.recordEvent(for: cm, type: "Normal", reason: "Again", message: "again", source: "tester")
        #expect(reasons() == ["Againx1"])
    }

    /// The TTL covers Events written through the API too.
    @Test func eventsCreatedThroughTheAPIExpire() throws {
        let cluster = Sandbox.make(seed: 41, workerNodes: 1)
        try Sim.create(cluster, """
            apiVersion: v1
            kind: Event
            metadata:
              name: hand-written
            involvedObject:
              kind: ConfigMap
              name: c
            reason: Poke
            message: by hand
            """)
        func present() -> Bool { cluster.store.get(Sim.type("Event"), namespace: "default", name: "hand-written") != nil }
        cluster.advance(by: 3_599_000)
        #expect(present())
        cluster.advance(by: 1_000)
        #expect(!present())
    }
}
