import KubeAPI

/// Shared describe sections (labels, annotations, events, containers, volumes ...).
enum DescribeSections {
    static func rfc1123z(_ timestamp: String?) -> String {
        guard let t = timestamp, let ms = Timestamp.parse(t) else { return "Mon, 01 Jan 0001 00:00:00 +0000" }
        return Timestamp.rfc1123z(ms)
    }

    static func since(_ timestamp: String?, now: Millis) -> String {
        guard let t = timestamp, let ms = Timestamp.parse(t) else { return "<unknown>" }
        return humanDuration(now - ms)
    }

    /// `Labels:  a=b` with later labels aligned under the first.
    static func labels(_ w: inout DescribeWriter, _ title: String, _ map: [String: String], initialIndent: String = "") {
        w.write(0, "\(initialIndent)\(title):\t")
        if map.isEmpty { w.line("<none>"); return }
        for (i, key) in map.keys.sorted(by: goLess).enumerated() {
            if i != 0 { w.write(0, initialIndent); w.write(0, "\t") }
            w.write(0, "\(key)=\(map[key] ?? "")\n")
        }
    }

    /// Annotations, skipping the last-applied configuration and folding long or multi-line values.
    static func annotations(_ w: inout DescribeWriter, _ title: String, _ map: [String: String]) {
        w.write(0, "\(title):\t")
        let keys = map.keys.filter { $0 != "kubectl.kubernetes.io/last-applied-configuration" }.sorted(by: goLess)
        if keys.isEmpty { w.line("<none>"); return }
        for (i, key) in keys.enumerated() {
            if i != 0 { w.write(0, "\t") }
            var value = map[key] ?? ""
            if value.hasSuffix("\n") { value.removeLast() }
            if value.utf8.count + key.utf8.count + 2 > 140 || value.contains("\n") {
                w.write(0, "\(key):\n")
                for s in value.split(separator: "\n", omittingEmptySubsequences: false) {
                    w.write(0, "\t  \(shorten(String(s), 138))\n")
                }
            } else {
                w.write(0, "\(key): \(value)\n")
            }
        }
    }

    private static func shorten(_ s: String, _ max: Int) -> String {
        let bytes = Array(s.utf8)
        guard bytes.count > max else { return s }
        return String(decoding: bytes[0..<max], as: UTF8.self) + "..."
    }

    /// Go's `sort.Strings` order (bytewise).
    static func goLess(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }

    /// Events about one object (matched by involvedObject.uid), oldest last-seen first.
    static func events(for object: JSONValue, in store: ObjectStore) -> [JSONValue] {
        guard let type = ResourceRegistry.lookup("events") else { return [] }
        let uid = object.uid
        let namespace = object.namespace
        let all = namespace.map { store.list(type, namespace: $0) } ?? store.list(type)
        let matched = all.filter {
            let involved = $0["involvedObject"]
            if !uid.isEmpty, let u = involved["uid"].string, !u.isEmpty { return u == uid }
            return involved["name"].string == object.name && involved["kind"].string == object.kind
        }
        return matched.enumerated().sorted { a, b in
            let l = EventTimes(a.element, now: 0).lastMillis ?? 0
            let r = EventTimes(b.element, now: 0).lastMillis ?? 0
            return l != r ? l < r : a.offset < b.offset
        }.map(\.element)
    }

    /// The `Events:` table, or `Events:  <none>`.
    static func events(_ w: inout DescribeWriter, _ events: [JSONValue], now: Millis) {
        if events.isEmpty { w.write(0, "Events:\t<none>\n"); return }
        w.flush()
        w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n")
        w.write(1, "----\t------\t----\t----\t-------\n")
        for e in events {
            let interval = EventTimes.interval(of: e, now: now)
            var source = e["source"]["component"].string ?? ""
            if source.isEmpty { source = e["reportingComponent"].string ?? "" }
            w.write(1, "\(e["type"].string ?? "")\t\(e["reason"].string ?? "")\t\(interval)\t\(source)\t\(ClusterTables.trimmed(e["message"].string ?? ""))\n")
        }
    }

