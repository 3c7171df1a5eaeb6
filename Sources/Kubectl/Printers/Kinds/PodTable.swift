import KubeAPI

/// The pod row, following printers.go `printPod` so STATUS/READY/RESTARTS read as on a real cluster.
enum PodTable {
    static let table = ResourceTable(
        columns: [
            TableColumn("Name"), TableColumn("Ready"), TableColumn("Status"), TableColumn("Restarts"),
            TableColumn("Age"), TableColumn("IP", wide: true), TableColumn("Node", wide: true),
            TableColumn("Nominated Node", wide: true), TableColumn("Readiness Gates", wide: true),
        ],
        row: { pod, now in row(pod, now: now) })

    struct Summary: Equatable {
        var ready: String
        var status: String
        var restarts: String
    }

    static func row(_ pod: JSONValue, now: Millis) -> [String] {
        let s = summary(pod, now: now)
        let spec = pod.spec
        let status = pod.status
        var ip = status["podIPs"][0]["ip"].string ?? status["podIP"].string ?? ""
        if ip.isEmpty { ip = CellFormat.none }
        let node = nonEmpty(spec["nodeName"].string)
        let nominated = nonEmpty(status["nominatedNodeName"].string)
        var gates = CellFormat.none
        let gateList = spec["readinessGates"].items
        if !gateList.isEmpty {
            var trueCount = 0
            for gate in gateList {
                let type = gate["conditionType"].string ?? ""
                if let c = status["conditions"].items.first(where: { $0["type"].string == type }),
                   c["status"].string == "True" { trueCount += 1 }
            }
            gates = "\(trueCount)/\(gateList.count)"
        }
        return [pod.name, s.ready, s.status, s.restarts, CellFormat.age(of: pod, now: now), ip, node, nominated, gates]
    }

    private static func nonEmpty(_ s: String?) -> String {
        guard let s, !s.isEmpty else { return CellFormat.none }
        return s
    }

    private static func finishedAt(_ cs: JSONValue) -> Millis? {
        cs["lastState"]["terminated"]["finishedAt"].string.flatMap(Timestamp.parse)
    }

    private static func conditionTrue(_ pod: JSONValue, _ type: String) -> Bool {
        pod.status["conditions"].items.contains { $0["type"].string == type && $0["status"].string == "True" }
    }

    /// READY, STATUS and RESTARTS cells.
    static func summary(_ pod: JSONValue, now: Millis) -> Summary {
        let spec = pod.spec
        let status = pod.status
        var restarts = 0
        var totalContainers = spec["containers"].items.count
        var readyContainers = 0
        var lastRestart: Millis? = nil
        var reason = status["phase"].string ?? ""
        if let r = status["reason"].string, !r.isEmpty { reason = r }
        if status["conditions"].items.contains(where: {
            $0["type"].string == "PodScheduled" && $0["reason"].string == "SchedulingGated"
        }) { reason = "SchedulingGated" }

        let initSpecs = spec["initContainers"].items
        func isSidecar(_ name: String) -> Bool {
            initSpecs.first { $0["name"].string == name }?["restartPolicy"].string == "Always"
        }
        for c in initSpecs where c["restartPolicy"].string == "Always" { totalContainers += 1 }

        var initializing = false
        var sidecarRestarts = 0
        var sidecarLastRestart: Millis? = nil
        for (i, c) in status["initContainerStatuses"].items.enumerated() {
            let name = c["name"].string ?? ""
            restarts += c["restartCount"].int ?? 0
            if let f = finishedAt(c) { lastRestart = max(lastRestart ?? f, f) }
            if isSidecar(name) {
                sidecarRestarts += c["restartCount"].int ?? 0
                if let f = finishedAt(c) { sidecarLastRestart = max(sidecarLastRestart ?? f, f) }
            }
            let terminated = c["state"]["terminated"]
            let waiting = c["state"]["waiting"]
            if !terminated.isNull && (terminated["exitCode"].int ?? 0) == 0 { continue }
            if isSidecar(name) && c["started"].bool == true {
                if c["ready"].bool == true { readyContainers += 1 }
                continue
            }
            if !terminated.isNull {
                if let r = terminated["reason"].string, !r.isEmpty {
                    reason = "Init:" + r
                } else if let sig = terminated["signal"].int, sig != 0 {
                    reason = "Init:Signal:\(sig)"
                } else {
                    reason = "Init:ExitCode:\(terminated["exitCode"].int ?? 0)"
                }
            } else if let r = waiting["reason"].string, !r.isEmpty, r != "PodInitializing" {
                reason = "Init:" + r
            } else {
                reason = "Init:\(i)/\(initSpecs.count)"
            }
            initializing = true
            break
        }

        if !initializing || conditionTrue(pod, "Initialized") {
            restarts = sidecarRestarts
            lastRestart = sidecarLastRestart
            var hasRunning = false
            for c in status["containerStatuses"].items.reversed() {
                restarts += c["restartCount"].int ?? 0
                if let f = finishedAt(c) { lastRestart = max(lastRestart ?? f, f) }
                let waiting = c["state"]["waiting"]
                let terminated = c["state"]["terminated"]
                if let r = waiting["reason"].string, !r.isEmpty {
                    reason = r
                } else if let r = terminated["reason"].string, !r.isEmpty {
                    reason = r
                } else if !terminated.isNull {
                    if let sig = terminated["signal"].int, sig != 0 {
                        reason = "Signal:\(sig)"
                    } else {
                        reason = "ExitCode:\(terminated["exitCode"].int ?? 0)"
                    }
                } else if c["ready"].bool == true && !c["state"]["running"].isNull {
                    hasRunning = true
                    readyContainers += 1
                }
            }
            if reason == "Completed" && hasRunning {
                reason = conditionTrue(pod, "Ready") ? "Running" : "NotReady"
            }
        }

        let phase = status["phase"].string ?? ""
        if pod.isDeleting && status["reason"].string == "NodeLost" {
            reason = "Unknown"
        } else if pod.isDeleting && phase != "Succeeded" && phase != "Failed" {
            reason = "Terminating"
        }

        var restartText = String(restarts)
        if restarts != 0, let last = lastRestart {
            restartText = "\(restarts) (\(humanDuration(now - last)) ago)"
        }
        return Summary(ready: "\(readyContainers)/\(totalContainers)", status: reason, restarts: restartText)
    }
}
