import KubeAPI
import Testing
@testable import KubeSim

/// Many pods at once: owners of pods behind one headless Service each. The full run (100 owners ×
/// 100 pods on 100 nodes) is gated by `KUBELAB_SCALE=1`; run it in release with
/// `KUBELAB_SCALE=1 swift test -c release -Xswiftc -enable-testing --filter ScaleTests`.
/// Measured on the shared 2-core box: about 2.7 s of CPU to all-Ready (about 1.9 s without the
/// Services), 78 s of cluster time. The default run is smaller.
@Suite struct ScaleTests {
    static let full = ScaleEnvironment.value("KUBELAB_SCALE") == "1"

    @Test func manyOwnedPodsAllBecomeReady() throws {
        let (owners, perOwner, nodes) = Self.full ? (100, 100, 100) : (10, 20, 10)
        let clock = ContinuousClock()
        let made = clock.now
        let cluster = Sandbox.make(seed: 77, workerNodes: nodes)
        let started = clock.now
        let cpuStart = Self.cpuTime()
        let podType = Sim.type("Pod")
        let template = Sim.yaml(Sim.nginxPod("x"))
        for o in 0..<owners {
            let owner = try cluster.api.create(Sim.yaml("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: owner-\(o)\n"),
                                               as: Sim.type("ConfigMap"))
            try Sim.create(cluster, """
                apiVersion: v1
                kind: Service
                metadata:
                  name: svc-\(o)
                spec:
                  clusterIP: None
                  selector:
                    owner: o\(o)
                  ports:
                  - port: 80
                    name: web
                """)
            for i in 0..<perOwner {
                var pod = template
                pod["metadata"]["name"] = .string("app\(o)-\(i)")
                pod["metadata"]["ownerReferences"] = [owner.ownerReference()]
                pod["metadata"]["labels"] = ["owner": .string("o\(o)")]
                pod["spec"]["hostname"] = .string("app\(o)-\(i)")
                pod["spec"]["subdomain"] = .string("svc-\(o)")
                try cluster.api.create(pod, as: podType)
            }
        }
        let total = owners * perOwner
        var readyCount = 0
        cluster.store.watch { event in
            guard event.resource.kind == "Pod" else { return }
            let was = event.old.map { Sim.condition($0, "Ready") == "True" } ?? false
            let now = event.kind != .deleted && Sim.condition(event.object, "Ready") == "True"
            if was != now { readyCount += now ? 1 : -1 }
        }
        let t0 = cluster.now
        let created = clock.now
        cluster.advance(until: { readyCount == total }, limit: 600_000)
        let virtual = cluster.now - t0
        let elapsed = clock.now - started
        let cpu = Self.cpuTime() - cpuStart
        let pods = cluster.store.list(podType, namespace: "default")
        #expect(pods.count == owners * perOwner)
        let ready = pods.filter { Sim.condition($0, "Ready") == "True" }.count
        #expect(ready == owners * perOwner)
        var perNode: [String: Int] = [:]
        for p in pods { perNode[p["spec"]["nodeName"].string ?? "", default: 0] += 1 }
        #expect(perNode["k8s-master"] == nil)
        let endpoints = cluster.store.get(Sim.type("Endpoints"), namespace: "default", name: "svc-0")
        #expect(endpoints?["subsets"][0]["addresses"].items.count == perOwner)
        #expect(perNode.values.max() ?? 0 <= (owners * perOwner) / nodes + 1)
        if Self.full { print("ScaleTests: \(owners * perOwner) pods on \(nodes) nodes ready in \(elapsed), CPU \(cpu) s (sandbox \(started - made), creates \(created - started)), \(virtual) ms of cluster time") }
    }
}

extension ScaleTests {
    /// Process CPU seconds, so a busy machine does not distort the figure.
    static func cpuTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

enum ScaleEnvironment {
    static func value(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
