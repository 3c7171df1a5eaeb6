import KubeAPI

/// `kubectl describe`: the text for one object, laid out as k8s.io/kubectl/pkg/describe does,
/// with related objects (events, pods, endpoints) read from the store.
public enum Describer {
    /// Describes `object` (of `type`); `showEvents` is `--show-events` (default true).
    public static func describe(_ type: ResourceType, _ object: JSONValue, store: ObjectStore, now: Millis,
                                showEvents: Bool = true) -> String
    {
        let events = showEvents ? DescribeSections.events(for: object, in: store) : nil
        var w = DescribeWriter()
        KindPrinters.forKind(type.kind).describe(&w, object, .init(store: store, events: events, now: now))
        return w.finish()
    }

    typealias S = DescribeSections

    static func eventsSection(_ w: inout DescribeWriter, _ events: [JSONValue]?, now: Millis) {
        if let events { S.events(&w, events, now: now) }
    }

    static func pod(_ w: inout DescribeWriter, _ pod: JSONValue, _ events: [JSONValue]?, now: Millis) {
        let spec = pod.spec
        let status = pod.status
        w.write(0, "Name:\t\(pod.name)\n")
        w.write(0, "Namespace:\t\(pod.namespace ?? "")\n")
        if let p = spec["priority"].int { w.write(0, "Priority:\t\(p)\n") }
        if let pc = spec["priorityClassName"].string, !pc.isEmpty { w.write(0, "Priority Class Name:\t\(pc)\n") }
        if let rc = spec["runtimeClassName"].string, !rc.isEmpty { w.write(0, "Runtime Class Name:\t\(rc)\n") }
        if let sa = spec["serviceAccountName"].string, !sa.isEmpty { w.write(0, "Service Account:\t\(sa)\n") }
        if let node = spec["nodeName"].string, !node.isEmpty {
            w.write(0, "Node:\t\(node)/\(status["hostIP"].string ?? "")\n")
        } else {
            w.write(0, "Node:\t<none>\n")
        }
        if let start = status["startTime"].string { w.write(0, "Start Time:\t\(S.rfc1123z(start))\n") }
        S.labels(&w, "Labels", pod.labels)
        S.annotations(&w, "Annotations", pod.annotations)
        let phase = status["phase"].string ?? ""
        if pod.isDeleting && phase != "Failed" && phase != "Succeeded" {
            w.write(0, "Status:\tTerminating (lasts \(S.since(pod.deletionTimestamp, now: now)))\n")
            w.write(0, "Termination Grace Period:\t\(pod.metadata["deletionGracePeriodSeconds"].int ?? 30)s\n")
        } else {
            w.write(0, "Status:\t\(phase)\n")
        }
        if let r = status["reason"].string, !r.isEmpty { w.write(0, "Reason:\t\(r)\n") }
        if let m = status["message"].string, !m.isEmpty { w.write(0, "Message:\t\(m)\n") }
        w.write(0, "IP:\t\(status["podIP"].string ?? "")\n")
        let ips = status["podIPs"].items
        if ips.isEmpty {
            w.write(0, "IPs:\t<none>\n")
        } else {
            w.write(0, "IPs:\n")
            for ip in ips { w.write(1, "IP:\t\(ip["ip"].string ?? "")\n") }
        }
        if let ref = pod.controllerRef { w.write(0, "Controlled By:\t\(ref["kind"].string ?? "")/\(ref["name"].string ?? "")\n") }
        if let n = status["nominatedNodeName"].string, !n.isEmpty { w.write(0, "NominatedNodeName:\t\(n)\n") }
        if !spec["initContainers"].items.isEmpty {
            S.containers(&w, "Init Containers", spec["initContainers"].items, statuses: status["initContainerStatuses"].items,
                         pod: pod, space: "")
        }
        S.containers(&w, "Containers", spec["containers"].items, statuses: status["containerStatuses"].items, pod: pod, space: "")
        let gates = spec["readinessGates"].items
        if !gates.isEmpty {
            w.write(0, "Readiness Gates:\n  Type\tStatus\n")
            for g in gates {
                let type = g["conditionType"].string ?? ""
                let s = status["conditions"].items.first { $0["type"].string == type }?["status"].string ?? "<none>"
                w.write(1, "\(type) \t\(s) \n")
            }
        }
        let conditions = status["conditions"].items
        if !conditions.isEmpty {
            w.write(0, "Conditions:\n  Type\tStatus\n")
            for c in conditions { w.write(1, "\(c["type"].string ?? "") \t\(c["status"].string ?? "") \n") }
        }
        S.volumes(&w, spec["volumes"].items, space: "")
        // The stored class, or (for an object that has none) the same rule the API server used.
        let storedQOS = pod["status"]["qosClass"].string ?? ""
        w.write(0, "QoS Class:\t\(storedQOS.isEmpty ? PodQOS.podClass(of: pod.spec) : storedQOS)\n")
        S.labels(&w, "Node-Selectors", spec["nodeSelector"].stringMap)
        S.tolerations(&w, "Tolerations", spec["tolerations"].items)
        eventsSection(&w, events, now: now)
    }

