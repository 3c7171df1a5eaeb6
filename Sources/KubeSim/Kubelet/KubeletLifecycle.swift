import KubeAPI

/// The timed steps a kubelet takes a pod through: admission, sandbox and IP, image pulls,
/// container create/start, readiness, exits and restarts with back-off, and graceful stop.
extension Kubelet {
    static let maxBackoff: Millis = 300_000
    /// A container that ran this long without failing starts its back-off afresh.
    static let backoffResetAfter: Millis = 600_000

    // MARK: Admission and sandbox

    func admit(_ rt: PodRuntime, in cluster: Cluster) {
        guard let pod = pod(of: rt, in: cluster), !rt.admitted else { return }
        rt.admitted = true
        rt.hostNetwork = pod["spec"]["hostNetwork"].bool == true
        rt.startTime = rt.startTime ?? cluster.now
        makeContainers(rt, pod: pod)
        if !rt.previousInstances.isEmpty {
            continuePreviousInstances(rt)
            updatePhase(rt, pod: pod)
        }
        writeStatus(rt, in: cluster)
        if volumesAttached(pod, node: rt.node, in: cluster) {
            mountVolumes(rt, pod: pod, in: cluster)
        } else {
            awaitingAttach[rt.key] = rt
        }
    }

    /// The kubelet's record of the pod's containers, all waiting to be created.
    func makeContainers(_ rt: PodRuntime, pod: JSONValue) {
        let initSpecs = pod["spec"]["initContainers"].items
        let waitingReason = initSpecs.isEmpty ? "ContainerCreating" : "PodInitializing"
        rt.initContainers = initSpecs.map {
            ContainerRuntime(name: $0["name"].string ?? "", image: $0["image"].string ?? "", isInit: true,
                             state: .waiting(reason: "PodInitializing", message: nil))
        }
        rt.containers = pod["spec"]["containers"].items.map {
            ContainerRuntime(name: $0["name"].string ?? "", image: $0["image"].string ?? "", isInit: false,
                             state: .waiting(reason: waitingReason, message: nil))
        }
    }

    /// Whether every network block volume the pod mounts is listed in its node's
    /// `status.volumesAttached` (the attach/detach controller attached it here).
    func volumesAttached(_ pod: JSONValue, node: String, in cluster: Cluster) -> Bool {
        let claims = PodConditions.claimNames(pod)
        if claims.isEmpty { return true }
        guard let pvcType = ResourceRegistry.forKind("PersistentVolumeClaim"), let pvType = ResourceRegistry.forKind("PersistentVolume"),
            let nodeType = ResourceRegistry.forKind("Node")
        else { return true }
        var attached: Set<String>?
        for claim in claims {
            guard let pvc = cluster.store.get(pvcType, namespace: pod.namespace ?? "default", name: claim),
                let volume = pvc["spec"]["volumeName"].string, !volume.isEmpty,
                let pv = cluster.store.get(pvType, namespace: nil, name: volume),
                let unique = AttachDetachController.uniqueName(of: pv)
            else { continue }
            if attached == nil {
                attached = Set(cluster.store.get(nodeType, namespace: nil, name: node)?["status"]["volumesAttached"].items
                    .compactMap { $0["name"].string } ?? [])
            }
            if attached?.contains(unique) != true { return false }
        }
        return true
    }

    /// Mounts the pod's volumes, then creates its sandbox.
    func mountVolumes(_ rt: PodRuntime, pod: JSONValue, in cluster: Cluster) {
        let claims = pod["spec"]["volumes"].items.filter { !$0["persistentVolumeClaim"].isNull }.count
        var delay = Millis(cluster.rng.int(in: 350...900))
        for _ in 0..<min(claims, 16) { delay += Millis(cluster.rng.int(in: 200...600)) }
        let epoch = rt.epoch
        cluster.schedule(after: delay) { [weak self, unowned cluster] in
            guard let self, self.isCurrent(rt, epoch) else { return }
            self.sandboxReady(rt, in: cluster)
        }
    }

