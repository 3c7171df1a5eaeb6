import KubeAPI

/// One pass of the DaemonSet controller over one DaemonSet (`syncDaemonSet` in
/// daemon_controller.go): the revisions, then `manage` (a pod on every node that should run one,
/// none where none should, failed pods replaced), then the update strategy's `rollingUpdate`, the
/// history clean-up, and `updateDaemonSetStatus`.
final class DaemonSetControl {
    /// What the controller should do after the pass.
    struct Outcome {
        /// An API call failed; retry with back-off.
        var failed = false
        /// Sync again at this instant (a pod turning available, a failed pod's back-off ending).
        var recheckAt: Millis?

        mutating func recheck(at instant: Millis) { recheckAt = min(recheckAt ?? instant, instant) }
    }

    /// Creations and deletions per pass (`BurstReplicas`).
    static let burstReplicas = 250
    static let nodeType = ResourceRegistry.forKind("Node")!

    let cluster: Cluster
    let ds: DaemonSetSpecView
    let podControl: DaemonSetPodControl
    let eligibility: DaemonNodeEligibility
    let failedPods: FailedDaemonPodBackoff
    var outcome = Outcome()
    var now: Millis { cluster.now }

    init(cluster: Cluster, ds: DaemonSetSpecView, failedPods: FailedDaemonPodBackoff) {
        self.cluster = cluster
        self.ds = ds
        podControl = DaemonSetPodControl(cluster: cluster, ds: ds)
        eligibility = DaemonNodeEligibility(template: ds.template)
        self.failedPods = failedPods
    }

    /// The nodes and what each should run, in name order (upstream's lister order is arbitrary).
    struct NodeView {
        let node: JSONValue
        let name: String
        let verdict: DaemonNodeEligibility.Verdict
    }

    // MARK: The pass

    /// `pods` are the DaemonSet's pods after adoption and release (`getDaemonPods`).
    func run(pods: [JSONValue]) -> Outcome {
        if ds.selectsEverything {
            cluster.recordEvent(for: ds.object, type: "Warning", reason: "SelectingAll",
                                message: "This daemon set is selecting all pods. A non-empty selector is required.",
                                source: DaemonSetPodControl.source)
            return outcome
        }
        // Its revisions may already be gone or orphaned, so no status is reliable (as upstream).
        if ds.isDeleting { return outcome }
        let nodes = cluster.store.list(Self.nodeType).map { node in
            NodeView(node: node, name: node.name, verdict: eligibility.verdict(for: node))
        }
        let revisions: DaemonSetHistory.Revisions
        do {
            revisions = try DaemonSetHistory(cluster: cluster, ds: ds).construct(pods: pods)
        } catch {
            outcome.failed = true
            return outcome
        }
        let hash = revisions.hash
        let acted = manage(nodes, pods: pods, hash: hash)
        // Upstream waits for the watch to confirm manage's writes before rolling (expectations).
        if !acted && !ds.isOnDelete { rollingUpdate(nodes, pods: ownedPods(), hash: hash) }
        let current = ownedPods()
        DaemonSetHistory(cluster: cluster, ds: ds).cleanup(old: revisions.old, pods: current)
        writeStatus(nodes, pods: current, hash: hash, collisionCount: revisions.collisionCount)
        return outcome
    }

    /// The DaemonSet's pods as stored now.
    func ownedPods() -> [JSONValue] { ReplicaSetController.ownedPods(of: ds.object, in: cluster) }

    /// `getNodesToDaemonPods`: pods by the node they are bound or pinned to. Finished pods that are
    /// being deleted are left out unless `includeDeletedTerminal`.
    static func byNode(_ pods: [JSONValue], includeDeletedTerminal: Bool = false) -> [String: [JSONValue]] {
        var out: [String: [JSONValue]] = [:]
        for pod in pods {
            if !includeDeletedTerminal && PodConditions.isTerminal(pod) && pod.isDeleting { continue }
            guard let node = DaemonSetPodControl.targetNodeName(pod) else { continue }
            out[node, default: []].append(pod)
        }
        return out
    }

    func isUpdated(_ pod: JSONValue, hash: String) -> Bool {
        DaemonSetPodControl.isUpdated(pod, hash: hash, generation: ds.templateGeneration)
    }

    func isAvailable(_ pod: JSONValue) -> Bool {
        PodConditions.isAvailable(pod, minReadySeconds: ds.minReadySeconds, now: now)
    }

    // MARK: manage

    /// `manage`: works out which nodes need a pod and which pods must go, and does it. Returns
    /// whether it wrote anything.
    func manage(_ nodes: [NodeView], pods: [JSONValue], hash: String) -> Bool {
        let podsByNode = Self.byNode(pods)
        var needing: [String] = [], deleting: [String] = []
        for node in nodes {
            podsShouldBeOnNode(node, pods: podsByNode[node.name], hash: hash, needing: &needing, deleting: &deleting)
        }
        // Pods pinned to a node that does not exist are never scheduled, so pod GC never sees them.
        let existing = Set(nodes.map(\.name))
        for (node, pods) in podsByNode.sorted(by: { $0.key < $1.key }) where !existing.contains(node) {
            for pod in pods where (pod["spec"]["nodeName"].string ?? "").isEmpty { deleting.append(pod.name) }
        }
        return syncNodes(delete: deleting, create: needing, hash: hash)
    }