    static func statefulSet(_ w: inout DescribeWriter, _ set: JSONValue, store: ObjectStore, _ events: [JSONValue]?,
                            now: Millis)
    {
        let spec = set.spec
        w.write(0, "Name:\t\(set.name)\n")
        w.write(0, "Namespace:\t\(set.namespace ?? "")\n")
        w.write(0, "CreationTimestamp:\t\(S.rfc1123z(set.creationTimestamp))\n")
        let selector = CellFormat.selector(spec["selector"])
        w.write(0, "Selector:\t\(selector == "<none>" ? "" : selector)\n")
        S.labels(&w, "Labels", set.labels)
        S.annotations(&w, "Annotations", set.annotations)
        w.write(0, "Replicas:\t\(spec["replicas"].int ?? 1) desired | \(set.status["replicas"].int ?? 0) total\n")
        let strategy = spec["updateStrategy"]
        w.write(0, "Update Strategy:\t\(strategy["type"].string ?? "RollingUpdate")\n")
        if let partition = strategy["rollingUpdate"]["partition"].int {
            w.write(1, "Partition:\t\(partition)\n")
            if let mu = strategy["rollingUpdate"]["maxUnavailable"].scalarText { w.write(1, "MaxUnavailable:\t\(mu)\n") }
        }
        var counts = (running: 0, waiting: 0, succeeded: 0, failed: 0)
        if let podType = ResourceRegistry.lookup("pods") {
            for pod in store.list(podType, namespace: set.namespace) where pod.controllerRef?["uid"].string == set.uid {
                switch pod.status["phase"].string ?? "" {
                case "Running": counts.running += 1
                case "Pending": counts.waiting += 1
                case "Succeeded": counts.succeeded += 1
                case "Failed": counts.failed += 1
                default: break
                }
            }
        }
        w.write(0, "Pods Status:\t\(counts.running) Running / \(counts.waiting) Waiting / \(counts.succeeded) Succeeded / \(counts.failed) Failed\n")
        S.podTemplate(&w, spec["template"])
        let templates = spec["volumeClaimTemplates"].items
        if templates.isEmpty {
            w.write(0, "Volume Claims:\t<none>\n")
        } else {
            w.write(0, "Volume Claims:\n")
            for pvc in templates {
                w.write(1, "Name:\t\(pvc.name)\n")
                w.write(1, "StorageClass:\t\(StorageTables.storageClass(pvc))\n")
                S.labels(&w, "Labels", pvc.labels, initialIndent: "  ")
                S.labels(&w, "Annotations", pvc.annotations, initialIndent: "  ")
                let capacity = pvc.spec["resources"]["requests"]["storage"]
                w.write(1, "Capacity:\t\(capacity.isNull ? "<default>" : Quantity.canonical(capacity))\n")
                w.write(1, "Access Modes:\t\(S.goList(pvc.spec["accessModes"]))\n")
            }
        }
        eventsSection(&w, events, now: now)
    }

