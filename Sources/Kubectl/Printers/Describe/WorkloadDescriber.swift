import KubeAPI

/// Deployments, ReplicaSets, DaemonSets, Jobs and CronJobs as `kubectl describe` prints them.
enum WorkloadDescriber {
    typealias S = DescribeSections

    static func selectorText(_ selector: JSONValue) -> String {
        let s = CellFormat.selector(selector)
        return s == "<none>" ? "" : s
    }

    /// Running / Waiting / Succeeded / Failed counts of the pods this controller owns.
    static func podCounts(_ owner: JSONValue, store: ObjectStore) -> String {
        var r = 0, w = 0, s = 0, f = 0
        if let podType = ResourceRegistry.lookup("pods") {
            for pod in store.list(podType, namespace: owner.namespace) where pod.controllerRef?["uid"].string == owner.uid {
                switch pod.status["phase"].string ?? "" {
                case "Running": r += 1
                case "Pending": w += 1
                case "Succeeded": s += 1
                case "Failed": f += 1
                default: break
                }
            }
        }
        return "\(r) Running / \(w) Waiting / \(s) Succeeded / \(f) Failed"
    }

    private static func conditions(_ w: inout DescribeWriter, _ o: JSONValue) {
        let list = o.status["conditions"].items
        guard !list.isEmpty else { return }
        w.write(0, "Conditions:\n  Type\tStatus\tReason\n")
        w.write(1, "----\t------\t------\n")
        for c in list { w.write(1, "\(c["type"].string ?? "") \t\(c["status"].string ?? "")\t\(c["reason"].string ?? "")\n") }
    }

    static func deployment(_ w: inout DescribeWriter, _ d: JSONValue, store: ObjectStore) {
        let spec = d.spec
        let status = d.status
        w.write(0, "Name:\t\(d.name)\n")
        w.write(0, "Namespace:\t\(d.namespace ?? "")\n")
        w.write(0, "CreationTimestamp:\t\(S.rfc1123z(d.creationTimestamp))\n")
        S.labels(&w, "Labels", d.labels)
        S.annotations(&w, "Annotations", d.annotations)
        w.write(0, "Selector:\t\(selectorText(spec["selector"]))\n")
        func n(_ k: String) -> Int { status[k].int ?? 0 }
        w.write(0, "Replicas:\t\(spec["replicas"].int ?? 1) desired | \(n("updatedReplicas")) updated | \(n("replicas")) total | \(n("availableReplicas")) available | \(n("unavailableReplicas")) unavailable\n")
        let strategy = spec["strategy"]
        let type = strategy["type"].string ?? "RollingUpdate"
        w.write(0, "StrategyType:\t\(type)\n")
        w.write(0, "MinReadySeconds:\t\(spec["minReadySeconds"].int ?? 0)\n")
        if type == "RollingUpdate" {
            let ru = strategy["rollingUpdate"]
            w.write(0, "RollingUpdateStrategy:\t\(ru["maxUnavailable"].scalarText ?? "25%") max unavailable, \(ru["maxSurge"].scalarText ?? "25%") max surge\n")
        }
        S.podTemplate(&w, spec["template"])
        conditions(&w, d)
        var owned: [JSONValue] = []
        if let rsType = ResourceRegistry.lookup("replicasets") {
            owned = store.list(rsType, namespace: d.namespace).filter { $0.controllerRef?["uid"].string == d.uid }
        }
        if !owned.isEmpty {
            func strip(_ t: JSONValue) -> JSONValue {
                var t = t
                t["metadata"]["labels"]["pod-template-hash"] = nil
                if t["metadata"]["labels"].object?.isEmpty == true { t["metadata"]["labels"] = nil }
                return t
            }
            let current = strip(spec["template"])
            let newRS = owned.filter { strip($0.spec["template"]) == current }.prefix(1)
            let old = owned.filter { rs in !newRS.contains { $0.uid == rs.uid } }
            func text(_ list: [JSONValue]) -> String {
                let parts = list.map { "\($0.name) (\($0.status["replicas"].int ?? 0)/\($0.spec["replicas"].int ?? 1) replicas created)" }
                return parts.isEmpty ? "<none>" : parts.joined(separator: ", ")
            }
            w.write(0, "OldReplicaSets:\t\(text(old))\n")
            w.write(0, "NewReplicaSet:\t\(text(Array(newRS)))\n")
        }
    }