    /// `podsShouldBeOnNode`.
    func podsShouldBeOnNode(_ node: NodeView, pods: [JSONValue]?, hash: String, needing: inout [String], deleting: inout [String]) {
        let verdict = node.verdict
        switch (verdict.shouldRun, verdict.shouldContinueRunning, pods) {
        case (true, _, nil):
            needing.append(node.name)
        case (_, true, let pods?):
            var running: [JSONValue] = []
            for pod in pods where !pod.isDeleting {
                switch PodConditions.phase(pod) {
                case "Failed":
                    // The kubelet may reject the pod again at once: back off per node before replacing it.
                    if let until = failedPods.backoffEnd(ds: ds.uid, node: node.name, now: now) {
                        outcome.recheck(at: until)
                        continue
                    }
                    failedPods.next(ds: ds.uid, node: node.name, now: now)
                    cluster.recordEvent(
                        for: ds.object, type: "Warning", reason: "FailedDaemonPod",
                        message: "Found failed daemon pod \(ds.namespace)/\(pod.name) on node \(node.name), will try to kill it",
                        source: DaemonSetPodControl.source)
                    deleting.append(pod.name)
                case "Succeeded":
                    cluster.recordEvent(
                        for: ds.object, type: "Normal", reason: "SucceededDaemonPod",
                        message: "Found succeeded daemon pod \(ds.namespace)/\(pod.name) on node \(node.name), will try to delete it",
                        source: DaemonSetPodControl.source)
                    deleting.append(pod.name)
                default:
                    running.append(pod)
                }
            }
            pruneExcess(running.sorted(by: DaemonSetPodControl.olderFirst), node: node, hash: hash,
                        needing: &needing, deleting: &deleting)
        case (_, false, let pods?):
            for pod in pods where !pod.isDeleting { deleting.append(pod.name) }
        default:
            break
        }
    }

    /// One pod per node, or during a surge one old and one new: the oldest stays, and an old pod
    /// goes once it is not ready or its replacement is available.
    func pruneExcess(_ running: [JSONValue], node: NodeView, hash: String, needing: inout [String], deleting: inout [String]) {
        guard ds.allowsSurge else {
            deleting += running.dropFirst().map(\.name)
            return
        }
        if running.count <= 1 {
            // Surging keeps at least one pod that is not being deleted on the node.
            if running.isEmpty && node.verdict.shouldRun { needing.append(node.name) }
            return
        }
        var oldestNew: JSONValue?, oldestOld: JSONValue?
        for pod in running {
            if pod.label(DaemonSetPodControl.revisionLabel) == hash {
                if oldestNew == nil { oldestNew = pod; continue }
            } else if oldestOld == nil {
                oldestOld = pod
                continue
            }
            deleting.append(pod.name)
        }
        if let new = oldestNew, let old = oldestOld, !PodConditions.isReady(old) || isAvailable(new) {
            deleting.append(old.name)
        }
    }

    // MARK: syncNodes

    /// `syncNodes`: creates the missing pods in doubling batches (`slowStartBatch`: one, then two,
    /// four...; a failed batch stops the rest), then deletes. At most `burstReplicas` of each.
    /// Returns whether it tried to write anything.
    @discardableResult
    func syncNodes(delete: [String], create: [String], hash: String) -> Bool {
        let creating = Array(create.prefix(Self.burstReplicas))
        let deleting = Array(delete.prefix(Self.burstReplicas))
        if creating.isEmpty && deleting.isEmpty { return false }
        if !creating.isEmpty {
            let template = DaemonSetPodControl.podTemplate(for: ds, hash: hash)
            var next = 0, batch = 1
            while next < creating.count {
                let end = min(creating.count, next + batch)
                var failed = false
                for node in creating[next..<end] where !podControl.create(from: template, on: node) { failed = true }
                if failed {
                    outcome.failed = true
                    break
                }
                next = end
                batch *= 2
            }
        }
        for name in deleting where !podControl.delete(name) { outcome.failed = true }
        return true
    }

    // MARK: Status

    /// `updateDaemonSetStatus`, writing only when something changed.
    func writeStatus(_ nodes: [NodeView], pods: [JSONValue], hash: String, collisionCount: Int) {
        let podsByNode = Self.byNode(pods)
        let counts = DaemonSetStatusComputation.counts(
            nodes.map { DaemonSetStatusComputation.Node(shouldRun: $0.verdict.shouldRun, pods: podsByNode[$0.name] ?? []) },
            minReadySeconds: ds.minReadySeconds, now: now, isUpdated: { self.isUpdated($0, hash: hash) })
        if ds.minReadySeconds > 0 && counts.ready != counts.available {
            for pod in pods {
                guard let since = PodConditions.readySince(pod) else { continue }
                let at = since + Millis(ds.minReadySeconds) * 1000 + 1
                if at > now { outcome.recheck(at: at) }
            }
        }
        let ref = ObjectRef(DaemonSetSpecView.resource, namespace: ds.namespace, name: ds.name)
        guard let latest = cluster.store.get(ref), latest.uid == ds.uid else { return }
        let status = DaemonSetStatusComputation.status(counts, previous: latest.status, observedGeneration: ds.generation,
                                                       collisionCount: collisionCount)
        guard latest.status != status else { return }
        _ = try? cluster.store.modify(ref) { $0["status"] = status }
    }
}