    static func service(_ w: inout DescribeWriter, _ svc: JSONValue, store: ObjectStore, _ events: [JSONValue]?,
                        now: Millis)
    {
        let spec = svc.spec
        w.write(0, "Name:\t\(svc.name)\n")
        w.write(0, "Namespace:\t\(svc.namespace ?? "")\n")
        S.labels(&w, "Labels", svc.labels)
        S.annotations(&w, "Annotations", svc.annotations)
        w.write(0, "Selector:\t\(CellFormat.labels(spec["selector"].stringMap))\n")
        w.write(0, "Type:\t\(spec["type"].string ?? "ClusterIP")\n")
        if let p = spec["ipFamilyPolicy"].string { w.write(0, "IP Family Policy:\t\(p)\n") }
        let families = spec["ipFamilies"].items.compactMap(\.string)
        w.write(0, "IP Families:\t\(families.isEmpty ? "<none>" : families.joined(separator: ","))\n")
        w.write(0, "IP:\t\(spec["clusterIP"].string ?? "")\n")
        let ips = spec["clusterIPs"].items.compactMap(\.string)
        w.write(0, "IPs:\t\(ips.isEmpty ? "<none>" : ips.joined(separator: ","))\n")
        let external = spec["externalIPs"].items.compactMap(\.string)
        if !external.isEmpty { w.write(0, "External IPs:\t\(external.joined(separator: ","))\n") }
        if let lb = spec["loadBalancerIP"].string, !lb.isEmpty { w.write(0, "Desired LoadBalancer IP:\t\(lb)\n") }
        if let en = spec["externalName"].string, !en.isEmpty { w.write(0, "External Name:\t\(en)\n") }
        let ingress = svc.status["loadBalancer"]["ingress"].items.compactMap { $0["ip"].string ?? $0["hostname"].string }
        if !ingress.isEmpty { w.write(0, "LoadBalancer Ingress:\t\(ingress.joined(separator: ", "))\n") }
        let endpoints = ResourceRegistry.lookup("endpoints").flatMap {
            store.get($0, namespace: svc.namespace, name: svc.name)
        }
        for port in spec["ports"].items {
            let proto = port["protocol"].string ?? "TCP"
            var name = port["name"].string ?? ""
            if name.isEmpty { name = "<unset>" }
            w.write(0, "Port:\t\(name)\t\(port["port"].int ?? 0)/\(proto)\n")
            let target = port["targetPort"].isNull ? port["port"] : port["targetPort"]
            w.write(0, "TargetPort:\t\(target.scalarText ?? "")/\(proto)\n")
            if let np = port["nodePort"].int, np != 0 { w.write(0, "NodePort:\t\(name)\t\(np)/\(proto)\n") }
            w.write(0, "Endpoints:\t\(serviceEndpoints(endpoints, portName: port["name"].string ?? ""))\n")
        }
        w.write(0, "Session Affinity:\t\(spec["sessionAffinity"].string ?? "None")\n")
        if let p = spec["externalTrafficPolicy"].string, !p.isEmpty { w.write(0, "External Traffic Policy:\t\(p)\n") }
        if let p = spec["internalTrafficPolicy"].string { w.write(0, "Internal Traffic Policy:\t\(p)\n") }
        if let hc = spec["healthCheckNodePort"].int, hc != 0 { w.write(0, "HealthCheck NodePort:\t\(hc)\n") }
        eventsSection(&w, events, now: now)
    }

    /// The `Endpoints:` line of a service port: ready `ip:port` pairs, three at most.
    static func serviceEndpoints(_ endpoints: JSONValue?, portName: String) -> String {
        guard let endpoints, !endpoints["subsets"].items.isEmpty else { return "<none>" }
        let max = 3
        var list: [String] = []
        var more = false
        var count = 0
        for subset in endpoints["subsets"].items {
            let ready = subset["addresses"].items.map { ($0["ip"].string ?? "", true) }
            let notReady = subset["notReadyAddresses"].items.map { ($0["ip"].string ?? "", false) }
            let all = ready + notReady
            let ports = subset["ports"].items
            if ports.isEmpty {
                for (ip, isReady) in all {
                    if list.count == max { more = true }
                    if !isReady { continue }
                    if !more { list.append(ip) }
                    count += 1
                }
                continue
            }
            for port in ports where (port["name"].string ?? "") == portName {
                for (ip, isReady) in all {
                    if list.count == max { more = true }
                    if !isReady { continue }
                    let p = port["port"].int ?? 0
                    if !more { list.append(ip.contains(":") ? "[\(ip)]:\(p)" : "\(ip):\(p)") }
                    count += 1
                }
            }
        }
        let joined = list.joined(separator: ",")
        return more ? "\(joined) + \(count - max) more..." : joined
    }

    static func endpoints(_ w: inout DescribeWriter, _ ep: JSONValue, _ events: [JSONValue]?, now: Millis) {
        w.write(0, "Name:\t\(ep.name)\n")
        w.write(0, "Namespace:\t\(ep.namespace ?? "")\n")
        S.labels(&w, "Labels", ep.labels)
        S.annotations(&w, "Annotations", ep.annotations)
        w.write(0, "Subsets:\n")
        for subset in ep["subsets"].items {
            let ready = subset["addresses"].items.compactMap { $0["ip"].string }.joined(separator: ",")
            let notReady = subset["notReadyAddresses"].items.compactMap { $0["ip"].string }.joined(separator: ",")
            w.write(1, "Addresses:\t\(ready.isEmpty ? "<none>" : ready)\n")
            w.write(1, "NotReadyAddresses:\t\(notReady.isEmpty ? "<none>" : notReady)\n")
            let ports = subset["ports"].items
            if !ports.isEmpty {
                w.write(1, "Ports:\n")
                w.write(2, "Name\tPort\tProtocol\n")
                w.write(2, "----\t----\t--------\n")
                for p in ports {
                    var name = p["name"].string ?? ""
                    if name.isEmpty { name = "<unset>" }
                    w.write(2, "\(name)\t\(p["port"].int ?? 0)\t\(p["protocol"].string ?? "TCP")\n")
                }
            }
            w.write(0, "\n")
        }
        eventsSection(&w, events, now: now)
    }