    private func sandboxReady(_ rt: PodRuntime, in cluster: Cluster) {
        guard let agent = agents[rt.node], pod(of: rt, in: cluster) != nil else { return }
        if rt.hostNetwork {
            rt.ip = agent.hostIP
        } else if let ip = agent.allocateIP() {
            rt.ip = ip
        } else {
            event(rt, "Warning", "FailedCreatePodSandBox",
                  "Failed to create pod sandbox: plugin type=\"bridge\" failed (add): failed to allocate for range 0: no IP addresses available in range set",
                  in: cluster)
            return
        }
        // No status write here: the kubelet's pod worker creates the sandbox, pulls and starts the
        // containers in one SyncPod, and the status it writes next (a container running, or why it
        // cannot) is the first to carry the pod IP and PodReadyToStartContainers. A watch sees one
        // ContainerCreating row, then Running, as on a real node.
        rt.sandboxReady = true
        advance(rt, in: cluster)
    }

    /// Starts what may start next: the first unfinished init container, else every waiting container.
    func advance(_ rt: PodRuntime, in cluster: Cluster) {
        guard rt.sandboxReady, !rt.terminating, !rt.isTerminal else { return }
        if let i = rt.initContainers.firstIndex(where: { !$0.succeeded }) {
            let c = rt.initContainers[i]
            if !c.starting && !c.isRunning && !c.isTerminated { startContainer(rt, isInit: true, index: i, in: cluster) }
            return
        }
        for i in rt.containers.indices {
            let c = rt.containers[i]
            if case .waiting(let reason, _) = c.state, !c.starting, reason == "ContainerCreating" || reason == "PodInitializing" {
                startContainer(rt, isInit: false, index: i, in: cluster)
            }
        }
    }

    func mutate(_ rt: PodRuntime, isInit: Bool, _ i: Int, _ change: (inout ContainerRuntime) -> Void) {
        if isInit { if i < rt.initContainers.count { change(&rt.initContainers[i]) } } else if i < rt.containers.count {
            change(&rt.containers[i])
        }
    }

    func container(_ rt: PodRuntime, isInit: Bool, _ i: Int) -> ContainerRuntime? {
        let list = isInit ? rt.initContainers : rt.containers
        return i < list.count ? list[i] : nil
    }

    private func containerSpec(_ pod: JSONValue, isInit: Bool, _ i: Int) -> JSONValue {
        pod["spec"][isInit ? "initContainers" : "containers"][i]
    }

    // MARK: Images