    static func replicaSet(_ w: inout DescribeWriter, _ rs: JSONValue, store: ObjectStore) {
        w.write(0, "Name:\t\(rs.name)\n")
        w.write(0, "Namespace:\t\(rs.namespace ?? "")\n")
        w.write(0, "Selector:\t\(CellFormat.selector(rs.spec["selector"]))\n")
        S.labels(&w, "Labels", rs.labels)
        S.annotations(&w, "Annotations", rs.annotations)
        if let ref = rs.controllerRef { w.write(0, "Controlled By:\t\(ref["kind"].string ?? "")/\(ref["name"].string ?? "")\n") }
        w.write(0, "Replicas:\t\(rs.status["replicas"].int ?? 0) current / \(rs.spec["replicas"].int ?? 1) desired\n")
        w.write(0, "Pods Status:\t")
        w.write(0, podCounts(rs, store: store) + "\n")
        S.podTemplate(&w, rs.spec["template"])
        conditions(&w, rs)
    }

    static func daemonSet(_ w: inout DescribeWriter, _ ds: JSONValue, store: ObjectStore) {
        let status = ds.status
        w.write(0, "Name:\t\(ds.name)\n")
        w.write(0, "Selector:\t\(selectorText(ds.spec["selector"]))\n")
        w.write(0, "Node-Selector:\t\(CellFormat.labels(ds.spec["template"]["spec"]["nodeSelector"].stringMap))\n")
        S.labels(&w, "Labels", ds.labels)
        S.annotations(&w, "Annotations", ds.annotations)
        w.write(0, "Desired Number of Nodes Scheduled: \(status["desiredNumberScheduled"].int ?? 0)\n")
        w.write(0, "Current Number of Nodes Scheduled: \(status["currentNumberScheduled"].int ?? 0)\n")
        w.write(0, "Number of Nodes Scheduled with Up-to-date Pods: \(status["updatedNumberScheduled"].int ?? 0)\n")
        w.write(0, "Number of Nodes Scheduled with Available Pods: \(status["numberAvailable"].int ?? 0)\n")
        w.write(0, "Number of Nodes Misscheduled: \(status["numberMisscheduled"].int ?? 0)\n")
        w.write(0, "Pods Status:\t\(podCounts(ds, store: store))\n")
        S.podTemplate(&w, ds.spec["template"])
    }

    static func job(_ w: inout DescribeWriter, _ job: JSONValue) {
        let spec = job.spec
        let status = job.status
        w.write(0, "Name:\t\(job.name)\n")
        w.write(0, "Namespace:\t\(job.namespace ?? "")\n")
        w.write(0, "Selector:\t\(selectorText(spec["selector"]))\n")
        S.labels(&w, "Labels", job.labels)
        S.annotations(&w, "Annotations", job.annotations)
        if let ref = job.controllerRef { w.write(0, "Controlled By:\t\(ref["kind"].string ?? "")/\(ref["name"].string ?? "")\n") }
        if let p = spec["parallelism"].int { w.write(0, "Parallelism:\t\(p)\n") }
        w.write(0, "Completions:\t\(spec["completions"].int.map(String.init) ?? "<unset>")\n")
        if let m = spec["completionMode"].string { w.write(0, "Completion Mode:\t\(m)\n") }
        if let s = spec["suspend"].bool { w.write(0, "Suspend:\t\(s)\n") }
        if let b = spec["backoffLimit"].int { w.write(0, "Backoff Limit:\t\(b)\n") }
        if let t = spec["ttlSecondsAfterFinished"].int { w.write(0, "TTL Seconds After Finished:\t\(t)\n") }
        let start = status["startTime"].string
        let end = status["completionTime"].string
        if let start { w.write(0, "Start Time:\t\(S.rfc1123z(start))\n") }
        if let end { w.write(0, "Completed At:\t\(S.rfc1123z(end))\n") }
        if let s = start.flatMap(Timestamp.parse), let e = end.flatMap(Timestamp.parse) {
            w.write(0, "Duration:\t\(humanDuration(e - s))\n")
        }
        if let a = spec["activeDeadlineSeconds"].int { w.write(0, "Active Deadline Seconds:\t\(a)s\n") }
        let active = status["active"].int ?? 0, succeeded = status["succeeded"].int ?? 0, failed = status["failed"].int ?? 0
        if let ready = status["ready"].int {
            w.write(0, "Pods Statuses:\t\(active) Active (\(ready) Ready) / \(succeeded) Succeeded / \(failed) Failed\n")
        } else {
            w.write(0, "Pods Statuses:\t\(active) Active / \(succeeded) Succeeded / \(failed) Failed\n")
        }
        if spec["completionMode"].string == "Indexed" {
            w.write(0, "Completed Indexes:\t\(cappedIndexes(status["completedIndexes"].string ?? "", softLimit: 50))\n")
        }
        S.podTemplate(&w, spec["template"])
    }

