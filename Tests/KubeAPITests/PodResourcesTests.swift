import KubeAPI
import Testing

/// `PodResources` against upstream's PodRequests / PodLimits cases: sums, the init floor, sidecars, overhead.
@Suite struct PodResourcesTests {
    static func container(cpu: String? = nil, memory: String? = nil, limitCPU: String? = nil, sidecar: Bool = false) -> JSONValue {
        var c: JSONValue = ["name": "c"]
        if let cpu { c["resources"]["requests"]["cpu"] = .string(cpu) }
        if let memory { c["resources"]["requests"]["memory"] = .string(memory) }
        if let limitCPU { c["resources"]["limits"]["cpu"] = .string(limitCPU) }
        if sidecar { c["restartPolicy"] = "Always" }
        return c
    }

    @Test func appContainersAreSummed() {
        let spec: JSONValue = ["containers": [Self.container(cpu: "100m", memory: "64Mi"), Self.container(cpu: "1", memory: "1Gi")]]
        #expect(PodResources.requests(of: spec) == PodResources(cpu: 1_100, memory: (64 << 20 + 1 << 30) * 1000))
        #expect(PodResources.limits(of: spec) == PodResources())
    }

    @Test func theLargestInitContainerIsAFloor() {
        let spec: JSONValue = ["containers": [Self.container(cpu: "100m", memory: "64Mi")],
                               "initContainers": [Self.container(cpu: "500m"), Self.container(cpu: "200m", memory: "128Mi")]]
        // Each resource on its own: cpu from the first init container, memory from the second.
        #expect(PodResources.requests(of: spec) == PodResources(cpu: 500, memory: (128 << 20) * 1000))
    }

    @Test func sidecarsRunBesideTheAppAndTheLaterInitContainers() {
        // Upstream's example: a sidecar of 1 cpu, then an init container of 2 cpus, then apps of 1 cpu.
        let spec: JSONValue = ["containers": [Self.container(cpu: "1")],
                               "initContainers": [Self.container(cpu: "1", sidecar: true), Self.container(cpu: "2")]]
        // The init container needs 2 + the sidecar's 1 = 3; the running pod needs 1 + 1 = 2; the larger counts.
        #expect(PodResources.requests(of: spec).cpu == 3_000)
        let later: JSONValue = ["containers": [Self.container(cpu: "3")],
                                "initContainers": [Self.container(cpu: "2"), Self.container(cpu: "1", sidecar: true)]]
        // Here the init container ran before the sidecar: max(2, 1) = 2 is below 3 + 1 = 4.
        #expect(PodResources.requests(of: later).cpu == 4_000)
    }

    @Test func overheadAddsToRequestsAndOnlyToLimitsThePodHas() {
        let spec: JSONValue = ["containers": [Self.container(cpu: "250m", limitCPU: "500m")],
                               "overhead": ["cpu": "100m", "memory": "32Mi"]]
        #expect(PodResources.requests(of: spec) == PodResources(cpu: 350, memory: (32 << 20) * 1000))
        // No container limits memory, so the overhead's memory adds no memory limit.
        #expect(PodResources.limits(of: spec) == PodResources(cpu: 600))
    }

    @Test func hugeAmountsSaturate() {
        let spec: JSONValue = ["containers": [Self.container(cpu: "1e29"), Self.container(cpu: "1e29")]]
        #expect(PodResources.requests(of: spec).cpu > 0)
    }
}
