import KubeAPI

/// The pod `kubectl logs TYPE/NAME` reads (polymorphichelpers' logsForObject with
/// podutils.ByLogging): scheduled before unscheduled, Running (and finished) before Unknown
/// before Pending, ready before not ready, more restarts first, older first. With more than one
/// candidate kubectl says which it took (`Found 3 pods, using pod/pi-abcde`).
enum PodLoggingOrder {
    /// The kinds polymorphichelpers' `SelectorsForObject` finds pods for; logs of any other kind
    /// (a CronJob, a ConfigMap) are refused before pods are looked for.
    static let selectorKinds: Set<String> = ["ReplicaSet", "ReplicationController", "StatefulSet", "DaemonSet", "Deployment", "Job", "Service"]

    static func pod(of object: JSONValue, type r: ResourceType, call: Invocation) throws -> JSONValue {
        guard selectorKinds.contains(r.kind) else {
            // `%T` of the object the builder decoded: a built-in Go type, or unstructured for a custom resource.
            let goType = ResourceRegistry.all.contains(r) ? "*\(r.version).\(r.kind)" : "*unstructured.Unstructured"
            throw KubectlFailure.error("cannot get the logs from \(goType): selector for \(goType) not implemented")
        }
        let selectorObject = r.kind == "Service" ? ["matchLabels": object["spec"]["selector"]] : object["spec"]["selector"]
        let selector = LabelSelector(object: selectorObject)
        let candidates = call.store.list(PodTarget.pods, namespace: object.namespace).filter { selector.matches($0.labels) }
            .sorted { $0.name < $1.name }
        let ranked = candidates.enumerated().sorted { a, b in
            before(a.element, b.element) || (!before(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
        guard let pod = ranked.first else {
            throw KubectlFailure.error("timed out waiting for the condition")
        }
        if ranked.count > 1 { call.err("Found \(ranked.count) pods, using pod/\(pod.name)\n") }
        return pod
    }

    /// Go's map lookup gives phases other than Unknown and Pending the rank of Running.
    static func phaseRank(_ pod: JSONValue) -> Int {
        switch pod["status"]["phase"].string {
        case "Unknown": 1
        case "Pending": 2
        default: 0
        }
    }

    static func isReady(_ pod: JSONValue) -> Bool {
        pod["status"]["conditions"].items.contains { $0["type"].string == "Ready" && $0["status"].string == "True" }
    }

    static func maxRestarts(_ pod: JSONValue) -> Int {
        pod["status"]["containerStatuses"].items.map { $0["restartCount"].int ?? 0 }.max() ?? 0
    }

    static func before(_ a: JSONValue, _ b: JSONValue) -> Bool {
        let na = !(a["spec"]["nodeName"].string ?? "").isEmpty, nb = !(b["spec"]["nodeName"].string ?? "").isEmpty
        if na != nb { return na }
        if phaseRank(a) != phaseRank(b) { return phaseRank(a) < phaseRank(b) }
        if isReady(a) != isReady(b) { return isReady(a) }
        if maxRestarts(a) != maxRestarts(b) { return maxRestarts(a) > maxRestarts(b) }
        let ca = a.creationTimestamp ?? "", cb = b.creationTimestamp ?? ""
        if ca != cb { return !ca.isEmpty && (cb.isEmpty || ca < cb) }
        return false
    }
}
