/// Service (v1): a DNS-1035 name; the allocated cluster IPs and node ports survive a replace
/// (the allocation itself is the API server's `ServiceAllocation`).
extension KindDescriptor {
    static let service = KindDescriptor(
        ResourceType(kind: "Service", plural: "services", shortNames: ["svc"], categories: ["all"]),
        schema: CoreSchemas.service, nameRule: .dns1035, defaults: { obj, _, old in Defaulting.service(&obj, old: old) },
        validate: { v, obj in v.service(obj["spec"]) }, validateUpdate: UpdateValidation.service)
}

extension Defaulting {
    static func service(_ obj: inout JSONValue, old: JSONValue?) {
        child(&obj, "spec", create: true) { spec in
            setDefault(&spec, "sessionAffinity", "None")
            setDefault(&spec, "type", "ClusterIP")
            let type = spec["type"].string ?? "ClusterIP"
            eachElement(&spec, "ports") { p in
                setDefault(&p, "protocol", "TCP")
                if p["targetPort"].isNull || p["targetPort"] == 0 || p["targetPort"] == "" { p["targetPort"] = p["port"] }
            }
            if type == "NodePort" || type == "LoadBalancer" { setDefault(&spec, "externalTrafficPolicy", "Cluster") }
            if type != "ExternalName" { setDefault(&spec, "internalTrafficPolicy", "Cluster") }
            if type == "LoadBalancer" { setDefault(&spec, "allocateLoadBalancerNodePorts", true) }
            if spec["sessionAffinity"].string == "ClientIP" {
                child(&spec, "sessionAffinityConfig", create: true) { c in
                    child(&c, "clientIP", create: true) { setDefault(&$0, "timeoutSeconds", 10800) }
                }
            }
            if let old {
                // Updates keep allocated addresses the client did not send.
                let oldSpec = old["spec"]
                if spec["clusterIP"].isNull || spec["clusterIP"] == "" { spec["clusterIP"] = oldSpec["clusterIP"] }
                if spec["clusterIPs"].isNull {
                    if spec["clusterIP"] == oldSpec["clusterIP"] { spec["clusterIPs"] = oldSpec["clusterIPs"] }
                    else if let ip = spec["clusterIP"].string { spec["clusterIPs"] = [.string(ip)] }
                }
                for key in ["ipFamilies", "ipFamilyPolicy"] where spec[key].isNull { spec[key] = oldSpec[key] }
                eachElement(&spec, "ports") { p in
                    guard p["nodePort"].isNull else { return }
                    if let match = old["spec"]["ports"].items.first(where: { $0["port"] == p["port"] && $0["protocol"] == p["protocol"] }),
                       !match["nodePort"].isNull { p["nodePort"] = match["nodePort"] }
                }
            }
            if type != "ExternalName" {
                if let ip = spec["clusterIP"].string, !ip.isEmpty, spec["clusterIPs"].isNull { spec["clusterIPs"] = [.string(ip)] }
                setDefault(&spec, "ipFamilies", ["IPv4"])
                setDefault(&spec, "ipFamilyPolicy", "SingleStack")
            }
        }
        if old == nil { obj["status"] = ["loadBalancer": .emptyObject] }
    }
}

extension Validation {
    mutating func service(_ spec: JSONValue) {
        let type = spec["type"].string ?? "ClusterIP"
        let types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]
        if !types.contains(type) { add("spec.type", .unsupported(value: GoFormat.quoted(type), allowed: types)) }
        if let affinity = spec["sessionAffinity"].string, affinity != "ClientIP", affinity != "None" {
            add("spec.sessionAffinity", .unsupported(value: GoFormat.quoted(affinity), allowed: ["ClientIP", "None"]))
        }
        let headless = spec["clusterIP"].string == "None"
        let ports = spec["ports"].items
        if type == "ExternalName" {
            if (spec["externalName"].string ?? "").isEmpty { add("spec.externalName", .required) }
        } else if ports.isEmpty && !headless {
            add("spec.ports", .required)
        }
        if headless && (type == "NodePort" || type == "LoadBalancer") {
            add("spec.clusterIPs[0]", .invalid(value: GoFormat.quoted("None")), "may not be set to 'None' for \(type) services")
        }
        var names: Set<String> = []
        for (i, p) in ports.enumerated() {
            let pp = "spec.ports[\(i)]"
            let name = p["name"].string ?? ""
            if ports.count > 1 && name.isEmpty { add(pp + ".name", .required) }
            if !name.isEmpty {
                for m in NameRules.dns1123Label(name) { add(pp + ".name", .invalid(value: GoFormat.quoted(name)), m) }
                if !names.insert(name).inserted { add(pp + ".name", .duplicate(value: GoFormat.quoted(name))) }
            }
            if let port = p["port"].int {
                if port < 1 || port > 65535 { add(pp + ".port", .invalid(value: String(port)), "must be between 1 and 65535, inclusive") }
            } else { add(pp + ".port", .required) }
            if let proto = p["protocol"].string, !["SCTP", "TCP", "UDP"].contains(proto) {
                add(pp + ".protocol", .unsupported(value: GoFormat.quoted(proto), allowed: ["SCTP", "TCP", "UDP"]))
            }
            switch p["targetPort"] {
            case .int(let t) where t < 1 || t > 65535:
                add(pp + ".targetPort", .invalid(value: String(t)), "must be between 1 and 65535, inclusive")
            case .string(let s):
                if Int(s) == nil { for m in portNameErrors(s) { add(pp + ".targetPort", .invalid(value: GoFormat.quoted(s)), m) } }
            default: break
            }
            if let nodePort = p["nodePort"].int, nodePort != 0 {
                if type == "ClusterIP" { add(pp + ".nodePort", .forbidden, "may not be used when `type` is 'ClusterIP'") }
            }
        }
        labelsOnly(spec["selector"], path: "spec.selector")
    }
}

extension UpdateValidation {
    /// A Service's first cluster IP may not change once allocated (unless it is or becomes ExternalName).
    static func service(_ new: JSONValue, old: JSONValue) -> [FieldError] {
        let oldSpec = old["spec"], newSpec = new["spec"]
        let oldIPs = oldSpec["clusterIPs"].items.compactMap(\.string)
        let newIPs = newSpec["clusterIPs"].items.compactMap(\.string)
        let oldType = oldSpec["type"].string ?? "ClusterIP", newType = newSpec["type"].string ?? "ClusterIP"
        guard oldType != "ExternalName", newType != "ExternalName", let first = oldIPs.first, !first.isEmpty,
              newIPs.first != first else { return [] }
        return [FieldError("spec.clusterIPs[0]", .invalid(value: GoFormat.stringSlice(newIPs)), "may not change once set")]
    }
}
