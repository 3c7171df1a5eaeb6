import KubeAPI

/// The EndpointSlice controller (pkg/controller/endpointslice and its reconciler): for every Service
/// with a selector, EndpointSlices (discovery.k8s.io/v1) listing the selected pods that have an IP,
/// terminating ones included, with conditions ready (ready and not terminating, or the Service
/// publishes not-ready addresses), serving (ready) and terminating; endpoints whose service ports
/// resolve alike share a slice, at most 100 to a slice, and a Service without endpoints keeps one
/// empty placeholder slice.
///
/// Which pods a Service selects is the endpoints controller's bookkeeping (`EndpointsController`,
/// registered before this one, sees each change first); this controller keeps only each service's
/// entries, recomputing the pods a change touched, as the Endpoints side does.
///
/// A slice's uid and name suffix come from its Service's uid rather than from the cluster's random
/// stream, so adding slices left every other object's generated name and uid as they were.
public final class EndpointSliceController: Controller {
    public let name = "endpointslice-controller"
    public let watchedKinds = WatchedKinds.only(["Service", "Pod", "EndpointSlice"])

    static let sliceType = ResourceRegistry.forKind("EndpointSlice")
        ?? ResourceType(kind: "EndpointSlice", plural: "endpointslices", group: "discovery.k8s.io", generation: .spec)
    static let managedByLabel = "endpointslice.kubernetes.io/managed-by"
    static let managedBy = "endpointslice-controller.k8s.io"
    static let serviceNameLabel = "kubernetes.io/service-name"
    /// --max-endpoints-per-slice's default.
    static let maxEndpointsPerSlice = 100

    private let endpoints: EndpointsController
    /// One pod's endpoint in a service's slices.
    struct Entry {
        let ip: UInt32
        let uid: String
        let endpoint: JSONValue
        let ports: [JSONValue]
        let portsKey: String
    }
    /// "ns/service" → pod name → its entry.
    private var entries: [String: [String: Entry]] = [:]
    /// "ns/service" → pods to recompute at the next sync.
    private var dirty: [String: Set<String>] = [:]
    /// Services whose spec changed: every entry is recomputed.
    private var stale: Set<String> = []
    /// "ns/pod" → services whose slices list it, so its deletion reaches them.
    private var listedIn: [String: Set<String>] = [:]
    /// "ns/service" → names of the slices this controller made for it, oldest first.
    private var slices: [String: [String]] = [:]
    /// "ns/service" → slices created so far, which seeds the next one's uid.
    private var created: [String: Int] = [:]
    private var triggerTimes: [String: Millis] = [:]

    public init(endpoints: EndpointsController) {
        self.endpoints = endpoints
    }

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        switch event.resource.kind {
        case "Service":
            let key = (event.object.namespace ?? "default") + "/" + event.object.name
            if event.kind == .modified, let old = event.old, old["spec"] == event.object["spec"],
               old["metadata"]["labels"] == event.object["metadata"]["labels"] {
                return []
            }
            stale.insert(key)
            triggerTimes[key] = cluster.now
            return [key]
        case "Pod":
            let pod = event.object
            let ns = pod.namespace ?? "default"
            let podKey = event.namespacedKey
            // A pod no service selects or lists changes no slice: asked first, as it is cheapest.
            let services = endpoints.services(selecting: podKey).union(listedIn[podKey] ?? [])
            if services.isEmpty { return [] }
            if event.kind == .modified, let old = event.old, old["metadata"]["labels"] == pod["metadata"]["labels"],
               !EndpointsController.endpointFieldsDiffer(old, pod) {
                return []
            }
            return services.sorted().map { svc in
                let key = ns + "/" + svc
                dirty[key, default: []].insert(pod.name)
                triggerTimes[key] = cluster.now
                return key
            }
        case "EndpointSlice":
            // A learner deleted a slice its Service still needs.
            let slice = event.object
            guard event.kind == .deleted, slice.labels[Self.managedByLabel] == Self.managedBy,
                  let svc = slice.labels[Self.serviceNameLabel] else { return [] }
            return [(slice.namespace ?? "default") + "/" + svc]
        default:
            return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let (ns, svcName) = NamespacedKey.split(key) else { return }
        guard let svc = cluster.store.get(EndpointsController.serviceType, namespace: ns, name: svcName),
              !svc["spec"]["selector"].stringMap.isEmpty
        else {
            for name in slices[key] ?? [] { _ = try? cluster.store.delete(ObjectRef(Self.sliceType, namespace: ns, name: name)) }
            for pod in entries[key]?.keys ?? [:].keys { listedIn[ns + "/" + pod]?.remove(svcName) }
            slices[key] = nil
            entries[key] = nil
            dirty[key] = nil
            stale.remove(key)
            triggerTimes[key] = nil
            return
        }
        var table = entries[key] ?? [:]
        let current = endpoints.selectedPods(key)
        let names: Set<String>
        if stale.remove(key) != nil {
            table = [:]
            names = current.union(entries[key]?.keys.map { $0 } ?? [])
        } else {
            names = dirty[key] ?? []
        }
        dirty[key] = nil
        for name in names {
            let podKey = ns + "/" + name
            if current.contains(name), let pod = cluster.store.get(EndpointsController.podType, namespace: ns, name: name),
               let entry = Self.entry(for: pod, in: svc) {
                table[name] = entry
                listedIn[podKey, default: []].insert(svcName)
            } else {
                table[name] = nil
                listedIn[podKey]?.remove(svcName)
                if listedIn[podKey]?.isEmpty == true { listedIn[podKey] = nil }
            }
        }
        entries[key] = table
        reconcile(key, service: svc, desired: Self.groups(table.values), in: cluster)
    }