    static func persistentVolumeClaim(_ w: inout DescribeWriter, _ pvc: JSONValue, store: ObjectStore,
                                      _ events: [JSONValue]?, now: Millis)
    {
        let spec = pvc.spec
        w.write(0, "Name:\t\(pvc.name)\n")
        w.write(0, "Namespace:\t\(pvc.namespace ?? "")\n")
        w.write(0, "StorageClass:\t\(StorageTables.storageClass(pvc))\n")
        if pvc.isDeleting {
            w.write(0, "Status:\tTerminating (lasts \(S.since(pvc.deletionTimestamp, now: now)))\n")
        } else {
            w.write(0, "Status:\t\(pvc.status["phase"].string ?? "")\n")
        }
        let volume = spec["volumeName"].string ?? ""
        w.write(0, "Volume:\t\(volume)\n")
        S.labels(&w, "Labels", pvc.labels)
        S.annotations(&w, "Annotations", pvc.annotations)
        w.write(0, "Finalizers:\t\(S.goList(pvc.metadata["finalizers"]))\n")
        var capacity = ""
        var modes = ""
        if !volume.isEmpty {
            capacity = Quantity.canonical(pvc.status["capacity"]["storage"])
            modes = CellFormat.accessModes(pvc.status["accessModes"])
        }
        w.write(0, "Capacity:\t\(capacity)\n")
        w.write(0, "Access Modes:\t\(modes)\n")
        if let mode = spec["volumeMode"].string { w.write(0, "VolumeMode:\t\(mode)\n") }
        if !spec["dataSource"].isNull {
            w.write(0, "DataSource:\n")
            if let g = spec["dataSource"]["apiGroup"].string { w.write(1, "APIGroup:\t\(g)\n") }
            w.write(1, "Kind:\t\(spec["dataSource"]["kind"].string ?? "")\n")
            w.write(1, "Name:\t\(spec["dataSource"]["name"].string ?? "")\n")
        }
        var users: [String] = []
        if let podType = ResourceRegistry.lookup("pods") {
            let pods = store.list(podType, namespace: pvc.namespace)
            for pod in pods where pod.spec["volumes"].items.contains(where: {
                $0["persistentVolumeClaim"]["claimName"].string == pvc.name
            }) { users.append(pod.name) }
            for ref in pvc.ownerReferences where ref["kind"].string == "Pod" {
                if let owner = pods.first(where: { $0.uid == ref["uid"].string }), !users.contains(owner.name) {
                    users.append(owner.name)
                }
            }
        }
        w.write(0, "Used By:\t")
        if users.isEmpty {
            w.line("<none>")
        } else {
            for (i, name) in users.sorted(by: S.goLess).enumerated() {
                if i != 0 { w.write(0, "\t") }
                w.write(0, "\(name)\n")
            }
        }
        let conditions = pvc.status["conditions"].items
        if !conditions.isEmpty {
            w.write(0, "Conditions:\n")
            w.write(1, "Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n")
            w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n")
            for c in conditions {
                w.write(1, "\(c["type"].string ?? "") \t\(c["status"].string ?? "") \t\(S.rfc1123z(c["lastProbeTime"].string)) \t\(S.rfc1123z(c["lastTransitionTime"].string)) \t\(c["reason"].string ?? "") \t\(c["message"].string ?? "")\n")
            }
        }
        eventsSection(&w, events, now: now)
    }