    func startContainer(_ rt: PodRuntime, isInit: Bool, index i: Int, in cluster: Cluster) {
        guard let pod = pod(of: rt, in: cluster), let agent = agents[rt.node], let c = container(rt, isInit: isInit, i) else { return }
        mutate(rt, isInit: isInit, i) { $0.starting = true }
        let spec = containerSpec(pod, isInit: isInit, i)
        let image = c.image
        let policy = spec["imagePullPolicy"].string ?? ImageReference.defaultPullPolicy(image)
        let resolved = resolve(image)
        let normalized = resolved.normalized
        let present = agent.images.contains(normalized)
        let epoch = rt.epoch
        // EnsureImageExists parses the reference first: one that cannot name an image is never pulled.
        if let message = resolved.invalidName {
            imageUnavailable(rt, isInit: isInit, index: i, reason: "InvalidImageName", event: "InspectFailed", message: message, in: cluster)
            return
        }
        if policy == "Never" && !present {
            let message = "Container image \"\(image)\" is not present with pull policy of Never"
            imageUnavailable(rt, isInit: isInit, index: i, reason: "ErrImageNeverPull", event: "ErrImageNeverPull", message: message, in: cluster)
            return
        }
        if policy != "Always" && present {
            event(rt, "Normal", "Pulled", "Container image \"\(image)\" already present on machine", container: c, in: cluster)
            cluster.schedule(after: Millis(cluster.rng.int(in: 40...140))) { [weak self, unowned cluster] in
                guard let self, self.isCurrent(rt, epoch) else { return }
                self.run(rt, isInit: isInit, index: i, in: cluster)
            }
            return
        }
        let info = resolved.info
        let requested = cluster.now
        let begin = max(cluster.now, agent.pullQueueFreeAt)
        var duration: Millis
        if info == nil {
            duration = Millis(cluster.rng.int(in: 900...1800))
        } else if present || (agent.imageReadyAt[normalized] ?? .max) <= begin {
            // The layers are already there (or will be, from the pull ahead in the queue).
            duration = Millis(cluster.rng.int(in: 250...1100))
        } else {
            // Roughly 25 MB/s after a registry round trip.
            duration = 600 + Millis((info?.sizeBytes ?? 0) / 25_000) + Millis(cluster.rng.int(in: 0...400))
        }
        agent.pullQueueFreeAt = begin + duration
        if info != nil && agent.imageReadyAt[normalized] == nil { agent.imageReadyAt[normalized] = begin + duration }
        cluster.schedule(at: begin) { [weak self, unowned cluster] in
            guard let self, self.isCurrent(rt, epoch) else { return }
            self.event(rt, "Normal", "Pulling", "Pulling image \"\(image)\"", container: c, in: cluster)
        }
        cluster.schedule(at: begin + duration) { [weak self, unowned cluster] in
            guard let self, self.isCurrent(rt, epoch) else { return }
            guard let info else {
                self.pullFailed(rt, isInit: isInit, index: i, in: cluster)
                return
            }
            agent.images.insert(normalized)
            let total = cluster.now - requested
            self.event(rt, "Normal", "Pulled",
                       "Successfully pulled image \"\(image)\" in \(GoDuration.format(duration)) (\(GoDuration.format(total)) including waiting). "
                           + "Image size: \(info.sizeBytes) bytes.", container: c, in: cluster)
            self.run(rt, isInit: isInit, index: i, in: cluster)
        }
    }

    /// EnsureImageExists failing without a pull (a reference that names no image, or pull policy
    /// Never with the image absent): its event, then startContainer's `Failed` `Error: <reason>`.
    /// The sync fails, so the pod worker tries again after its back-off (10 s, jittered by up to
    /// half), and both events come again each time (`x5 over 50s` in describe); the status stays.
    private func imageUnavailable(_ rt: PodRuntime, isInit: Bool, index i: Int, reason: String, event eventReason: String,
                                  message: String, in cluster: Cluster) {
        guard let c = container(rt, isInit: isInit, i) else { return }
        mutate(rt, isInit: isInit, i) { $0.state = .waiting(reason: reason, message: message) }
        event(rt, "Warning", eventReason, message, container: c, in: cluster)
        event(rt, "Warning", "Failed", "Error: \(reason)", container: c, in: cluster)
        writeStatus(rt, in: cluster)
        let epoch = rt.epoch
        cluster.schedule(after: Self.workerBackOff + Millis(cluster.rng.int(in: 0...5_000))) { [weak self, unowned cluster] in
            guard let self, self.isCurrent(rt, epoch), let c = self.container(rt, isInit: isInit, i),
                case .waiting(let waiting, _) = c.state, waiting == reason else { return }
            self.startContainer(rt, isInit: isInit, index: i, in: cluster)
        }
    }

    /// The pod workers' back-off after a failed sync (kubelet's backOffPeriod).
    static let workerBackOff: Millis = 10_000