    /// One selected pod's endpoint (podToEndpoint), or nil while it has no IP or has finished.
    static func entry(for pod: JSONValue, in svc: JSONValue) -> Entry? {
        guard let ip = pod["status"]["podIP"].string, !ip.isEmpty else { return nil }
        let phase = pod["status"]["phase"].string ?? ""
        switch pod["spec"]["restartPolicy"].string {
        case "Never": if phase == "Succeeded" || phase == "Failed" { return nil }
        case "OnFailure": if phase == "Succeeded" { return nil }
        default: break
        }
        let publishNotReady = svc["spec"]["publishNotReadyAddresses"].bool == true
        let serving = pod["status"]["conditions"].items.contains { $0["type"].string == "Ready" && $0["status"].string == "True" }
        let terminating = pod.isDeleting
        var endpoint: JSONValue = ["addresses": [.string(ip)]]
        endpoint["conditions"] = ["ready": .bool(publishNotReady || (serving && !terminating)), "serving": .bool(serving),
                                  "terminating": .bool(terminating)]
        if let hostname = pod["spec"]["hostname"].string, !hostname.isEmpty, pod["spec"]["subdomain"].string == svc.name {
            endpoint["hostname"] = .string(hostname)
        }
        endpoint["targetRef"] = ["kind": "Pod", "name": .string(pod.name), "namespace": .string(pod.namespace ?? "default"),
                                 "uid": .string(pod.uid)]
        if let node = pod["spec"]["nodeName"].string, !node.isEmpty { endpoint["nodeName"] = .string(node) }
        var ports: [JSONValue] = []
        var portsKey = ""
        for sp in svc["spec"]["ports"].items {
            guard let port = EndpointsController.resolvePort(sp, in: pod) else { continue }
            let name = sp["name"].string ?? "", proto = sp["protocol"].string ?? "TCP"
            var p: JSONValue = ["name": .string(name), "port": .int(port), "protocol": .string(proto)]
            if let app = sp["appProtocol"].string { p["appProtocol"] = .string(app) }
            ports.append(p)
            portsKey += "\(name):\(port)/\(proto),"
        }
        return Entry(ip: IPv4.parse(ip) ?? 0, uid: pod.uid, endpoint: endpoint, ports: ports, portsKey: portsKey)
    }

    /// The slices a service should have: endpoints grouped by the ports they resolve to (in the
    /// order of each group's lowest address), sorted by address, cut at `maxEndpointsPerSlice`;
    /// one empty slice when there is nothing to list.
    static func groups<S: Sequence>(_ all: S) -> [(ports: JSONValue, endpoints: JSONValue)] where S.Element == Entry {
        let sorted = all.sorted { $0.ip != $1.ip ? $0.ip < $1.ip : $0.uid < $1.uid }
        var keys: [String] = []
        var byKey: [String: (ports: [JSONValue], endpoints: [JSONValue])] = [:]
        for e in sorted {
            if byKey[e.portsKey] == nil { keys.append(e.portsKey); byKey[e.portsKey] = (e.ports, []) }
            byKey[e.portsKey]?.endpoints.append(e.endpoint)
        }
        var result: [(ports: JSONValue, endpoints: JSONValue)] = []
        for key in keys {
            guard let group = byKey[key] else { continue }
            var start = 0
            while start < group.endpoints.count {
                let chunk = Array(group.endpoints[start..<min(start + maxEndpointsPerSlice, group.endpoints.count)])
                result.append((group.ports.isEmpty ? .null : .array(group.ports), .array(chunk)))
                start += maxEndpointsPerSlice
            }
        }
        return result.isEmpty ? [(.null, .null)] : result
    }

