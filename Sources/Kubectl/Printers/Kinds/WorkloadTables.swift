import KubeAPI

/// Tables for the controllers that own pods (printers.go `printStatefulSet`, `printDeployment`, ...).
enum WorkloadTables {
    private static let wideWorkload = [
        TableColumn("Containers", wide: true), TableColumn("Images", wide: true), TableColumn("Selector", wide: true),
    ]

    private static func wideCells(_ podSpec: JSONValue, selector: String) -> [String] {
        let (c, i) = CellFormat.containersAndImages(podSpec)
        return [c, i, selector]
    }

    private static func count(_ v: JSONValue) -> String { String(v.int ?? 0) }

    static let statefulSet = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Ready"), TableColumn("Age"),
                  TableColumn("Containers", wide: true), TableColumn("Images", wide: true)],
        row: { o, now in
            let (c, i) = CellFormat.containersAndImages(o.spec["template"]["spec"])
            let ready = "\(o.status["readyReplicas"].int ?? 0)/\(o.spec["replicas"].int ?? 1)"
            return [o.name, ready, CellFormat.age(of: o, now: now), c, i]
        })

    static let deployment = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Ready"), TableColumn("Up-to-date"), TableColumn("Available"),
                  TableColumn("Age")] + wideWorkload,
        row: { o, now in
            let ready = "\(o.status["readyReplicas"].int ?? 0)/\(o.spec["replicas"].int ?? 1)"
            return [o.name, ready, count(o.status["updatedReplicas"]), count(o.status["availableReplicas"]),
                    CellFormat.age(of: o, now: now)]
                + wideCells(o.spec["template"]["spec"], selector: CellFormat.selector(o.spec["selector"]))
        })

    static let replicaSet = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Desired"), TableColumn("Current"), TableColumn("Ready"),
                  TableColumn("Age")] + wideWorkload,
        row: { o, now in
            [o.name, String(o.spec["replicas"].int ?? 1), count(o.status["replicas"]), count(o.status["readyReplicas"]),
             CellFormat.age(of: o, now: now)]
                + wideCells(o.spec["template"]["spec"], selector: CellFormat.selector(o.spec["selector"]))
        })

    static let replicationController = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Desired"), TableColumn("Current"), TableColumn("Ready"),
                  TableColumn("Age")] + wideWorkload,
        row: { o, now in
            [o.name, String(o.spec["replicas"].int ?? 1), count(o.status["replicas"]), count(o.status["readyReplicas"]),
             CellFormat.age(of: o, now: now)]
                + wideCells(o.spec["template"]["spec"], selector: CellFormat.labels(o.spec["selector"].stringMap))
        })

    static let daemonSet = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Desired"), TableColumn("Current"), TableColumn("Ready"),
                  TableColumn("Up-to-date"), TableColumn("Available"), TableColumn("Node Selector"),
                  TableColumn("Age")] + wideWorkload,
        row: { o, now in
            let s = o.status
            return [o.name, count(s["desiredNumberScheduled"]), count(s["currentNumberScheduled"]),
                    count(s["numberReady"]), count(s["updatedNumberScheduled"]), count(s["numberAvailable"]),
                    CellFormat.labels(o.spec["template"]["spec"]["nodeSelector"].stringMap),
                    CellFormat.age(of: o, now: now)]
                + wideCells(o.spec["template"]["spec"], selector: CellFormat.selector(o.spec["selector"]))
        })

    private static func hasCondition(_ o: JSONValue, _ type: String) -> Bool {
        o.status["conditions"].items.contains { $0["type"].string == type && $0["status"].string == "True" }
    }

    /// The STATUS cell of a Job, first matching state wins.
    static func jobStatus(_ o: JSONValue) -> String {
        if hasCondition(o, "Complete") { return "Complete" }
        if hasCondition(o, "Failed") { return "Failed" }
        if o.isDeleting { return "Terminating" }
        if hasCondition(o, "Suspended") { return "Suspended" }
        if hasCondition(o, "FailureTarget") { return "FailureTarget" }
        if hasCondition(o, "SuccessCriteriaMet") { return "SuccessCriteriaMet" }
        return "Running"
    }

    static let job = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Status"), TableColumn("Completions"), TableColumn("Duration"),
                  TableColumn("Age")] + wideWorkload,
        row: { o, now in
            let succeeded = o.status["succeeded"].int ?? 0
            let completions: String
            if let c = o.spec["completions"].int {
                completions = "\(succeeded)/\(c)"
            } else if let p = o.spec["parallelism"].int, p > 1 {
                completions = "\(succeeded)/1 of \(p)"
            } else {
                completions = "\(succeeded)/1"
            }
            var duration = ""
            if let start = o.status["startTime"].string.flatMap(Timestamp.parse) {
                if let end = o.status["completionTime"].string.flatMap(Timestamp.parse) {
                    duration = humanDuration(end - start)
                } else {
                    duration = humanDuration(now - start)
                }
            }
            return [o.name, jobStatus(o), completions, duration, CellFormat.age(of: o, now: now)]
                + wideCells(o.spec["template"]["spec"], selector: CellFormat.selector(o.spec["selector"]))
        })

    static let cronJob = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Schedule"), TableColumn("Timezone"), TableColumn("Suspend"),
                  TableColumn("Active"), TableColumn("Last Schedule"), TableColumn("Age")] + wideWorkload,
        row: { o, now in
            let suspend: String
            switch o.spec["suspend"] {
            case .bool(let b): suspend = b ? "True" : "False"
            default: suspend = "<unset>"
            }
            var last = CellFormat.none
            if let t = o.status["lastScheduleTime"].string.flatMap(Timestamp.parse) { last = humanDuration(now - t) }
            let jobSpec = o.spec["jobTemplate"]["spec"]
            return [o.name, o.spec["schedule"].string ?? "", o.spec["timeZone"].string ?? CellFormat.none, suspend,
                    String(o.status["active"].items.count), last, CellFormat.age(of: o, now: now)]
                + wideCells(jobSpec["template"]["spec"], selector: CellFormat.selector(jobSpec["selector"]))
        })

    static let controllerRevision = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Controller"), TableColumn("Revision"), TableColumn("Age")],
        row: { o, now in
            var controller = CellFormat.none
            if let ref = o.controllerRef {
                let apiVersion = ref["apiVersion"].string ?? ""
                let group = apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
                let kind = (ref["kind"].string ?? "").lowercased()
                controller = (group.isEmpty ? kind : "\(kind).\(group)") + "/" + (ref["name"].string ?? "")
            }
            return [o.name, controller, o["revision"].scalarText ?? "0", CellFormat.age(of: o, now: now)]
        })
}