    private func pullFailed(_ rt: PodRuntime, isInit: Bool, index i: Int, in cluster: Cluster) {
        guard let c = container(rt, isInit: isInit, i) else { return }
        let normalized = resolve(c.image).normalized
        let answer: String
        switch behaviour.pullFailure(c.image) {
        case .accessDenied:
            answer = "pull access denied, repository does not exist or may require authorization: server message: "
                + "insufficient_scope: authorization failed"
        case .notFound:
            answer = "\(normalized): not found"
        }
        let cause = "failed to pull and unpack image \"\(normalized)\": failed to resolve reference \"\(normalized)\": " + answer
        event(rt, "Warning", "Failed", "Failed to pull image \"\(c.image)\": \(cause)", container: c, in: cluster)
        event(rt, "Warning", "Failed", "Error: ErrImagePull", container: c, in: cluster)
        mutate(rt, isInit: isInit, i) { $0.state = .waiting(reason: "ErrImagePull", message: cause) }
        writeStatus(rt, in: cluster)
        let epoch = rt.epoch
        cluster.schedule(after: Millis(cluster.rng.int(in: 800...2500))) { [weak self, unowned cluster] in
            guard let self, self.isCurrent(rt, epoch), let c = self.container(rt, isInit: isInit, i) else { return }
            let message = "Back-off pulling image \"\(c.image)\""
            self.event(rt, "Normal", "BackOff", message, container: c, in: cluster)
            self.event(rt, "Warning", "Failed", "Error: ImagePullBackOff", container: c, in: cluster)
            var delay: Millis = 10_000
            self.mutate(rt, isInit: isInit, i) {
                $0.state = .waiting(reason: "ImagePullBackOff", message: message)
                delay = $0.imagePullBackoff == 0 ? 10_000 : min($0.imagePullBackoff * 2, Self.maxBackoff)
                $0.imagePullBackoff = delay
            }
            self.writeStatus(rt, in: cluster)
            cluster.schedule(after: delay) { [weak self, unowned cluster] in
                guard let self, self.isCurrent(rt, epoch) else { return }
                self.startContainer(rt, isInit: isInit, index: i, in: cluster)
            }
        }
    }

    // MARK: Running

    private func randomContainerID(_ cluster: Cluster) -> String {
        (0..<4).map { _ in HexText.padded16(cluster.rng.next()) }.joined()
    }

    /// Creates and starts the container (the Created and Started events), then arranges its
    /// readiness and, if its process ends by itself, its exit.
    private func run(_ rt: PodRuntime, isInit: Bool, index i: Int, in cluster: Cluster) {
        guard let pod = pod(of: rt, in: cluster), let c0 = container(rt, isInit: isInit, i) else { return }
        let spec = containerSpec(pod, isInit: isInit, i)
        let image = resolve(c0.image)
        let id = randomContainerID(cluster)
        let now = cluster.now
        mutate(rt, isInit: isInit, i) { c in
            if let previous = c.latestTermination {
                c.restartCount += 1
                c.lastTermination = previous
            }
            c.containerID = id
            c.resolvedImage = image.normalized
            c.imageID = image.imageID
            c.state = .running(startedAt: now)
            c.started = true
            c.starting = false
            c.ready = !isInit && spec["readinessProbe"].isNull
        }
        guard let c = container(rt, isInit: isInit, i) else { return }
        event(rt, "Normal", "Created", "Created container: \(c.name)", container: c, in: cluster)
        let launch = launch(of: rt, c, spec: spec)
        let outcome = behaviour.outcome(of: launch)
        let stop = stopResponse(of: launch)
        mutate(rt, isInit: isInit, i) { $0.stopResponse = stop }
        if case .failsToStart(let message) = outcome {
            // No Started event: the task never ran. The pod shows StartError, then backs off.
            event(rt, "Warning", "Failed", "Error: \(message)", container: c, in: cluster)
            exited(rt, isInit: isInit, index: i, code: 128, reason: "StartError", in: cluster)
            return
        }
        event(rt, "Normal", "Started", "Started container \(c.name)", container: c, in: cluster)
        updatePhase(rt, pod: pod)
        // A container that is gone before the next relist is first seen exited: its Running state
        // is never reported (`get pods -w` on a quick Job goes ContainerCreating → Completed).
        if !Self.exitsUnseen(outcome, startedAt: now, agent: agents[rt.node]) { writeStatus(rt, in: cluster) }
        let epoch = rt.epoch
        if !isInit { probeReadiness(rt, index: i, spec: spec, launch: launch, containerID: id, in: cluster) }
        if outcome == .runsUntilStopped { scheduleRounds(rt, isInit: isInit, index: i, launch: launch, containerID: id, in: cluster) }
        if case .exits(let code, let after) = outcome {
            cluster.schedule(after: max(0, after)) { [weak self, unowned cluster] in
                guard let self, self.isCurrent(rt, epoch), self.container(rt, isInit: isInit, i)?.containerID == id else { return }
                self.exited(rt, isInit: isInit, index: i, code: code, in: cluster)
            }
        }
    }