    /// Makes the stored slices match `desired`: existing slices are reused in creation order, the
    /// rest created, leftovers deleted; a slice that already says the same is not written.
    private func reconcile(_ key: String, service svc: JSONValue, desired: [(ports: JSONValue, endpoints: JSONValue)], in cluster: Cluster) {
        let ns = svc.namespace ?? "default"
        var labels = svc.labels
        labels[Self.managedByLabel] = Self.managedBy
        labels[Self.serviceNameLabel] = svc.name
        if svc["spec"]["clusterIP"].string == "None" { labels["service.kubernetes.io/headless"] = "" }
        let labelValue = JSONValue.stringMap(labels)
        let trigger = JSONValue.string(Timestamp.rfc3339(triggerTimes[key] ?? cluster.now))
        var existing = (slices[key] ?? []).compactMap { cluster.store.get(Self.sliceType, namespace: ns, name: $0) }
        var kept: [String] = []
        for want in desired {
            if !existing.isEmpty {
                var slice = existing.removeFirst()
                kept.append(slice.name)
                if slice["endpoints"] == want.endpoints && slice["ports"] == want.ports && slice["metadata"]["labels"] == labelValue { continue }
                slice["endpoints"] = want.endpoints
                slice["ports"] = want.ports
                slice["metadata"]["labels"] = labelValue
                slice["metadata"]["annotations"]["endpoints.kubernetes.io/last-change-trigger-time"] = trigger
                _ = try? cluster.store.update(Self.sliceType, slice)
                continue
            }
            let count = created[key, default: 0]
            created[key] = count + 1
            var generator = SeededGenerator(seed: Self.seed(svc.uid, count))
            let uid = generator.uuid()
            let slice: JSONValue = [
                "addressType": "IPv4",
                "apiVersion": "discovery.k8s.io/v1",
                "endpoints": want.endpoints,
                "kind": "EndpointSlice",
                "metadata": [
                    "annotations": ["endpoints.kubernetes.io/last-change-trigger-time": trigger],
                    "generateName": .string(svc.name + "-"),
                    "labels": labelValue,
                    "name": .string(svc.name + "-" + Self.suffix(&generator)),
                    "namespace": .string(ns),
                    "ownerReferences": [["apiVersion": "v1", "blockOwnerDeletion": true, "controller": true, "kind": "Service",
                                         "name": .string(svc.name), "uid": .string(svc.uid)]],
                ],
                "ports": want.ports,
            ]
            if let stored = Self.create(slice, uid: uid, in: cluster.store) { kept.append(stored.name) }
        }
        for leftover in existing { _ = try? cluster.store.delete(ObjectRef(Self.sliceType, namespace: ns, name: leftover.name)) }
        slices[key] = kept
    }

    /// Stores a slice with the given uid instead of one drawn from the cluster's stream.
    @discardableResult
    static func create(_ slice: JSONValue, uid: String, in store: ObjectStore) -> JSONValue? {
        try? store.create(sliceType, slice, uid: uid)
    }

    /// The API server's own slice for `default/kubernetes` (its endpoints reconciler, not this
    /// controller: no managed-by label, no owner).
    public static func createKubernetesSlice(masterIP: String, serviceUID: String, in store: ObjectStore) {
        var generator = SeededGenerator(seed: seed(serviceUID, 0))
        let slice: JSONValue = [
            "addressType": "IPv4", "apiVersion": "discovery.k8s.io/v1",
            "endpoints": [["addresses": [.string(masterIP)], "conditions": ["ready": true]]],
            "kind": "EndpointSlice",
            "metadata": ["labels": [serviceNameLabel: "kubernetes"], "name": "kubernetes", "namespace": "default"],
            "ports": [["name": "https", "port": 6443, "protocol": "TCP"]],
        ]
        create(slice, uid: generator.uuid(), in: store)
    }

    /// FNV-1a of the service's uid and the slice's ordinal.
    static func seed(_ uid: String, _ ordinal: Int) -> UInt64 {
        var h: UInt64 = 1469598103934665603
        for b in (uid + "/" + String(ordinal)).utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        return h
    }

    /// Five characters from the API server's generateName alphabet.
    static func suffix(_ generator: inout SeededGenerator) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