    static func tolerations(_ w: inout DescribeWriter, _ title: String, _ list: [JSONValue], initialIndent: String = "") {
        w.write(0, "\(initialIndent)\(title):\t")
        if list.isEmpty { w.line("<none>"); return }
        let sorted = list.enumerated().sorted { a, b in
            let l = a.element["key"].string ?? ""
            let r = b.element["key"].string ?? ""
            return l != r ? goLess(l, r) : a.offset < b.offset
        }.map(\.element)
        for (i, t) in sorted.enumerated() {
            if i != 0 { w.write(0, initialIndent); w.write(0, "\t") }
            let key = t["key"].string ?? ""
            let value = t["value"].string ?? ""
            let effect = t["effect"].string ?? ""
            var s = key
            if !value.isEmpty { s += "=\(value)" }
            if !effect.isEmpty { s += ":\(effect)" }
            if t["operator"].string == "Exists" && value.isEmpty {
                s += (!key.isEmpty || !effect.isEmpty) ? " op=Exists" : "op=Exists"
            }
            if let secs = t["tolerationSeconds"].int { s += " for \(secs)s" }
            w.write(0, s + "\n")
        }
    }

    static func taints(_ w: inout DescribeWriter, _ list: [JSONValue]) {
        w.write(0, "Taints:\t")
        if list.isEmpty { w.line("<none>"); return }
        let sorted = list.sorted {
            goLess(($0["effect"].string ?? "") + "," + ($0["key"].string ?? ""),
                   ($1["effect"].string ?? "") + "," + ($1["key"].string ?? ""))
        }
        for (i, t) in sorted.enumerated() {
            if i != 0 { w.write(0, "\t") }
            let value = t["value"].string ?? ""
            let text = (t["key"].string ?? "") + (value.isEmpty ? "" : "=\(value)") + ":" + (t["effect"].string ?? "")
            w.write(0, text + "\n")
        }
    }

    /// `Pod Template:` with labels, containers, volumes, node-selectors and tolerations.
    static func podTemplate(_ w: inout DescribeWriter, _ template: JSONValue) {
        w.write(0, "Pod Template:\n")
        labels(&w, "  Labels", template["metadata"]["labels"].stringMap)
        let annotationMap = template["metadata"]["annotations"].stringMap
        if !annotationMap.isEmpty { annotations(&w, "  Annotations", annotationMap) }
        let spec = template["spec"]
        if let sa = spec["serviceAccountName"].string, !sa.isEmpty { w.write(1, "Service Account:\t\(sa)\n") }
        if !spec["initContainers"].items.isEmpty {
            containers(&w, "Init Containers", spec["initContainers"].items, statuses: nil, pod: nil, space: "  ")
        }
        containers(&w, "Containers", spec["containers"].items, statuses: nil, pod: nil, space: "  ")
        volumes(&w, spec["volumes"].items, space: "  ")
        if let pc = spec["priorityClassName"].string, !pc.isEmpty { w.write(1, "Priority Class Name:\t\(pc)\n") }
        labels(&w, "  Node-Selectors", spec["nodeSelector"].stringMap)
        tolerations(&w, "  Tolerations", spec["tolerations"].items)
    }

