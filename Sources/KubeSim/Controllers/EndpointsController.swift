import KubeAPI

/// The endpoints controller: one Endpoints object per Service with a selector, listing the IPs of
/// matching pods as ready `addresses` or `notReadyAddresses`, with the service ports resolved
/// against each pod's container ports. It keeps per-service membership so a pod change touches
/// only the services that select it.
public final class EndpointsController: Controller {
    public let name = "endpoint-controller"

    static let serviceType = ResourceRegistry.forKind("Service") ?? ResourceType(kind: "Service", plural: "services")
    static let endpointsType = ResourceRegistry.forKind("Endpoints") ?? ResourceType(kind: "Endpoints", plural: "endpoints")
    static let podType = ResourceRegistry.forKind("Pod") ?? ResourceType(kind: "Pod", plural: "pods")
    static let triggerAnnotation = "endpoints.kubernetes.io/last-change-trigger-time"

    /// namespace → service name → selector, for services that have one.
    private var selectors: [String: [String: LabelSelector]] = [:]
    /// "ns/service" → names of pods it selects.
    private var members: [String: Set<String>] = [:]
    /// "ns/pod" → services selecting it.
    private var podServices: [String: Set<String>] = [:]
    /// "ns/service" → when the last change that concerns it happened.
    private var triggerTimes: [String: Millis] = [:]