    /// Starts the readiness probe of a running container, if it has one (none: it is ready as it
    /// runs). An exec probe the runtime can run decides readiness by its command; others pass once.
    func probeReadiness(_ rt: PodRuntime, index i: Int, spec: JSONValue, launch: ContainerLaunch, containerID id: String,
                        in cluster: Cluster)
    {
        guard !spec["readinessProbe"].isNull else { return }
        let epoch = rt.epoch
        let initialDelay = Millis(max(0, min(spec["readinessProbe"]["initialDelaySeconds"].int ?? 0, 86_400))) * 1000
        let period = Millis(max(1, min(spec["readinessProbe"]["periodSeconds"].int ?? 10, 3600))) * 1000
        let delay = initialDelay + Millis(cluster.rng.int(in: 0...Int(period)))
        let probed = scheduleExecReadinessProbe(rt, index: i, spec: spec, launch: launch, containerID: id,
                                                firstAfter: delay, in: cluster)
        if probed { return }
        cluster.schedule(after: delay) { [weak self, unowned cluster] in
            guard let self, self.isCurrent(rt, epoch), self.container(rt, isInit: false, i)?.containerID == id,
                self.container(rt, isInit: false, i)?.isRunning == true
            else { return }
            self.mutate(rt, isInit: false, i) { $0.ready = true }
            self.writeStatus(rt, in: cluster)
        }
    }

    /// What the container runtime is asked to start for container `c` of the pod.
    func launch(of rt: PodRuntime, _ c: ContainerRuntime, spec: JSONValue) -> ContainerLaunch {
        ContainerLaunch(
            namespace: rt.namespace, podName: rt.name, containerName: c.name, image: c.image,
            command: spec["command"].items.compactMap(\.string), args: spec["args"].items.compactMap(\.string),
            isInit: c.isInit, restartCount: c.restartCount, stdin: spec["stdin"].bool ?? false)
    }

    /// Whether a container started at `startedAt` exits before the kubelet's next relist.
    static func exitsUnseen(_ outcome: ContainerOutcome, startedAt: Millis, agent: NodeAgent?) -> Bool {
        guard case .exits(_, let after) = outcome, let agent else { return false }
        return startedAt + max(0, after) < agent.nextRelist(after: startedAt)
    }

    /// The main process of an attached container (`kubectl run -it`) ended with its session; the
    /// kubelet notices at its next relist and treats it as any other exit (restart or completion).
    public func attachedProcessEnded(namespace: String, pod: String, container name: String, exitCode: Int,
                                     in cluster: Cluster)
    {
        guard let rt = runtimes[namespace + "/" + pod], let i = rt.containers.firstIndex(where: { $0.name == name }),
            rt.containers[i].isRunning
        else { return }
        let epoch = rt.epoch, id = rt.containers[i].containerID
        cluster.schedule(after: Millis(cluster.rng.int(in: 100...900))) { [weak self, unowned cluster] in
            guard let self, self.isCurrent(rt, epoch), self.container(rt, isInit: false, i)?.containerID == id else { return }
            self.exited(rt, isInit: false, index: i, code: exitCode, in: cluster)
        }
    }

