import KubeAPI

/// Turns the kubelet's record of a pod into `status` shaped like a real v1.32 kubelet writes it.
enum PodStatusBuilder {
    static func status(for pod: JSONValue, runtime rt: PodRuntime, hostIP: String, now: Millis) -> JSONValue {
        var status = JSONValue.object(capacity: 10)
        status["conditions"] = .array(conditions(for: pod, runtime: rt, now: now))
        let specContainers = pod["spec"]["containers"].items
        let specInit = pod["spec"]["initContainers"].items
        if !rt.containers.isEmpty {
            status["containerStatuses"] = .array(zip(rt.containers, padded(specContainers, rt.containers.count)).map {
                cachedContainerStatus($0, spec: $1, runtime: rt)
            })
        }
        status["hostIP"] = .string(hostIP)
        status["hostIPs"] = [["ip": .string(hostIP)]]
        if !rt.initContainers.isEmpty {
            status["initContainerStatuses"] = .array(zip(rt.initContainers, padded(specInit, rt.initContainers.count)).map {
                cachedContainerStatus($0, spec: $1, runtime: rt)
            })
        }
        status["phase"] = .string(rt.phase)
        if let ip = rt.ip {
            status["podIP"] = .string(ip)
            status["podIPs"] = [["ip": .string(ip)]]
        }
        status["qosClass"] = pod["status"]["qosClass"].isNull ? .string(PodQOS.podClass(of: pod["spec"])) : pod["status"]["qosClass"]
        if let start = rt.startTime {
            if rt.startTimeText?.at != start { rt.startTimeText = (start, .string(Timestamp.rfc3339(start))) }
            status["startTime"] = rt.startTimeText?.value ?? .null
        }
        return status
    }

    private static func padded(_ specs: [JSONValue], _ count: Int) -> [JSONValue] {
        specs.count >= count ? specs : specs + Array(repeating: JSONValue.emptyObject, count: count - specs.count)
    }

    /// What the kubelet-owned conditions depend on; equal signatures give equal conditions.
    struct ConditionInputs: Equatable {
        var sandboxReady: Bool
        var terminal: Bool
        var failed: Bool
        var unfinishedInit: [String]
        var unready: [String]
        var hasContainers: Bool
        var scheduled: JSONValue
    }

    private static func conditions(for pod: JSONValue, runtime rt: PodRuntime, now: Millis) -> [JSONValue] {
        let inputs = ConditionInputs(
            sandboxReady: rt.sandboxReady, terminal: rt.isTerminal, failed: rt.phase == "Failed",
            unfinishedInit: rt.initContainers.filter { !$0.succeeded }.map(\.name),
            unready: rt.containers.filter { !$0.ready }.map(\.name), hasContainers: !rt.containers.isEmpty,
            scheduled: pod["status"]["conditions"].items.first(where: { $0["type"].string == "PodScheduled" }) ?? .null)
        if let cached = rt.lastConditions, cached.inputs == inputs { return cached.conditions }
        let built = buildConditions(inputs, runtime: rt, now: now)
        rt.lastConditions = (inputs, built)
        return built
    }

    private static func buildConditions(_ inputs: ConditionInputs, runtime rt: PodRuntime, now: Millis) -> [JSONValue] {
        // Conditions changing in one write share its instant: format it once.
        var nowText: String?
        func condition(_ type: String, _ ok: Bool, reason: String? = nil, message: String? = nil) -> JSONValue {
            let status = ok ? "True" : "False"
            let reason = ok ? nil : reason, message = ok ? nil : message
            var owned: PodRuntime.OwnedCondition
            if let previous = rt.conditions[type], previous.status == status {
                if let built = previous.built, built.reason == reason, built.message == message { return built.value }
                owned = previous
            } else {
                let text = nowText ?? Timestamp.rfc3339(now)
                nowText = text
                owned = PodRuntime.OwnedCondition(status: status, since: now, text: text)
            }
            // Built at its size; `lastProbeTime: null` is kept (JSONObject stores an explicit null).
            var fields = JSONObject(minimumCapacity: 4 + (message == nil ? 0 : 1) + (reason == nil ? 0 : 1))
            fields["lastProbeTime"] = JSONValue.null
            fields["lastTransitionTime"] = .string(owned.text)
            if let message { fields["message"] = .string(message) }
            if let reason { fields["reason"] = .string(reason) }
            fields["status"] = .string(status)
            fields["type"] = .string(type)
            let c = JSONValue.object(fields)
            owned.built = (reason, message, c)
            rt.conditions[type] = owned
            return c
        }
        var out: [JSONValue] = []
        out.reserveCapacity(6)
        out.append(condition("PodReadyToStartContainers", inputs.sandboxReady && !inputs.terminal))
        let unfinishedInit = inputs.unfinishedInit
        if unfinishedInit.isEmpty {
            out.append(condition("Initialized", true))
        } else {
            out.append(condition("Initialized", false, reason: "ContainersNotInitialized",
                                 message: "containers with incomplete status: [\(unfinishedInit.joined(separator: " "))]"))
        }
        let unready = inputs.unready
        for type in ["Ready", "ContainersReady"] {
            if unready.isEmpty && inputs.hasContainers {
                out.append(condition(type, true))
            } else if inputs.terminal {
                // Upstream's GenerateContainersReadyCondition: a failed pod's containers are not
                // ready because it failed; a succeeded one's because it completed.
                out.append(condition(type, false, reason: inputs.failed ? "PodFailed" : "PodCompleted"))
            } else {
                out.append(condition(type, false, reason: "ContainersNotReady",
                                     message: "containers with unready status: [\(unready.joined(separator: " "))]"))
            }
        }
        if !inputs.scheduled.isNull { out.append(inputs.scheduled) }
        return out
    }