    public init() {}

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        switch event.resource.kind {
        case "Service": return observeService(event, in: cluster)
        case "Pod": return observePod(event, now: cluster.now)
        case "Endpoints":
            // Someone removed an Endpoints object a service still needs.
            let ns = event.object.namespace ?? "default"
            if event.kind == .deleted, selectors[ns]?[event.object.name] != nil { return [ns + "/" + event.object.name] }
            return []
        default: return []
        }
    }

    private func observeService(_ event: WatchEvent, in cluster: Cluster) -> [String] {
        let svc = event.object
        let ns = svc.namespace ?? "default"
        let key = ns + "/" + svc.name
        let selectorMap = svc["spec"]["selector"].stringMap
        let oldSelectorMap = event.old?["spec"]["selector"].stringMap
        if event.kind == .deleted || selectorMap.isEmpty {
            selectors[ns]?[svc.name] = nil
            for pod in members[key] ?? [] { podServices[ns + "/" + pod]?.remove(svc.name) }
            members[key] = nil
            triggerTimes[key] = nil
            return [key]
        }
        if event.kind == .modified && oldSelectorMap == selectorMap && selectors[ns]?[svc.name] != nil {
            if event.old?["spec"] != svc["spec"] || event.old?["metadata"]["labels"] != svc["metadata"]["labels"] {
                triggerTimes[key] = cluster.now
                return [key]
            }
            return []
        }
        let selector = LabelSelector(matchLabels: selectorMap)
        selectors[ns, default: [:]][svc.name] = selector
        for pod in members[key] ?? [] { podServices[ns + "/" + pod]?.remove(svc.name) }
        var selected: Set<String> = []
        for pod in cluster.store.list(Self.podType, namespace: ns) where selector.matches(pod.labels) {
            selected.insert(pod.name)
            podServices[ns + "/" + pod.name, default: []].insert(svc.name)
        }
        members[key] = selected
        triggerTimes[key] = cluster.now
        return [key]
    }

    private func observePod(_ event: WatchEvent, now: Millis) -> [String] {
        let pod = event.object
        let ns = pod.namespace ?? "default"
        let podKey = ns + "/" + pod.name
        guard let nsSelectors = selectors[ns], !nsSelectors.isEmpty else { return [] }
        var before = podServices[podKey] ?? []
        var after = before
        if event.kind == .deleted {
            after = []
        } else if event.kind == .added || event.old?["metadata"]["labels"] != pod["metadata"]["labels"] {
            let labels = pod.labels
            after = Set(nsSelectors.filter { $0.value.matches(labels) }.map(\.key))
        }
        if event.kind == .added { before = [] }
        var touched = before.symmetricDifference(after)
        if event.kind == .modified, let old = event.old, Self.endpointFields(old) != Self.endpointFields(pod) {
            touched.formUnion(after)
        }
        if event.kind == .deleted { touched.formUnion(before) }
        for svc in before.subtracting(after) { members[ns + "/" + svc]?.remove(pod.name) }
        for svc in after.subtracting(before) { members[ns + "/" + svc, default: []].insert(pod.name) }
        if after.isEmpty { podServices[podKey] = nil } else { podServices[podKey] = after }
        for svc in touched { triggerTimes[ns + "/" + svc] = now }
        return touched.sorted().map { ns + "/" + $0 }
    }

    /// The parts of a pod an Endpoints object reflects.
    private static func endpointFields(_ pod: JSONValue) -> [JSONValue] {
        let ready = pod["status"]["conditions"].items.first { $0["type"].string == "Ready" }?["status"] ?? .null
        return [pod["status"]["podIP"], pod["spec"]["nodeName"], ready, pod["metadata"]["deletionTimestamp"],
                pod["status"]["phase"], pod["spec"]["hostname"], pod["spec"]["subdomain"], pod["metadata"]["uid"]]
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let slash = key.firstIndex(of: "/") else { return }
        let ns = String(key[..<slash]), svcName = String(key[key.index(after: slash)...])
        let ref = ObjectRef(Self.endpointsType, namespace: ns, name: svcName)
        guard let svc = cluster.store.get(Self.serviceType, namespace: ns, name: svcName),
            !svc["spec"]["selector"].stringMap.isEmpty
        else {
            // Endpoints of a selector-less service belong to whoever wrote them; only a deleted service's go.
            if cluster.store.get(Self.serviceType, namespace: ns, name: svcName) == nil, cluster.store.get(ref) != nil {
                _ = try? cluster.store.delete(ref)
            }
            return
        }
        let pods = (members[key] ?? []).sorted().compactMap { cluster.store.get(Self.podType, namespace: ns, name: $0) }
        let subsets = Self.subsets(for: svc, pods: pods)
        var labels = svc.labels
        if svc["spec"]["clusterIP"].string == "None" { labels["service.kubernetes.io/headless"] = "" }
        let labelValue: JSONValue = labels.isEmpty ? .null : .stringMap(labels)
        if let existing = cluster.store.get(ref) {
            if existing["subsets"] == subsets && existing["metadata"]["labels"] == labelValue { return }
            var updated = existing
            updated["subsets"] = subsets
            updated["metadata"]["labels"] = labelValue
            updated["metadata"]["annotations"][Self.triggerAnnotation] = .string(Timestamp.rfc3339(triggerTimes[key] ?? cluster.now))
            _ = try? cluster.store.update(Self.endpointsType, updated)
        } else {
            var endpoints: JSONValue = [
                "apiVersion": "v1", "kind": "Endpoints",
                "metadata": [
                    "annotations": [Self.triggerAnnotation: .string(Timestamp.rfc3339(triggerTimes[key] ?? cluster.now))],
                    "name": .string(svcName), "namespace": .string(ns),
                ],
            ]
            if !labelValue.isNull { endpoints["metadata"]["labels"] = labelValue }
            endpoints["subsets"] = subsets
            _ = try? cluster.store.create(Self.endpointsType, endpoints)
        }
    }

    /// Subsets as the real controller packs them: addresses grouped by the ports they resolve to,
    /// sorted by IP; `.null` when there is nothing to list.
    static func subsets(for svc: JSONValue, pods: [JSONValue]) -> JSONValue {
        let svcName = svc.name
        let publishNotReady = svc["spec"]["publishNotReadyAddresses"].bool == true
        let servicePorts = svc["spec"]["ports"].items
        let headless = svc["spec"]["clusterIP"].string == "None"
        struct Group { var ports: [JSONValue]; var ready: [(String, JSONValue)] = []; var notReady: [(String, JSONValue)] = [] }
        var groups: [Group] = []
        for pod in pods {
            guard let ip = pod["status"]["podIP"].string, !ip.isEmpty else { continue }
            let phase = pod["status"]["phase"].string ?? ""
            if phase == "Succeeded" || phase == "Failed" { continue }
            if pod.isDeleting && !publishNotReady { continue }
            var address: JSONValue = [:]
            if let hostname = pod["spec"]["hostname"].string, !hostname.isEmpty, pod["spec"]["subdomain"].string == svcName {
                address["hostname"] = .string(hostname)
            }
            address["ip"] = .string(ip)
            if let node = pod["spec"]["nodeName"].string, !node.isEmpty { address["nodeName"] = .string(node) }
            address["targetRef"] = ["kind": "Pod", "name": .string(pod.name), "namespace": .string(pod.namespace ?? "default"),
                                    "uid": .string(pod.uid)]
            var ports: [JSONValue] = []
            for sp in servicePorts {
                guard let port = resolvePort(sp, in: pod) else { continue }
                var p: JSONValue = [:]
                if let n = sp["name"].string, !n.isEmpty { p["name"] = .string(n) }
                p["port"] = .int(port)
                p["protocol"] = .string(sp["protocol"].string ?? "TCP")
                ports.append(p)
            }
            if !servicePorts.isEmpty && ports.isEmpty && !headless { continue }
            let ready = publishNotReady
                || pod["status"]["conditions"].items.contains { $0["type"].string == "Ready" && $0["status"].string == "True" }
            if let g = groups.firstIndex(where: { $0.ports == ports }) {
                if ready { groups[g].ready.append((ip, address)) } else { groups[g].notReady.append((ip, address)) }
            } else {
                var g = Group(ports: ports)
                if ready { g.ready.append((ip, address)) } else { g.notReady.append((ip, address)) }
                groups.append(g)
            }
        }
        if groups.isEmpty { return .null }
        func byIP(_ a: (String, JSONValue), _ b: (String, JSONValue)) -> Bool {
            let x = IPv4.parse(a.0) ?? 0, y = IPv4.parse(b.0) ?? 0
            return x != y ? x < y : (a.1["targetRef"]["uid"].string ?? "") < (b.1["targetRef"]["uid"].string ?? "")
        }
        return .array(groups.map { g in
            var subset: JSONValue = [:]
            if !g.ready.isEmpty { subset["addresses"] = .array(g.ready.sorted(by: byIP).map(\.1)) }
            if !g.notReady.isEmpty { subset["notReadyAddresses"] = .array(g.notReady.sorted(by: byIP).map(\.1)) }
            if !g.ports.isEmpty { subset["ports"] = .array(g.ports) }
            return subset
        })
    }

    /// A service port's targetPort for one pod: a number as is, a name looked up among the pod's
    /// container ports (nil when no container has it); no targetPort means the service port.
    static func resolvePort(_ servicePort: JSONValue, in pod: JSONValue) -> Int? {
        let target = servicePort["targetPort"]
        if let n = target.int { return n }
        if let name = target.string {
            if let n = Int(name) { return n }
            let proto = servicePort["protocol"].string ?? "TCP"
            for c in pod["spec"]["containers"].items {
                for p in c["ports"].items where p["name"].string == name && (p["protocol"].string ?? "TCP") == proto {
                    return p["containerPort"].int
                }
            }
            return nil
        }
        return servicePort["port"].int
    }
}
