import KubeAPI

/// Service and Endpoints tables (printers.go `printService`, `printEndpoints`).
enum NetworkTables {
    static let service = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Type"), TableColumn("Cluster-IP"), TableColumn("External-IP"),
                  TableColumn("Port(s)"), TableColumn("Age"), TableColumn("Selector", wide: true)],
        row: { o, now in
            let spec = o.spec
            let type = spec["type"].string ?? "ClusterIP"
            var clusterIP = spec["clusterIPs"][0].string ?? spec["clusterIP"].string ?? CellFormat.none
            if clusterIP.isEmpty { clusterIP = CellFormat.none }
            var ports = portString(spec["ports"])
            if ports.isEmpty { ports = CellFormat.none }
            return [o.name, type, clusterIP, externalIP(o, wide: false), ports, CellFormat.age(of: o, now: now),
                    CellFormat.labels(spec["selector"].stringMap)]
        })

    /// The wide table differs only in that load-balancer addresses are not clipped.
    static func serviceRow(_ o: JSONValue, now: Millis, wide: Bool) -> [String] {
        var cells = service.row(o, now)
        if wide, cells.count > 3 { cells[3] = externalIP(o, wide: true) }
        return cells
    }

    static func portString(_ ports: JSONValue) -> String {
        ports.items.map { p in
            let port = p["port"].int ?? 0
            let proto = p["protocol"].string ?? "TCP"
            if let node = p["nodePort"].int, node > 0 { return "\(port):\(node)/\(proto)" }
            return "\(port)/\(proto)"
        }.joined(separator: ",")
    }

    static func externalIP(_ o: JSONValue, wide: Bool) -> String {
        let externalIPs = o.spec["externalIPs"].items.compactMap(\.string)
        switch o.spec["type"].string ?? "ClusterIP" {
        case "ClusterIP", "NodePort":
            return externalIPs.isEmpty ? CellFormat.none : externalIPs.joined(separator: ",")
        case "LoadBalancer":
            var lb = o.status["loadBalancer"]["ingress"].items.compactMap { i -> String? in
                if let ip = i["ip"].string, !ip.isEmpty { return ip }
                if let h = i["hostname"].string, !h.isEmpty { return h }
                return nil
            }.joined(separator: ",")
            if !wide && lb.unicodeScalars.count > 16 { lb = String(lb.unicodeScalars.prefix(13)) + "..." }
            if !externalIPs.isEmpty {
                let parts = (lb.isEmpty ? [] : lb.split(separator: ",").map(String.init)) + externalIPs
                return parts.joined(separator: ",")
            }
            return lb.isEmpty ? "<pending>" : lb
        case "ExternalName":
            return o.spec["externalName"].string ?? ""
        default:
            return "<unknown>"
        }
    }

    static let endpoints = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Endpoints"), TableColumn("Age")],
        row: { o, now in [o.name, formatEndpoints(o), CellFormat.age(of: o, now: now)] })

    /// Up to three ready `ip:port` pairs, then ` + N more...`.
    static func formatEndpoints(_ o: JSONValue) -> String {
        let subsets = o["subsets"].items
        if subsets.isEmpty { return CellFormat.none }
        let max = 3
        var list: [String] = []
        var more = false
        var count = 0
        for ss in subsets {
            let addresses = ss["addresses"].items.map { $0["ip"].string ?? "" }
            let ports = ss["ports"].items
            if ports.isEmpty {
                count += addresses.count
                for ip in addresses {
                    if list.count == max { more = true; break }
                    list.append(ip)
                }
                continue
            }
            for port in ports {
                count += addresses.count
                for ip in addresses {
                    if list.count == max { more = true; break }
                    let p = port["port"].int ?? 0
                    list.append(ip.contains(":") ? "[\(ip)]:\(p)" : "\(ip):\(p)")
                }
            }
        }
        let joined = list.joined(separator: ",")
        if more { return "\(joined) + \(count - max) more..." }
        return joined
    }
}