    static func containers(_ w: inout DescribeWriter, _ label: String, _ list: [JSONValue], statuses: [JSONValue]?,
                           pod: JSONValue?, space: String)
    {
        w.write(0, "\(space)\(label):\(list.isEmpty ? " <none>" : "")\n")
        for c in list {
            let name = c["name"].string ?? ""
            let status = statuses?.first { $0["name"].string == name }
            w.write(1, "\(space.isEmpty ? "" : " ")\(name):\n")
            if let status { w.write(2, "Container ID:\t\(status["containerID"].string ?? "")\n") }
            w.write(2, "Image:\t\(c["image"].string ?? "")\n")
            if let status { w.write(2, "Image ID:\t\(status["imageID"].string ?? "")\n") }
            let ports = c["ports"].items
            let portText = ports.map { "\($0["containerPort"].int ?? 0)/\($0["protocol"].string ?? "TCP")" }.joined(separator: ", ")
            let hostText = ports.map { "\($0["hostPort"].int ?? 0)/\($0["protocol"].string ?? "TCP")" }.joined(separator: ", ")
            if portText.contains(",") { w.write(2, "Ports:\t\(portText)\n") } else { w.write(2, "Port:\t\(portText.isEmpty ? "<none>" : portText)\n") }
            if hostText.contains(",") { w.write(2, "Host Ports:\t\(hostText)\n") } else { w.write(2, "Host Port:\t\(hostText.isEmpty ? "<none>" : hostText)\n") }
            for (title, key) in [("Command", "command"), ("Args", "args")] where !c[key].items.isEmpty {
                w.write(2, "\(title):\n")
                for part in c[key].items {
                    for s in (part.scalarText ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
                        w.write(3, "\(s)\n")
                    }
                }
            }
            if let status {
                containerState(&w, "State", status["state"])
                if !status["lastState"]["terminated"].isNull { containerState(&w, "Last State", status["lastState"]) }
                w.write(2, "Ready:\t\(status["ready"].bool == true ? "True" : "False")\n")
                w.write(2, "Restart Count:\t\(status["restartCount"].int ?? 0)\n")
            }
            resources(&w, c["resources"], level: 2)
            for (title, key) in [("Liveness", "livenessProbe"), ("Readiness", "readinessProbe"), ("Startup", "startupProbe")]
            where !c[key].isNull {
                w.write(2, "\(title):\t\(probe(c[key]))\n")
            }
            if !c["envFrom"].items.isEmpty {
                w.write(2, "Environment Variables from:\n")
                for e in c["envFrom"].items {
                    let isConfigMap = !e["configMapRef"].isNull
                    let ref = isConfigMap ? e["configMapRef"] : e["secretRef"]
                    let from = isConfigMap ? "ConfigMap" : (e["secretRef"].isNull ? "" : "Secret")
                    let optional = ref["optional"].bool == true
                    if let prefix = e["prefix"].string, !prefix.isEmpty {
                        w.write(3, "\(ref["name"].string ?? "")\t\(from) with prefix '\(prefix)'\tOptional: \(optional)\n")
                    } else {
                        w.write(3, "\(ref["name"].string ?? "")\t\(from)\tOptional: \(optional)\n")
                    }
                }
            }
            let env = c["env"].items
            w.write(2, "Environment:\(env.isEmpty ? "\t<none>" : "")\n")
            for e in env {
                let name = e["name"].string ?? ""
                let from = e["valueFrom"]
                if from.isNull {
                    for (i, s) in (e["value"].string ?? "").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                        w.write(3, i == 0 ? "\(name):\t\(s)\n" : "\t\(s)\n")
                    }
                } else if !from["fieldRef"].isNull {
                    let path = from["fieldRef"]["fieldPath"].string ?? ""
                    let value = pod.map { fieldValue($0, path) } ?? ""
                    w.write(3, "\(name):\t\(value) (\(from["fieldRef"]["apiVersion"].string ?? "v1"):\(path))\n")
                } else if !from["resourceFieldRef"].isNull {
                    w.write(3, "\(name):\t (\(from["resourceFieldRef"]["resource"].string ?? ""))\n")
                } else if !from["secretKeyRef"].isNull {
                    let r = from["secretKeyRef"]
                    w.write(3, "\(name):\t<set to the key '\(r["key"].string ?? "")' in secret '\(r["name"].string ?? "")'>\tOptional: \(r["optional"].bool == true)\n")
                } else if !from["configMapKeyRef"].isNull {
                    let r = from["configMapKeyRef"]
                    w.write(3, "\(name):\t<set to the key '\(r["key"].string ?? "")' of config map '\(r["name"].string ?? "")'>\tOptional: \(r["optional"].bool == true)\n")
                }
            }
            let mounts = c["volumeMounts"].items.sorted { goLess($0["mountPath"].string ?? "", $1["mountPath"].string ?? "") }
            w.write(2, "Mounts:\(mounts.isEmpty ? "\t<none>" : "")\n")
            for m in mounts {
                var flags = [m["readOnly"].bool == true ? "ro" : "rw"]
                if let sub = m["subPath"].string, !sub.isEmpty { flags.append("path=\(KubeAPI.GoFormat.quoted(sub))") }
                w.write(3, "\(m["mountPath"].string ?? "") from \(m["name"].string ?? "") (\(flags.joined(separator: ",")))\n")
            }
        }
    }

    /// The few downward-API fields pods commonly read.
    static func fieldValue(_ pod: JSONValue, _ path: String) -> String {
        switch path {
        case "metadata.name": return pod.name
        case "metadata.namespace": return pod.namespace ?? ""
        case "metadata.uid": return pod.uid
        case "spec.nodeName": return pod.spec["nodeName"].string ?? ""
        case "spec.serviceAccountName": return pod.spec["serviceAccountName"].string ?? ""
        case "status.podIP": return pod.status["podIP"].string ?? ""
        case "status.hostIP": return pod.status["hostIP"].string ?? ""
        default: return ""
        }
    }

    static func containerState(_ w: inout DescribeWriter, _ title: String, _ state: JSONValue) {
        if !state["running"].isNull {
            w.write(2, "\(title):\tRunning\n")
            w.write(3, "Started:\t\(rfc1123z(state["running"]["startedAt"].string))\n")
        } else if !state["waiting"].isNull {
            w.write(2, "\(title):\tWaiting\n")
            if let r = state["waiting"]["reason"].string, !r.isEmpty { w.write(3, "Reason:\t\(r)\n") }
        } else if !state["terminated"].isNull {
            let t = state["terminated"]
            w.write(2, "\(title):\tTerminated\n")
            if let r = t["reason"].string, !r.isEmpty { w.write(3, "Reason:\t\(r)\n") }
            if let m = t["message"].string, !m.isEmpty { w.write(3, "Message:\t\(m)\n") }
            w.write(3, "Exit Code:\t\(t["exitCode"].int ?? 0)\n")
            if let s = t["signal"].int, s > 0 { w.write(3, "Signal:\t\(s)\n") }
            w.write(3, "Started:\t\(rfc1123z(t["startedAt"].string))\n")
            w.write(3, "Finished:\t\(rfc1123z(t["finishedAt"].string))\n")
        } else {
            w.write(2, "\(title):\tWaiting\n")
        }
    }

    static func resources(_ w: inout DescribeWriter, _ r: JSONValue, level: Int) {
        for (title, key) in [("Limits", "limits"), ("Requests", "requests")] {
            guard let map = r[key].object, !map.isEmpty else { continue }
            w.write(level, "\(title):\n")
            for name in map.keys.sorted(by: goLess) {
                w.write(level + 1, "\(name):\t\(Quantity.canonical(map[name] ?? .null))\n")
            }
        }
    }

    static func probe(_ p: JSONValue) -> String {
        let attrs = "delay=\(p["initialDelaySeconds"].int ?? 0)s timeout=\(p["timeoutSeconds"].int ?? 1)s period=\(p["periodSeconds"].int ?? 10)s #success=\(p["successThreshold"].int ?? 1) #failure=\(p["failureThreshold"].int ?? 3)"
        if !p["exec"].isNull {
            return "exec [\(p["exec"]["command"].items.compactMap(\.scalarText).joined(separator: " "))] \(attrs)"
        }
        if !p["httpGet"].isNull {
            let h = p["httpGet"]
            let scheme = (h["scheme"].string ?? "HTTP").lowercased()
            let host = h["host"].string ?? ""
            let port = h["port"].scalarText ?? ""
            let hostPort = port.isEmpty ? host : (host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)")
            return "http-get \(scheme)://\(hostPort)\(h["path"].string ?? "") \(attrs)"
        }
        if !p["tcpSocket"].isNull {
            return "tcp-socket \(p["tcpSocket"]["host"].string ?? ""):\(p["tcpSocket"]["port"].scalarText ?? "") \(attrs)"
        }
        if !p["grpc"].isNull {
            return "grpc <pod>:\(p["grpc"]["port"].int ?? 0) \(p["grpc"]["service"].string ?? "") \(attrs)"
        }
        return "unknown \(attrs)"
    }

    static func volumes(_ w: inout DescribeWriter, _ list: [JSONValue], space: String) {
        if list.isEmpty { w.write(0, "\(space)Volumes:\t<none>\n"); return }
        w.write(0, "\(space)Volumes:\n")
        for v in list {
            w.write(1, "\(space.isEmpty ? "" : " ")\(v["name"].string ?? ""):\n")
            if !v["hostPath"].isNull {
                let type = v["hostPath"]["type"].string ?? "<none>"
                w.write(2, "Type:\tHostPath (bare host directory volume)\n    Path:\t\(v["hostPath"]["path"].string ?? "")\n    HostPathType:\t\(type)\n")
            } else if !v["emptyDir"].isNull {
                let limit = v["emptyDir"]["sizeLimit"].scalarText ?? "<unset>"
                w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t\(v["emptyDir"]["medium"].string ?? "")\n    SizeLimit:\t\(limit)\n")
            } else if !v["secret"].isNull {
                w.write(2, "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t\(v["secret"]["secretName"].string ?? "")\n    Optional:\t\(v["secret"]["optional"].bool == true)\n")
            } else if !v["configMap"].isNull {
                w.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t\(v["configMap"]["name"].string ?? "")\n    Optional:\t\(v["configMap"]["optional"].bool == true)\n")
            } else if !v["persistentVolumeClaim"].isNull {
                let c = v["persistentVolumeClaim"]
                w.write(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t\(c["claimName"].string ?? "")\n    ReadOnly:\t\(c["readOnly"].bool == true)\n")
            } else if !v["projected"].isNull {
                w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n")
                for s in v["projected"]["sources"].items {
                    if !s["secret"].isNull {
                        w.write(2, "SecretName:\t\(s["secret"]["name"].string ?? "")\n    SecretOptionalName:\t\(optionalBool(s["secret"]["optional"]))\n")
                    } else if !s["downwardAPI"].isNull {
                        w.write(2, "DownwardAPI:\ttrue\n")
                    } else if !s["configMap"].isNull {
                        w.write(2, "ConfigMapName:\t\(s["configMap"]["name"].string ?? "")\n    ConfigMapOptional:\t\(optionalBool(s["configMap"]["optional"]))\n")
                    } else if !s["serviceAccountToken"].isNull {
                        w.write(2, "TokenExpirationSeconds:\t\(s["serviceAccountToken"]["expirationSeconds"].int ?? 3607)\n")
                    }
                }
            } else if !v["downwardAPI"].isNull {
                w.write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n")
                for item in v["downwardAPI"]["items"].items {
                    if !item["fieldRef"].isNull {
                        w.write(3, "\(item["fieldRef"]["fieldPath"].string ?? "") -> \(item["path"].string ?? "")\n")
                    } else if !item["resourceFieldRef"].isNull {
                        w.write(3, "\(item["resourceFieldRef"]["resource"].string ?? "") -> \(item["path"].string ?? "")\n")
                    }
                }
            } else {
                w.write(2, "<unknown>\n")
            }
        }
    }

    /// `%v` of a `*bool`: `<nil>` when unset.
    static func optionalBool(_ v: JSONValue) -> String {
        v.bool.map { $0 ? "true" : "false" } ?? "<nil>"
    }

    /// `[ReadWriteOnce]`: Go's `%s` of a string slice.
    static func goList(_ v: JSONValue) -> String {
        "[" + v.items.compactMap(\.scalarText).joined(separator: " ") + "]"
    }
}