    private func exited(_ rt: PodRuntime, isInit: Bool, index i: Int, code: Int, reason given: String? = nil, in cluster: Cluster) {
        guard let pod = pod(of: rt, in: cluster), let c = container(rt, isInit: isInit, i),
            case .running(let startedAt) = c.state
        else { return }
        let now = cluster.now
        let reason = given ?? (code == 0 ? "Completed" : "Error")
        mutate(rt, isInit: isInit, i) { c in
            c.state = .terminated(exitCode: code, reason: reason, startedAt: startedAt, finishedAt: now)
            c.latestTermination = ContainerRuntime.Termination(exitCode: code, reason: reason, startedAt: startedAt,
                                                               finishedAt: now, containerID: c.containerID ?? "")
            c.ready = isInit && code == 0
            c.started = false
        }
        let policy = pod["spec"]["restartPolicy"].string ?? "Always"
        let restarts = isInit ? (code != 0 && policy != "Never") : (policy == "Always" || (policy == "OnFailure" && code != 0))
        if !restarts {
            if isInit && code != 0 { rt.phase = "Failed" } else { updatePhase(rt, pod: pod) }
            if rt.isTerminal { finish(rt, in: cluster) }
            writeStatus(rt, in: cluster)
            if isInit && code == 0 { advance(rt, in: cluster) }
            return
        }
        updatePhase(rt, pod: pod)
        writeStatus(rt, in: cluster)
        var delay: Millis = 0
        mutate(rt, isInit: isInit, i) { c in
            if now - startedAt >= Self.backoffResetAfter { c.backoff = 0 }
            delay = c.backoff
            c.backoff = c.backoff == 0 ? 10_000 : min(c.backoff * 2, Self.maxBackoff)
        }
        let epoch = rt.epoch
        if delay == 0 {
            cluster.schedule(after: Millis(cluster.rng.int(in: 600...1500))) { [weak self, unowned cluster] in
                guard let self, self.isCurrent(rt, epoch) else { return }
                self.startContainer(rt, isInit: isInit, index: i, in: cluster)
            }
            return
        }
        cluster.schedule(after: Millis(cluster.rng.int(in: 300...1200))) { [weak self, unowned cluster] in
            guard let self, self.isCurrent(rt, epoch), let c = self.container(rt, isInit: isInit, i) else { return }
            let podRef = "\(rt.name)_\(rt.namespace)(\(rt.uid))"
            self.mutate(rt, isInit: isInit, i) { c in
                c.lastTermination = c.latestTermination
                c.state = .waiting(reason: "CrashLoopBackOff",
                                   message: "back-off \(GoDuration.format(delay)) restarting failed container=\(c.name) pod=\(podRef)")
            }
            self.event(rt, "Warning", "BackOff", "Back-off restarting failed container \(c.name) in pod \(podRef)", container: c, in: cluster)
            self.writeStatus(rt, in: cluster)
            cluster.schedule(after: delay) { [weak self, unowned cluster] in
                guard let self, self.isCurrent(rt, epoch) else { return }
                self.startContainer(rt, isInit: isInit, index: i, in: cluster)
            }
        }
    }

    /// The kubelet's phase rule: Pending until every container has started once, Running while any
    /// runs or will restart, then Succeeded or Failed.
    func updatePhase(_ rt: PodRuntime, pod: JSONValue) {
        if rt.phase == "Failed" || rt.phase == "Succeeded" { return }
        guard rt.initDone else { rt.phase = "Pending"; return }
        let policy = pod["spec"]["restartPolicy"].string ?? "Always"
        var waiting = 0, running = 0, stopped = 0, failed = 0
        for c in rt.containers {
            switch c.state {
            case .running: running += 1
            case .waiting: if c.latestTermination == nil { waiting += 1 } else { running += 1 }
            case .terminated(let code, _, _, _):
                stopped += 1
                if code != 0 { failed += 1 }
            case .unknownAtTermination:
                stopped += 1
                failed += 1
            }
        }
        if waiting > 0 {
            rt.phase = "Pending"
        } else if running > 0 {
            rt.phase = "Running"
        } else if stopped > 0 {
            if policy == "Always" || (policy == "OnFailure" && failed > 0) {
                rt.phase = "Running"
            } else {
                rt.phase = failed > 0 ? "Failed" : "Succeeded"
            }
        }
    }