    static func persistentVolume(_ w: inout DescribeWriter, _ pv: JSONValue, _ events: [JSONValue]?, now: Millis) {
        let spec = pv.spec
        w.write(0, "Name:\t\(pv.name)\n")
        S.labels(&w, "Labels", pv.labels)
        S.annotations(&w, "Annotations", pv.annotations)
        w.write(0, "Finalizers:\t\(S.goList(pv.metadata["finalizers"]))\n")
        w.write(0, "StorageClass:\t\(StorageTables.storageClass(pv))\n")
        if pv.isDeleting {
            w.write(0, "Status:\tTerminating (lasts \(S.since(pv.deletionTimestamp, now: now)))\n")
        } else {
            w.write(0, "Status:\t\(pv.status["phase"].string ?? "")\n")
        }
        let claim = spec["claimRef"]
        w.write(0, "Claim:\t\(claim.isNull ? "" : "\(claim["namespace"].string ?? "")/\(claim["name"].string ?? "")")\n")
        w.write(0, "Reclaim Policy:\t\(spec["persistentVolumeReclaimPolicy"].string ?? "")\n")
        w.write(0, "Access Modes:\t\(CellFormat.accessModes(spec["accessModes"]))\n")
        if let mode = spec["volumeMode"].string { w.write(0, "VolumeMode:\t\(mode)\n") }
        w.write(0, "Capacity:\t\(Quantity.canonical(spec["capacity"]["storage"]))\n")
        w.write(0, "Node Affinity:\t")
        let required = spec["nodeAffinity"]["required"]
        if required.isNull {
            w.line("<none>")
        } else {
            w.line("")
            w.write(1, "Required Terms:\t")
            let terms = required["nodeSelectorTerms"].items
            if terms.isEmpty {
                w.line("<none>")
            } else {
                w.line("")
                for (i, term) in terms.enumerated() {
                    w.write(2, "Term \(i):\t")
                    let reqs = term["matchExpressions"].items
                    if reqs.isEmpty { w.line("<none>"); continue }
                    for (j, r) in reqs.enumerated() {
                        if j != 0 { w.write(2, "\t") }
                        var expr = "\(r["key"].string ?? "") \((r["operator"].string ?? "").lowercased())"
                        let values = r["values"].items.compactMap(\.string)
                        if !values.isEmpty { expr += " [\(values.joined(separator: ", "))]" }
                        w.write(0, expr + "\n")
                    }
                }
            }
        }
        w.write(0, "Message:\t\(pv.status["message"].string ?? "")\n")
        w.write(0, "Source:\n")
        if !spec["hostPath"].isNull {
            let type = spec["hostPath"]["type"].string ?? "<none>"
            w.write(2, "Type:\tHostPath (bare host directory volume)\n    Path:\t\(spec["hostPath"]["path"].string ?? "")\n    HostPathType:\t\(type)\n")
        } else if !spec["local"].isNull {
            w.write(2, "Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t\(spec["local"]["path"].string ?? "")\n")
        } else if !spec["nfs"].isNull {
            w.write(2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t\(spec["nfs"]["server"].string ?? "")\n    Path:\t\(spec["nfs"]["path"].string ?? "")\n    ReadOnly:\t\(spec["nfs"]["readOnly"].bool == true)\n")
        } else if !spec["csi"].isNull {
            let csi = spec["csi"]
            w.write(2, "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t\(csi["driver"].string ?? "")\n    FSType:\t\(csi["fsType"].string ?? "")\n    VolumeHandle:\t\(csi["volumeHandle"].string ?? "")\n    ReadOnly:\t\(csi["readOnly"].bool == true)\n")
            w.write(1, "  VolumeAttributes:\t")
            let attrs = csi["volumeAttributes"].stringMap
            if attrs.isEmpty {
                w.line("<none>")
            } else {
                for (i, k) in attrs.keys.sorted(by: S.goLess).enumerated() {
                    if i != 0 { w.write(0, "      \t") }
                    w.write(0, "\(k)=\(attrs[k] ?? "")\n")
                }
            }
        } else {
            w.write(1, "<unknown>\n")
        }
        eventsSection(&w, events, now: now)
    }

    static func node(_ w: inout DescribeWriter, _ node: JSONValue, store: ObjectStore, _ events: [JSONValue]?,
                     now: Millis)
    {
        let status = node.status
        w.write(0, "Name:\t\(node.name)\n")
        w.write(0, "Roles:\t\(ClusterTables.nodeRoles(node))\n")
        S.labels(&w, "Labels", node.labels)
        S.annotations(&w, "Annotations", node.annotations)
        w.write(0, "CreationTimestamp:\t\(S.rfc1123z(node.creationTimestamp))\n")
        S.taints(&w, node.spec["taints"].items)
        w.write(0, "Unschedulable:\t\(node.spec["unschedulable"].bool == true)\n")
        // The kubelet's Lease in kube-node-lease, renewed every 10 s while it runs.
        let lease = ResourceRegistry.forKind("Lease").flatMap { store.get($0, namespace: "kube-node-lease", name: node.name) }
        w.write(0, "Lease:\n")
        if let lease {
            w.write(1, "HolderIdentity:\t\(lease.spec["holderIdentity"].string ?? "<unset>")\n")
            w.write(1, "AcquireTime:\t\(lease.spec["acquireTime"].string.map { S.rfc1123z($0) } ?? "<unset>")\n")
            w.write(1, "RenewTime:\t\(lease.spec["renewTime"].string.map { S.rfc1123z($0) } ?? "<unset>")\n")
        } else {
            w.write(1, "Failed to get lease: leases.coordination.k8s.io \"\(node.name)\" not found\n")
        }
        let conditions = status["conditions"].items
        if !conditions.isEmpty {
            w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n")
            w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n")
            for c in conditions {
                w.write(1, "\(c["type"].string ?? "") \t\(c["status"].string ?? "") \t\(S.rfc1123z(c["lastHeartbeatTime"].string)) \t\(S.rfc1123z(c["lastTransitionTime"].string)) \t\(c["reason"].string ?? "") \t\(c["message"].string ?? "")\n")
            }
        }
        w.write(0, "Addresses:\n")
        for a in status["addresses"].items { w.write(1, "\(a["type"].string ?? ""):\t\(a["address"].string ?? "")\n") }
        for (title, key) in [("Capacity", "capacity"), ("Allocatable", "allocatable")] {
            guard let map = status[key].object, !map.isEmpty else { continue }
            w.write(0, "\(title):\n")
            for name in map.keys.sorted(by: S.goLess) { w.write(0, "  \(name):\t\(Quantity.canonical(map[name] ?? .null))\n") }
        }
        let info = status["nodeInfo"]
        w.write(0, "System Info:\n")
        for (title, key) in [("Machine ID", "machineID"), ("System UUID", "systemUUID"), ("Boot ID", "bootID"),
                             ("Kernel Version", "kernelVersion"), ("OS Image", "osImage"),
                             ("Operating System", "operatingSystem"), ("Architecture", "architecture"),
                             ("Container Runtime Version", "containerRuntimeVersion"),
                             ("Kubelet Version", "kubeletVersion"), ("Kube-Proxy Version", "kubeProxyVersion")] {
            w.write(0, "  \(title):\t\(info[key].string ?? "")\n")
        }
        if let cidr = node.spec["podCIDR"].string, !cidr.isEmpty { w.write(0, "PodCIDR:\t\(cidr)\n") }
        let cidrs = node.spec["podCIDRs"].items.compactMap(\.string)
        if !cidrs.isEmpty { w.write(0, "PodCIDRs:\t\(cidrs.joined(separator: ","))\n") }
        if let provider = node.spec["providerID"].string, !provider.isEmpty { w.write(0, "ProviderID:\t\(provider)\n") }
        var pods: [JSONValue] = []
        if let podType = ResourceRegistry.lookup("pods") {
            pods = store.list(podType).filter {
                let phase = $0.status["phase"].string ?? ""
                return $0.spec["nodeName"].string == node.name && phase != "Succeeded" && phase != "Failed"
            }
        }
        nodeResources(&w, node, pods: pods, now: now)
        eventsSection(&w, events, now: now)
    }

    /// The non-terminated pods table and the allocated-resources summary.
    static func nodeResources(_ w: inout DescribeWriter, _ node: JSONValue, pods: [JSONValue], now: Millis) {
        w.write(0, "Non-terminated Pods:\t(\(pods.count) in total)\n")
        w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n")
        w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n")
        let allocatable = node.status["allocatable"].object?.isEmpty == false ? node.status["allocatable"] : node.status["capacity"]
        // Percentages of allocatable, truncated, as kubectl computes them from milli-cpus and bytes.
        let total = PodResources(list: allocatable)
        func percent(_ v: Int64, _ all: Int64) -> Int { all > 0 ? Int(Double(v) / Double(all) * 100) : 0 }
        func cpu(_ milli: Int64) -> String { Quantity.cpu(milli: milli) }
        func bytes(_ milli: Int64) -> String { Quantity.memory(milli: milli) }
        var requested = PodResources(), limited = PodResources()
        for pod in pods {
            // kubectl's PodRequestsAndLimits: init containers, sidecars and overhead count as the scheduler counts them.
            let r = PodResources.requests(of: pod.spec), l = PodResources.limits(of: pod.spec)
            requested.add(r)
            limited.add(l)
            w.write(1, "\(pod.namespace ?? "")\t\(pod.name)\t\t\(cpu(r.cpu)) (\(percent(r.cpu, total.cpu))%)\t\(cpu(l.cpu)) (\(percent(l.cpu, total.cpu))%)\t\(bytes(r.memory)) (\(percent(r.memory, total.memory))%)\t\(bytes(l.memory)) (\(percent(l.memory, total.memory))%)\t\(CellFormat.age(of: pod, now: now))\n")
        }
        w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n")
        w.write(1, "Resource\tRequests\tLimits\n")
        w.write(1, "--------\t--------\t------\n")
        let (r, l) = (requested, limited)
        w.write(1, "cpu\t\(cpu(r.cpu)) (\(percent(r.cpu, total.cpu))%)\t\(cpu(l.cpu)) (\(percent(l.cpu, total.cpu))%)\n")
        w.write(1, "memory\t\(bytes(r.memory)) (\(percent(r.memory, total.memory))%)\t\(bytes(l.memory)) (\(percent(l.memory, total.memory))%)\n")
        w.write(1, "ephemeral-storage\t\(bytes(r.ephemeralStorage)) (\(percent(r.ephemeralStorage, total.ephemeralStorage))%)\t\(bytes(l.ephemeralStorage)) (\(percent(l.ephemeralStorage, total.ephemeralStorage))%)\n")
        for name in (allocatable.object?.keys.map { $0 } ?? []).sorted(by: S.goLess) where name.hasPrefix("hugepages-") {
            w.write(1, "\(name)\t0 (0%)\t0 (0%)\n")
        }
    }

    static func namespace(_ w: inout DescribeWriter, _ ns: JSONValue, store: ObjectStore) {
        w.write(0, "Name:\t\(ns.name)\n")
        S.labels(&w, "Labels", ns.labels)
        S.annotations(&w, "Annotations", ns.annotations)
        w.write(0, "Status:\t\(ns.status["phase"].string ?? "")\n")
        let conditions = ns.status["conditions"].items
        if !conditions.isEmpty {
            w.write(0, "Conditions:\n")
            w.write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n")
            w.write(1, "----\t------\t------------------\t------\t-------\n")
            for c in conditions {
                w.write(1, "\(c["type"].string ?? "")\t\(c["status"].string ?? "")\t\(S.rfc1123z(c["lastTransitionTime"].string))\t\(c["reason"].string ?? "")\t\(c["message"].string ?? "")\n")
            }
        }
        w.write(0, "\n")
        let quotas = ResourceRegistry.lookup("resourcequotas").map { store.list($0, namespace: ns.name) } ?? []
        if quotas.isEmpty {
            w.write(0, "No resource quota.\n")
        } else {
            w.write(0, "Resource Quotas\n")
            for q in quotas.sorted(by: { S.goLess($0.name, $1.name) }) {
                w.write(1, "Name:\t\(q.name)\n")
                w.write(1, "Resource\tUsed\tHard\n")
                w.write(1, "--------\t---\t---\n")
                let hard = q.status["hard"]
                for k in (hard.object?.keys.map { $0 } ?? []).sorted(by: S.goLess) {
                    w.write(1, "\(k)\t\(q.status["used"][k].scalarText ?? "0")\t\(hard[k].scalarText ?? "")\n")
                }
            }
        }
        w.write(0, "\n")
        let limits = ResourceRegistry.lookup("limitranges").map { store.list($0, namespace: ns.name) } ?? []
        if limits.isEmpty {
            w.write(0, "No LimitRange resource.\n")
        } else {
            w.write(0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n")
            w.write(0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n")
        }
    }

    static func configMap(_ w: inout DescribeWriter, _ cm: JSONValue, _ events: [JSONValue]?, now: Millis) {
        w.write(0, "Name:\t\(cm.name)\n")
        w.write(0, "Namespace:\t\(cm.namespace ?? "")\n")
        S.labels(&w, "Labels", cm.labels)
        S.annotations(&w, "Annotations", cm.annotations)
        w.write(0, "\nData\n====\n")
        // Go ranges over a map here (random order); sorted keys keep the output reproducible.
        let data = cm["data"]
        for k in (data.object?.keys.map { $0 } ?? []).sorted(by: S.goLess) {
            w.write(0, "\(k):\n----\n")
            w.write(0, "\(data[k].scalarText ?? "")\n")
            w.write(0, "\n")
        }
        w.write(0, "\nBinaryData\n====\n")
        let binary = cm["binaryData"]
        for k in (binary.object?.keys.map { $0 } ?? []).sorted(by: S.goLess) {
            w.write(0, "\(k): \(base64DecodedLength(binary[k].string ?? "")) bytes\n")
        }
        w.write(0, "\n")
        eventsSection(&w, events, now: now)
    }

    static func base64DecodedLength(_ s: String) -> Int {
        let chars = s.utf8.filter { $0 != 10 && $0 != 13 }
        let padding = chars.reversed().prefix { $0 == 61 }.count
        return max(0, chars.count / 4 * 3 - padding)
    }

    static func secret(_ w: inout DescribeWriter, _ secret: JSONValue) {
        w.write(0, "Name:\t\(secret.name)\n")
        w.write(0, "Namespace:\t\(secret.namespace ?? "")\n")
        S.labels(&w, "Labels", secret.labels)
        S.annotations(&w, "Annotations", secret.annotations)
        let type = secret["type"].string ?? "Opaque"
        w.write(0, "\nType:\t\(type)\n")
        w.write(0, "\nData\n====\n")
        let data = secret["data"]
        for k in (data.object?.keys.map { $0 } ?? []).sorted(by: S.goLess) {
            let encoded = data[k].string ?? ""
            if k == "token" && type == "kubernetes.io/service-account-token" {
                w.write(0, "\(k):\t\(String(decoding: Base64.decode(encoded) ?? [], as: UTF8.self))\n")
            } else {
                w.write(0, "\(k):\t\(base64DecodedLength(encoded)) bytes\n")
            }
        }
    }

    static func storageClass(_ w: inout DescribeWriter, _ sc: JSONValue, _ events: [JSONValue]?, now: Millis) {
        w.write(0, "Name:\t\(sc.name)\n")
        w.write(0, "IsDefaultClass:\t\(StorageTables.isDefaultClass(sc) ? "Yes" : "No")\n")
        w.write(0, "Annotations:\t\(CellFormat.labels(sc.annotations))\n")
        w.write(0, "Provisioner:\t\(sc["provisioner"].string ?? "")\n")
        w.write(0, "Parameters:\t\(CellFormat.labels(sc["parameters"].stringMap))\n")
        let expansion = sc["allowVolumeExpansion"].bool.map { $0 ? "True" : "False" } ?? "<unset>"
        w.write(0, "AllowVolumeExpansion:\t\(expansion)\n")
        let options = sc["mountOptions"].items.compactMap(\.string)
        if options.isEmpty {
            w.write(0, "MountOptions:\t<none>\n")
        } else {
            w.write(0, "MountOptions:\n")
            for o in options { w.write(1, "\(o)\n") }
        }
        if let p = sc["reclaimPolicy"].string { w.write(0, "ReclaimPolicy:\t\(p)\n") }
        if let m = sc["volumeBindingMode"].string { w.write(0, "VolumeBindingMode:\t\(m)\n") }
        eventsSection(&w, events, now: now)
    }

    static func serviceAccount(_ w: inout DescribeWriter, _ sa: JSONValue, _ events: [JSONValue]?, now: Millis) {
        w.write(0, "Name:\t\(sa.name)\n")
        w.write(0, "Namespace:\t\(sa.namespace ?? "")\n")
        S.labels(&w, "Labels", sa.labels)
        S.annotations(&w, "Annotations", sa.annotations)
        let empty = "                   "
        let groups: [(String, [String])] = [
            ("Image pull secrets:", sa["imagePullSecrets"].items.compactMap { $0["name"].string }),
            ("Mountable secrets: ", sa["secrets"].items.compactMap { $0["name"].string }),
            ("Tokens:            ", []),
        ]
        for (header, names) in groups {
            if names.isEmpty {
                w.write(0, "\(header)\t<none>\n")
            } else {
                var prefix = header
                for n in names {
                    w.write(0, "\(prefix)\t\(n)\n")
                    prefix = empty
                }
            }
        }
        eventsSection(&w, events, now: now)
    }

    /// Kinds without their own describer (kubectl's generic describer): name, namespace, labels,
    /// annotations, then every other field of the object, sorted, with "smart" labels.
    static func generic(_ w: inout DescribeWriter, _ object: JSONValue, _ events: [JSONValue]?, now: Millis) {
        w.write(0, "Name:\t\(object.name)\n")
        w.write(0, "Namespace:\t\(object.namespace ?? "")\n")
        S.labels(&w, "Labels", object.labels)
        S.annotations(&w, "Annotations", object.annotations)
        let skip: Set<String> = [".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels",
                                 ".metadata.annotations"]
        unstructured(&w, 0, object.object ?? [:], prefix: "", skip: skip)
        eventsSection(&w, events, now: now)
    }

    private static func unstructured<D: Sequence>(_ w: inout DescribeWriter, _ level: Int, _ content: D, prefix: String,
                                                   skip: Set<String>) where D.Element == (key: String, value: JSONValue)
    {
        let fields = content.sorted { S.goLess($0.key, $1.key) }
        for (field, value) in fields {
            let path = "\(prefix).\(field)"
            if skip.contains(path) { continue }
            switch value {
            case .object(let o):
                w.write(level, "\(smartLabel(field)):\n")
                unstructured(&w, level + 1, o.map { (key: $0.key, value: $0.value) }, prefix: path, skip: skip)
            case .array(let items):
                w.write(level, "\(smartLabel(field)):\n")
                for item in items {
                    if case .object(let o) = item {
                        unstructured(&w, level + 1, o.map { (key: $0.key, value: $0.value) }, prefix: path, skip: skip)
                    } else {
                        w.write(level + 1, "\(GoFormat.plain(item))\n")
                    }
                }
            default:
                w.write(level, "\(smartLabel(field)):\t\(GoFormat.plain(value))\n")
            }
        }
    }

    /// `apiVersion` → `API Version`, `creationTimestamp` → `Creation Timestamp`; names with characters
    /// other than letters and `-` are kept as they are.
    static func smartLabel(_ field: String) -> String {
        if field.unicodeScalars.contains(where: { !$0.properties.isAlphabetic && $0 != "-" }) { return field }
        enum Class { case lower, upper, other }
        func cls(_ c: Character) -> Class { c.isLowercase ? .lower : (c.isUppercase ? .upper : .other) }
        var runs: [[Character]] = []
        var last: Class? = nil
        for c in field {
            let k = cls(c)
            if k == last, !runs.isEmpty { runs[runs.count - 1].append(c) } else { runs.append([c]) }
            last = k
        }
        // An upper-case run followed by a lower-case run gives its last letter to the next word (`ABCDef`).
        var i = 0
        while i + 1 < runs.count {
            if let f = runs[i].first, cls(f) == .upper, let g = runs[i + 1].first, cls(g) == .lower {
                let moved = runs[i].removeLast()
                runs[i + 1].insert(moved, at: 0)
            }
            i += 1
        }
        let acronyms: Set<String> = ["API", "URL", "UID", "OSB", "GUID"]
        return runs.filter { !$0.isEmpty && $0 != ["_"] }.map { run -> String in
            let word = String(run)
            if acronyms.contains(word.uppercased()) { return word.uppercased() }
            return word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }
}
