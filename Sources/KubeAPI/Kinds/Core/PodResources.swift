/// A pod's effective requests or limits, by the rule of upstream's `PodRequests` / `PodLimits`
/// (k8s.io/component-helpers resource/helpers.go), which the scheduler's fit check and
/// `kubectl describe node` both use:
/// - the app containers' amounts are summed;
/// - an init container needs its amount plus the restartable (sidecar) init containers started
///   before it, and the largest such need is a floor for the whole pod;
/// - a sidecar (an init container with `restartPolicy: Always`) keeps running, so it also adds to the sum;
/// - `spec.overhead` adds to every request, and to a limit only where the pod has that limit.
///
/// Amounts are milli-units (`ResourceQuantity`), sums saturate.
public struct PodResources: Equatable, Sendable {
    public var cpu: Int64 = 0
    public var memory: Int64 = 0
    public var ephemeralStorage: Int64 = 0

    public init(cpu: Int64 = 0, memory: Int64 = 0, ephemeralStorage: Int64 = 0) {
        self.cpu = cpu
        self.memory = memory
        self.ephemeralStorage = ephemeralStorage
    }

    /// Which list of each container's `resources` is read.
    public enum List: String, Sendable {
        case requests, limits
    }

    public static func requests(of spec: JSONValue) -> PodResources { amounts(spec, .requests) }
    public static func limits(of spec: JSONValue) -> PodResources { amounts(spec, .limits) }

    static func amounts(_ spec: JSONValue, _ list: List) -> PodResources {
        var total = PodResources()
        for c in spec["containers"].items { total.add(PodResources(list: c["resources"][list.rawValue])) }
        var sidecars = PodResources(), initFloor = PodResources()
        for c in spec["initContainers"].items {
            var need = PodResources(list: c["resources"][list.rawValue])
            if c["restartPolicy"].string == "Always" {
                total.add(need)
                sidecars.add(need)
                need = sidecars
            } else {
                need.add(sidecars)
            }
            initFloor.raise(to: need)
        }
        total.raise(to: initFloor)
        let overhead = spec["overhead"]
        if !overhead.isNull {
            let extra = PodResources(list: overhead)
            switch list {
            case .requests: total.add(extra)
            case .limits:
                let containers = spec["containers"].items + spec["initContainers"].items
                let limited = { (name: String) in containers.contains { !$0["resources"]["limits"][name].isNull } }
                if limited("cpu") { total.cpu = total.cpu.adding(saturating: extra.cpu) }
                if limited("memory") { total.memory = total.memory.adding(saturating: extra.memory) }
                if limited("ephemeral-storage") { total.ephemeralStorage = total.ephemeralStorage.adding(saturating: extra.ephemeralStorage) }
            }
        }
        return total
    }

    /// The amounts a resource list (`requests`, `limits`, `overhead`) names; absent ones are 0.
    public init(list: JSONValue) {
        cpu = ResourceQuantity.milliValue(of: "cpu", in: list) ?? 0
        memory = ResourceQuantity.milliValue(of: "memory", in: list) ?? 0
        ephemeralStorage = ResourceQuantity.milliValue(of: "ephemeral-storage", in: list) ?? 0
    }

    public mutating func add(_ other: PodResources) {
        cpu = cpu.adding(saturating: other.cpu)
        memory = memory.adding(saturating: other.memory)
        ephemeralStorage = ephemeralStorage.adding(saturating: other.ephemeralStorage)
    }

    public mutating func raise(to other: PodResources) {
        cpu = max(cpu, other.cpu)
        memory = max(memory, other.memory)
        ephemeralStorage = max(ephemeralStorage, other.ephemeralStorage)
    }
}