    /// A pod's spec never changes under a running kubelet record, so the container record alone
    /// decides its status.
    private static func cachedContainerStatus(_ c: ContainerRuntime, spec: JSONValue, runtime rt: PodRuntime) -> JSONValue {
        let key = (c.isInit ? "init/" : "") + c.name
        if let cached = rt.builtContainerStatuses[key], cached.from == c { return cached.value }
        let built = containerStatus(c, spec: spec)
        rt.builtContainerStatuses[key] = (c, built)
        return built
    }

    static func containerStatus(_ c: ContainerRuntime, spec: JSONValue) -> JSONValue {
        var s = JSONValue.object(capacity: 10)
        let live = c.isRunning || c.isTerminated
        if live, let id = c.containerID { s["containerID"] = .string("containerd://" + id) }
        s["image"] = .string(c.resolvedImage ?? c.image)
        s["imageID"] = .string(c.imageID ?? "")
        if let last = c.lastTermination {
            s["lastState"] = ["terminated": [
                "containerID": .string("containerd://" + last.containerID), "exitCode": .int(last.exitCode),
                "finishedAt": .string(Timestamp.rfc3339(last.finishedAt)), "reason": .string(last.reason),
                "startedAt": .string(Timestamp.rfc3339(last.startedAt)),
            ]]
        } else {
            s["lastState"] = .emptyObject
        }
        s["name"] = .string(c.name)
        s["ready"] = .bool(c.ready)
        s["restartCount"] = .int(c.restartCount)
        s["started"] = .bool(c.started)
        switch c.state {
        case .waiting(let reason, let message):
            var w: JSONValue = [:]
            if let message { w["message"] = .string(message) }
            w["reason"] = .string(reason)
            s["state"] = ["waiting": w]
        case .running(let startedAt):
            s["state"] = ["running": ["startedAt": .string(Timestamp.rfc3339(startedAt))]]
        case .terminated(let code, let reason, let startedAt, let finishedAt):
            var t: JSONValue = [:]
            if let id = c.containerID { t["containerID"] = .string("containerd://" + id) }
            t["exitCode"] = .int(code)
            t["finishedAt"] = .string(Timestamp.rfc3339(finishedAt))
            t["reason"] = .string(reason)
            t["startedAt"] = .string(Timestamp.rfc3339(startedAt))
            s["state"] = ["terminated": t]
        case .unknownAtTermination:
            s["state"] = ["terminated": [
                "exitCode": .int(StopSignalResponse.killedExitCode), "message": .string(ContainerRuntime.unknownMessage),
                "reason": .string(ContainerRuntime.unknownReason),
            ]]
        }
        if live || c.lastTermination != nil {
            let mounts = spec["volumeMounts"].items.map { m -> JSONValue in
                var v: JSONValue = ["mountPath": m["mountPath"], "name": m["name"]]
                if m["readOnly"].bool == true {
                    v["readOnly"] = true
                    v["recursiveReadOnly"] = "Disabled"
                }
                return v
            }
            if !mounts.isEmpty { s["volumeMounts"] = .array(mounts) }
        }
        return s
    }
}
