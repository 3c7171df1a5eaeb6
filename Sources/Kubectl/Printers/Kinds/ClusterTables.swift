import KubeAPI

/// Tables for nodes, namespaces, config objects, events, RBAC and the server's default table.
enum ClusterTables {
    static let node = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Status"), TableColumn("Roles"), TableColumn("Age"),
                  TableColumn("Version"), TableColumn("Internal-IP", wide: true), TableColumn("External-IP", wide: true),
                  TableColumn("OS-Image", wide: true), TableColumn("Kernel-Version", wide: true),
                  TableColumn("Container-Runtime", wide: true)],
        row: { o, now in
            let info = o.status["nodeInfo"]
            func known(_ v: JSONValue) -> String {
                guard let s = v.string, !s.isEmpty else { return "<unknown>" }
                return s
            }
            return [o.name, nodeStatus(o), nodeRoles(o), CellFormat.age(of: o, now: now),
                    info["kubeletVersion"].string ?? "", nodeAddress(o, "InternalIP"), nodeAddress(o, "ExternalIP"),
                    known(info["osImage"]), known(info["kernelVersion"]), known(info["containerRuntimeVersion"])]
        })

    /// `Ready`, `NotReady` or `Unknown` from the Ready condition, plus `,SchedulingDisabled` when cordoned.
    static func nodeStatus(_ o: JSONValue) -> String {
        var parts: [String] = []
        if let ready = o.status["conditions"].items.last(where: { $0["type"].string == "Ready" }) {
            parts.append(ready["status"].string == "True" ? "Ready" : "NotReady")
        } else {
            parts.append("Unknown")
        }
        if o.spec["unschedulable"].bool == true { parts.append("SchedulingDisabled") }
        return parts.joined(separator: ",")
    }

    static func nodeRoles(_ o: JSONValue) -> String {
        var roles = Set<String>()
        for (k, v) in o.labels {
            if k.hasPrefix("node-role.kubernetes.io/") {
                let role = String(k.dropFirst("node-role.kubernetes.io/".count))
                if !role.isEmpty { roles.insert(role) }
            } else if k == "kubernetes.io/role", !v.isEmpty {
                roles.insert(v)
            }
        }
        return roles.isEmpty ? CellFormat.none : roles.sorted().joined(separator: ",")
    }

    static func nodeAddress(_ o: JSONValue, _ type: String) -> String {
        o.status["addresses"].items.first { $0["type"].string == type }?["address"].string ?? CellFormat.none
    }

    static let namespace = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Status"), TableColumn("Age")],
        row: { o, now in [o.name, o.status["phase"].string ?? "", CellFormat.age(of: o, now: now)] })

    static let configMap = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Data"), TableColumn("Age")],
        row: { o, now in
            let n = (o["data"].object?.count ?? 0) + (o["binaryData"].object?.count ?? 0)
            return [o.name, String(n), CellFormat.age(of: o, now: now)]
        })

    static let secret = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Type"), TableColumn("Data"), TableColumn("Age")],
        row: { o, now in
            [o.name, o["type"].string ?? "", String(o["data"].object?.count ?? 0), CellFormat.age(of: o, now: now)]
        })

    static let serviceAccount = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Secrets"), TableColumn("Age")],
        row: { o, now in [o.name, String(o["secrets"].items.count), CellFormat.age(of: o, now: now)] })

    /// Event columns in the wide order; the narrow table is the non-wide subset, which keeps
    /// MESSAGE after OBJECT just as kubectl does.
    static let event = ResourceTable(
        columns: [TableColumn("Last Seen"), TableColumn("Type"), TableColumn("Reason"), TableColumn("Object"),
                  TableColumn("Subobject", wide: true), TableColumn("Source", wide: true), TableColumn("Message"),
                  TableColumn("First Seen", wide: true), TableColumn("Count", wide: true),
                  TableColumn("Name", wide: true)],
        row: { o, now in
            let t = EventTimes(o, now: now)
            let involved = o["involvedObject"]
            let kind = (involved["kind"].string ?? "").lowercased()
            let name = involved["name"].string ?? ""
            let target = name.isEmpty ? kind : "\(kind)/\(name)"
            return [t.last, o["type"].string ?? "", o["reason"].string ?? "", target,
                    involved["fieldPath"].string ?? "", eventSource(o), trimmed(o["message"].string ?? ""),
                    t.first, String(t.count), o.name]
        })

    static func trimmed(_ s: String) -> String {
        var scalars = Substring(s).unicodeScalars
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// `component, host` (falling back to the reporting controller and instance).
    static func eventSource(_ o: JSONValue) -> String {
        func first(_ a: String?, _ b: String?) -> String {
            if let a, !a.isEmpty { return a }
            return b ?? ""
        }
        let component = first(o["source"]["component"].string, o["reportingComponent"].string)
        let host = first(o["source"]["host"].string, o["reportingInstance"].string)
        return host.isEmpty ? component : "\(component), \(host)"
    }

    static let roleBinding = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Role"), TableColumn("Age"), TableColumn("Users", wide: true),
                  TableColumn("Groups", wide: true), TableColumn("ServiceAccounts", wide: true)],
        row: { o, now in
            var users: [String] = []
            var groups: [String] = []
            var sas: [String] = []
            for s in o["subjects"].items {
                let name = s["name"].string ?? ""
                switch s["kind"].string ?? "" {
                case "User": users.append(name)
                case "Group": groups.append(name)
                case "ServiceAccount": sas.append("\(s["namespace"].string ?? "")/\(name)")
                default: break
                }
            }
            let role = "\(o["roleRef"]["kind"].string ?? "")/\(o["roleRef"]["name"].string ?? "")"
            return [o.name, role, CellFormat.age(of: o, now: now), users.joined(separator: ", "),
                    groups.joined(separator: ", "), sas.joined(separator: ", ")]
        })

    static let podDisruptionBudget = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Min Available"), TableColumn("Max Unavailable"),
                  TableColumn("Allowed Disruptions"), TableColumn("Age")],
        row: { o, now in
            [o.name, o.spec["minAvailable"].scalarText ?? "N/A", o.spec["maxUnavailable"].scalarText ?? "N/A",
             String(o.status["disruptionsAllowed"].int ?? 0), CellFormat.age(of: o, now: now)]
        })

    static let resourceQuota = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Age"), TableColumn("Request"), TableColumn("Limit")],
        row: { o, now in
            var request: [String] = []
            var limit: [String] = []
            let hard = o.status["hard"]
            for key in (hard.object?.keys.map { $0 } ?? []).sorted() {
                let used = o.status["used"][key].scalarText ?? "0"
                let cell = "\(key): \(used)/\(hard[key].scalarText ?? "0")"
                if key.hasPrefix("limits.") { limit.append(cell) } else { request.append(cell) }
            }
            return [o.name, CellFormat.age(of: o, now: now), request.joined(separator: ", "), limit.joined(separator: ", ")]
        })

    static let componentStatus = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Status"), TableColumn("Message"), TableColumn("Error")],
        row: { o, _ in
            let c = o["conditions"].items.first { $0["type"].string == "Healthy" }
            let status = c.map { $0["status"].string == "True" ? "Healthy" : "Unhealthy" } ?? "Unknown"
            return [o.name, status, c?["message"].string ?? "", c?["error"].string ?? ""]
        })

    /// `creationTimestamp` in RFC3339, the cell of the API server's default table.
    static func createdAtCell(_ o: JSONValue) -> String {
        guard let t = o.creationTimestamp, let ms = Timestamp.parse(t) else { return "<unknown>" }
        return Timestamp.rfc3339(ms)
    }

    static let createdAt = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Created At")],
        row: { o, _ in [o.name, createdAtCell(o)] })

    /// The API server's table for kinds without a printer (roles, clusterroles, ...).
    static let defaultTable = createdAt
}
