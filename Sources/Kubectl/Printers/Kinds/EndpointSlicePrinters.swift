import KubeAPI

/// EndpointSlice's table (printers.go `printEndpointSlice`: NAME ADDRESSTYPE PORTS ENDPOINTS AGE)
/// and describer (describe.go `describeEndpointSliceV1`).
enum EndpointSlicePrinters {
    static let table = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("AddressType"), TableColumn("Ports"), TableColumn("Endpoints"), TableColumn("Age")],
        row: { o, now in
            [o.name, o["addressType"].string ?? "", ports(o["ports"]), endpoints(o["endpoints"]), CellFormat.age(of: o, now: now)]
        })

    /// Up to three port numbers (a port without a number shows its name, or `*`), then ` + N more...`.
    static func ports(_ ports: JSONValue) -> String {
        listWithMore(ports.items.map { p in p["port"].int.map(String.init) ?? p["name"].string ?? "*" })
    }

    /// Up to three addresses over all endpoints, then ` + N more...`.
    static func endpoints(_ endpoints: JSONValue) -> String {
        listWithMore(endpoints.items.flatMap { $0["addresses"].items.compactMap(\.string) })
    }

    /// listWithMoreString: the first three joined by commas, ` + N more...` past them, `<unset>` for none.
    static func listWithMore(_ all: [String]) -> String {
        let max = 3
        if all.isEmpty { return "<unset>" }
        let shown = all.prefix(max).joined(separator: ",")
        return all.count > max ? "\(shown) + \(all.count - max) more..." : shown
    }

    static func describe(_ w: inout DescribeWriter, _ eps: JSONValue, _ events: [JSONValue]?, now: Millis) {
        w.write(0, "Name:\t\(eps.name)\n")
        w.write(0, "Namespace:\t\(eps.namespace ?? "")\n")
        DescribeSections.labels(&w, "Labels", eps.labels)
        DescribeSections.annotations(&w, "Annotations", eps.annotations)
        w.write(0, "AddressType:\t\(eps["addressType"].string ?? "")\n")
        let ports = eps["ports"].items
        if ports.isEmpty {
            w.write(0, "Ports: <unset>\n")
        } else {
            w.write(0, "Ports:\n")
            w.write(1, "Name\tPort\tProtocol\n")
            w.write(1, "----\t----\t--------\n")
            for p in ports {
                let name = p["name"].string.flatMap { $0.isEmpty ? nil : $0 } ?? "<unset>"
                w.write(1, "\(name)\t\(p["port"].int.map(String.init) ?? "<unset>")\t\(p["protocol"].string ?? "")\n")
            }
        }
        let endpoints = eps["endpoints"].items
        if endpoints.isEmpty {
            w.write(0, "Endpoints: <none>\n")
        } else {
            w.write(0, "Endpoints:\n")
            for e in endpoints {
                let addresses = e["addresses"].items.compactMap(\.string).joined(separator: ", ")
                w.write(1, "- Addresses:\t\(addresses.isEmpty ? "<none>" : addresses)\n")
                w.write(2, "Conditions:\n")
                w.write(3, "Ready:\t\(e["conditions"]["ready"].bool.map { $0 ? "true" : "false" } ?? "<unset>")\n")
                w.write(2, "Hostname:\t\(e["hostname"].string ?? "<unset>")\n")
                if !e["targetRef"].isNull {
                    w.write(2, "TargetRef:\t\(e["targetRef"]["kind"].string ?? "")/\(e["targetRef"]["name"].string ?? "")\n")
                }
                w.write(2, "NodeName:\t\(e["nodeName"].string ?? "<unset>")\n")
                w.write(2, "Zone:\t\(e["zone"].string ?? "<unset>")\n")
            }
        }
        Describer.eventsSection(&w, events, now: now)
    }
}
