import KubeAPI

/// The kubelet and container runtime of one node: its pod network (host-local IPAM), the images
/// it has pulled, and whether it is up.
final class NodeAgent {
    let name: String
    var hostIP: String
    /// Whether the kubelet runs (it stops with `systemctl stop kubelet` or with its machine).
    var running = true
    /// Whether the machine is on (`vagrant halt` turns it off, containers and all).
    var poweredOn = true
    /// When the machine was last powered off: its containers' processes ended then.
    var poweredOffAt: Millis?
    /// `spec.unschedulable` as the kubelet last reported it with a NodeSchedulable or
    /// NodeNotSchedulable event (upstream's `lastNodeUnschedulable`), and whether a report is due.
    var reportedUnschedulable = false
    var schedulableReportDue = false
    /// When the kubelet last started; its lease renewals and status reports count from here.
    var kubeletStartedAt: Millis = 0
    /// The Node object as the kubelet last saw it, to register it again after `kubectl delete node`.
    var registration: JSONValue = .null
    /// Images present on the node, by normalised reference.
    var images: Set<String> = []
    /// Image pulls are serialised per node (the kubelet's default); the next pull starts here.
    var pullQueueFreeAt: Millis = 0
    /// When the first pull of an image finishes, so pulls queued behind it are quick.
    var imageReadyAt: [String: Millis] = [:]

    /// The generic PLEG relists the runtime's containers once a second from the kubelet's start
    /// (pkg/kubelet/pleg/generic.go, `relistPeriod`), and the pod worker reports what the last
    /// relist found.
    static let relistPeriod: Millis = 1_000

    /// The first relist after `now`.
    func nextRelist(after now: Millis) -> Millis { nextTick(every: Self.relistPeriod, after: now) }

    /// The first instant after `now` on the grid of `period` the kubelet keeps from its start.
    func nextTick(every period: Millis, after now: Millis) -> Millis {
        NodeHeartbeat.latestTick(start: kubeletStartedAt, period: period, now: now) + period
    }

    private var network: UInt32 = 0
    private var networkSize: UInt32 = 0
    private var lastAllocated: UInt32 = 1
    private var used: Set<UInt32> = []

    init(name: String, hostIP: String, podCIDR: String?) {
        self.name = name
        self.hostIP = hostIP
        setPodCIDR(podCIDR)
    }

    func setPodCIDR(_ cidr: String?) {
        guard let cidr, let slash = cidr.firstIndex(of: "/"), let base = IPv4.parse(String(cidr[..<slash])),
            let bits = Int(cidr[cidr.index(after: slash)...]), (16...30).contains(bits)
        else { return }
        let size = UInt32(1) << UInt32(32 - bits)
        let newNetwork = base & ~(size - 1)
        if newNetwork == network && size == networkSize { return }
        network = newNetwork
        networkSize = size
    }

    /// The next free address after the last one handed out, wrapping round, as host-local does:
    /// a re-created pod normally gets a new IP.
    func allocateIP() -> String? {
        guard networkSize > 4 else { return nil }
        let first: UInt32 = 2, last = networkSize - 2
        var candidate = lastAllocated
        for _ in first...last {
            candidate = candidate >= last ? first : candidate + 1
            if !used.contains(candidate) {
                used.insert(candidate)
                lastAllocated = candidate
                return IPv4.format(network + candidate)
            }
        }
        return nil
    }

    /// Marks an address as taken (pods that were already running when the kubelet met them).
    func reserve(_ ip: String) {
        guard let v = IPv4.parse(ip), networkSize > 0, v & ~(networkSize - 1) == network else { return }
        used.insert(v - network)
        if v - network > lastAllocated { lastAllocated = v - network }
    }

    func release(_ ip: String) {
        guard let v = IPv4.parse(ip), networkSize > 0, v & ~(networkSize - 1) == network else { return }
        used.remove(v - network)
    }
}