    /// A finished pod gives its sandbox and address back (the status keeps showing the IP).
    private func finish(_ rt: PodRuntime, in cluster: Cluster) {
        rt.sandboxReady = false
        releaseAddress(of: rt)
        rt.epoch += 1
    }

    // MARK: Termination

    /// Stops the containers of a pod being deleted (Killing events), writes the status they end
    /// with, then confirms the deletion by removing the pod, all within its grace period. A process
    /// that handles SIGTERM exits soon; one that ignores it is killed when the grace period ends
    /// (exit code 137), and the kubelet, which stops a pod's containers together, writes once
    /// the last is gone. That status has the terminal phase (see `terminalPhase`), so a watch
    /// shows the pod `Completed` or `Error` until it goes.
    func beginTermination(_ rt: PodRuntime, pod: JSONValue, in cluster: Cluster) {
        rt.terminating = true
        rt.epoch += 1
        let epoch = rt.epoch
        let graceSeconds = pod["metadata"]["deletionGracePeriodSeconds"].int ?? pod["spec"]["terminationGracePeriodSeconds"].int ?? 30
        let grace = Millis(max(0, min(graceSeconds, 1_000_000_000))) * 1000
        let live = (rt.initContainers + rt.containers).filter { $0.isRunning }
        for c in live { event(rt, "Normal", "Killing", "Stopping container \(c.name)", container: c, in: cluster) }
        let total = live.isEmpty ? min(grace, Millis(cluster.rng.int(in: 100...400)))
            : min(grace, Millis(cluster.rng.int(in: 900...2400)))
        let exitedAt = total * 3 / 4
        let stopAt = live.contains { $0.stopResponse == .ignored } ? grace : exitedAt
        // A process that handles the signal is gone at `exitedAt` even when the write waits for one that did not.
        let signalled = cluster.now
        let wasTerminal = rt.isTerminal
        // Deleted before its worker admitted it: the status still lists every container, none ran.
        if !rt.admitted && rt.containers.isEmpty { makeContainers(rt, pod: pod) }
        cluster.schedule(after: stopAt) { [weak self, unowned cluster] in
            guard let self, rt.epoch == epoch, self.runtimes[rt.key] === rt, self.agents[rt.node]?.running == true else { return }
            let now = cluster.now
            func stop(_ c: inout ContainerRuntime) {
                switch c.state {
                case .running(let startedAt):
                    var code = StopSignalResponse.killedExitCode, finishedAt = now
                    if case .exits(let given) = c.stopResponse { (code, finishedAt) = (given, min(now, signalled + exitedAt)) }
                    c.state = .terminated(exitCode: code, reason: code == 0 ? "Completed" : "Error", startedAt: startedAt,
                                          finishedAt: finishedAt)
                case .waiting where !wasTerminal:
                    c.state = .unknownAtTermination
                case .waiting, .terminated, .unknownAtTermination:
                    break
                }
                c.ready = false
                c.started = false
            }
            for i in rt.containers.indices { stop(&rt.containers[i]) }
            for i in rt.initContainers.indices where !rt.initContainers[i].isTerminated { stop(&rt.initContainers[i]) }
            if !wasTerminal { rt.phase = Self.terminalPhase(of: rt.containers) }
            self.writeStatus(rt, in: cluster)
            cluster.schedule(after: total - exitedAt) { [weak self, unowned cluster] in
                guard let self, rt.epoch == epoch, self.runtimes[rt.key] === rt, self.agents[rt.node]?.running == true else { return }
                guard self.pod(of: rt, in: cluster) != nil else { return }
                self.runtimes[rt.key] = nil
                self.teardown(rt)
                // The kubelet's final grace-0 delete: gone, unless finalizers still hold the pod.
                _ = try? cluster.store.delete(self.ref(of: rt), gracePeriodSeconds: 0)
            }
        }
    }
}