    /// `<none>`, or the indexes cut after the first comma past `softLimit` characters, with `...`
    /// (kubectl's `capIndexesListOrNone`).
    static func cappedIndexes(_ indexes: String, softLimit: Int) -> String {
        guard !indexes.isEmpty else { return "<none>" }
        let bytes = Array(indexes.utf8)
        guard bytes.count > softLimit, let comma = bytes[softLimit...].firstIndex(of: UInt8(ascii: ",")) else { return indexes }
        return String(decoding: bytes[...comma], as: UTF8.self) + "..."
    }

    static func cronJob(_ w: inout DescribeWriter, _ cj: JSONValue) {
        let spec = cj.spec
        w.write(0, "Name:\t\(cj.name)\n")
        w.write(0, "Namespace:\t\(cj.namespace ?? "")\n")
        S.labels(&w, "Labels", cj.labels)
        S.annotations(&w, "Annotations", cj.annotations)
        w.write(0, "Schedule:\t\(spec["schedule"].string ?? "")\n")
        w.write(0, "Concurrency Policy:\t\(spec["concurrencyPolicy"].string ?? "")\n")
        w.write(0, "Suspend:\t\(spec["suspend"].bool.map { $0 ? "True" : "False" } ?? "<unset>")\n")
        w.write(0, "Successful Job History Limit:\t\(spec["successfulJobsHistoryLimit"].int.map(String.init) ?? "<unset>")\n")
        w.write(0, "Failed Job History Limit:\t\(spec["failedJobsHistoryLimit"].int.map(String.init) ?? "<unset>")\n")
        w.write(0, "Starting Deadline Seconds:\t\(spec["startingDeadlineSeconds"].int.map { "\($0)s" } ?? "<unset>")\n")
        let jobSpec = spec["jobTemplate"]["spec"]
        w.write(0, "Selector:\t\(jobSpec["selector"].isNull ? "<unset>" : selectorText(jobSpec["selector"]))\n")
        w.write(0, "Parallelism:\t\(jobSpec["parallelism"].int.map(String.init) ?? "<unset>")\n")
        w.write(0, "Completions:\t\(jobSpec["completions"].int.map(String.init) ?? "<unset>")\n")
        if let a = jobSpec["activeDeadlineSeconds"].int { w.write(0, "Active Deadline Seconds:\t\(a)s\n") }
        S.podTemplate(&w, jobSpec["template"])
        let last = cj.status["lastScheduleTime"].string
        w.write(0, "Last Schedule Time:\t\(last.map { S.rfc1123z($0) } ?? "<unset>")\n")
        let active = cj.status["active"].items.compactMap { $0["name"].string }
        w.write(0, "Active Jobs:\t")
        w.line(active.isEmpty ? "<none>" : active.joined(separator: ", "))
    }
}
