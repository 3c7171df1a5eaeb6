import KubeAPI

/// kube-scheduler: binds pods without a node to one that passes the filters (cordon, taints,
/// node selector and affinity, resources, volumes), preferring nodes with the fewest pods of the
/// same owner, then the fewest pods, ties broken by the cluster's generator. Pods that fit nowhere
/// get PodScheduled=False and a FailedScheduling event, and are retried when nodes, pods or volumes
/// change (and every five minutes, as the unschedulable queue is flushed).
public final class Scheduler: Controller {
    public let name = "default-scheduler"
    public let watchedKinds = WatchedKinds.only(["Pod", "Node", "PersistentVolumeClaim", "PersistentVolume", "StorageClass"])

    struct NodeInfo {
        var labels: [String: String]
        var taints: [JSONValue]
        var unschedulable: Bool
        var cpu: Int64
        var memory: Int64
        var pods: Int
    }

    struct Usage {
        var cpu: Int64 = 0
        var memory: Int64 = 0
        var pods = 0
    }

    struct Placement: Equatable {
        var node: String
        var cpu: Int64
        var memory: Int64
        var owner: String?
    }

    static let podType = ResourceRegistry.forKind("Pod") ?? ResourceType(kind: "Pod", plural: "pods")
    static let pvcType = ResourceRegistry.forKind("PersistentVolumeClaim")
        ?? ResourceType(kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims")
    static let pvType = ResourceRegistry.forKind("PersistentVolume")
        ?? ResourceType(kind: "PersistentVolume", plural: "persistentvolumes", namespaced: false)
    static let scType = ResourceRegistry.forKind("StorageClass")
        ?? ResourceType(kind: "StorageClass", plural: "storageclasses", group: "storage.k8s.io", namespaced: false)
    static let selectedNodeAnnotation = "volume.kubernetes.io/selected-node"
    static let unschedulableFlush: Millis = 300_000

    /// Nodes live in slots that never move, so the per-pod loop indexes arrays instead of hashing names.
    private var slotByName: [String: Int] = [:]
    private var slotNames: [String] = []
    private var nodes: [NodeInfo?] = []
    private var usage: [Usage] = []
    /// Slots of existing nodes, in name order (the order messages and ties are computed in).
    private var liveSlots: [Int] = []
    private var placements: [String: Placement] = [:]
    /// owner uid → pods of that owner per node slot.
    private var spread: [String: [Int]] = [:]
    /// Pods that fit nowhere last time, waiting for the cluster to change.
    private var unschedulable: Set<String> = []
    /// Pods placed on a node whose WaitForFirstConsumer claims are still being provisioned.
    private var awaitingVolumes: [String: String] = [:]
    /// Claims (`ns/name`) of the pods in either of the two sets above → those pods, so a claim's
    /// change retries only the pods mounting it (retrying all of them made every claim's binding
    /// cost as much as the number of waiting pods).
    private var waitersByClaim: [String: Set<String>] = [:]
    private var claimsOfWaiter: [String: [String]] = [:]
    private var lastFailure: [String: String] = [:]

    public init() {}

    // MARK: Controller

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        switch event.resource.kind {
        case "Pod":
            return observePod(event)
        case "Node":
            observeNode(event)
            return retryKeys(namespace: nil)
        case "PersistentVolumeClaim":
            return waiters(ofClaim: event.namespacedKey)
        case "PersistentVolume":
            // A volume matters to the pods mounting the claim it is bound to (or was).
            var claims: Set<String> = []
            for pv in [event.object, event.old].compactMap({ $0 }) {
                let ref = pv["spec"]["claimRef"]
                if let name = ref["name"].string { claims.insert((ref["namespace"].string ?? "default") + "/" + name) }
            }
            return Set(claims.flatMap { waitersByClaim[$0] ?? [] }).sorted()
        case "StorageClass":
            return retryKeys(namespace: nil)
        default:
            return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let (ns, podName) = NamespacedKey.split(key) else { return }
        guard let pod = cluster.store.get(Self.podType, namespace: ns, name: podName),
            (pod["spec"]["nodeName"].string ?? "").isEmpty, !pod.isDeleting,
            (pod["spec"]["schedulerName"].string ?? name) == name
        else {
            forget(key)
            return
        }
        schedule(pod, key: key, in: cluster)
    }

    // MARK: Watching

    private func observeNode(_ event: WatchEvent) {
        let node = event.object
        let slot = self.slot(for: node.name)
        if event.kind == .deleted {
            nodes[slot] = nil
        } else {
            let alloc = node["status"]["allocatable"]
            nodes[slot] = NodeInfo(
                labels: node.labels, taints: node["spec"]["taints"].items,
                unschedulable: node["spec"]["unschedulable"].bool == true,
                cpu: ResourceQuantity.milliValue(of: "cpu", in: alloc) ?? 0,
                memory: ResourceQuantity.milliValue(of: "memory", in: alloc) ?? 0,
                pods: Int((ResourceQuantity.milliValue(of: "pods", in: alloc) ?? 110_000) / 1000))
        }
        liveSlots = nodes.indices.filter { nodes[$0] != nil }.sorted { slotNames[$0] < slotNames[$1] }
    }

    private func slot(for name: String) -> Int {
        if let s = slotByName[name] { return s }
        let s = slotNames.count
        slotByName[name] = s
        slotNames.append(name)
        nodes.append(nil)
        usage.append(Usage())
        return s
    }

    private func observePod(_ event: WatchEvent) -> [String] {
        let pod = event.object
        // Status writes on a bound pod that stays bound and unfinished change nothing here.
        if event.kind == .modified, let old = event.old, Self.sameBindingAndRequests(old["spec"], pod["spec"]),
            old["status"]["phase"] == pod["status"]["phase"], old.isDeleting == pod.isDeleting
        {
            let bound = !(pod["spec"]["nodeName"].string ?? "").isEmpty
            return bound || pod.isDeleting ? [] : [event.namespacedKey]
        }
        let key = event.namespacedKey
        let phase = pod["status"]["phase"].string ?? ""
        let node = pod["spec"]["nodeName"].string ?? ""
        var placement: Placement?
        if event.kind != .deleted && !node.isEmpty && phase != "Succeeded" && phase != "Failed" {
            let (cpu, memory) = Self.requests(of: pod)
            placement = Placement(node: node, cpu: cpu, memory: memory, owner: event.podControllerRef?["uid"].string)
        }
        let previous = placements[key]
        if previous != placement {
            if let p = previous { account(p, sign: -1) }
            if let p = placement { account(p, sign: 1) }
            placements[key] = placement
        }
        if event.kind == .deleted {
            forget(key)
            // Freed room may let waiting pods in.
            return previous != nil ? retryKeys(namespace: nil) : []
        }
        if placement == nil && previous != nil { return retryKeys(namespace: nil) }
        if node.isEmpty && !pod.isDeleting { return [key] }
        return []
    }

    /// The same node and containers (so the same requests). A status write keeps the stored
    /// spec, so the first comparison (shared storage) usually answers.
    static func sameBindingAndRequests(_ old: JSONValue, _ new: JSONValue) -> Bool {
        old == new || (old["nodeName"] == new["nodeName"] && old["containers"] == new["containers"])
    }

    private func account(_ p: Placement, sign: Int) {
        let s = slot(for: p.node)
        usage[s].cpu = sign > 0 ? usage[s].cpu.adding(saturating: p.cpu) : usage[s].cpu.subtracting(saturating: p.cpu)
        usage[s].memory = sign > 0 ? usage[s].memory.adding(saturating: p.memory) : usage[s].memory.subtracting(saturating: p.memory)
        usage[s].pods += sign
        if let owner = p.owner {
            var counts = spread.removeValue(forKey: owner) ?? []
            if counts.count <= s { counts.append(contentsOf: repeatElement(0, count: s + 1 - counts.count)) }
            counts[s] += sign
            if counts.contains(where: { $0 != 0 }) { spread[owner] = counts }
        }
    }

    private func retryKeys(namespace: String?) -> [String] {
        var keys = unschedulable.union(awaitingVolumes.keys)
        if let ns = namespace { keys = keys.filter { $0.hasPrefix(ns + "/") } }
        return keys.sorted()
    }

    private func forget(_ key: String) {
        unschedulable.remove(key)
        awaitingVolumes[key] = nil
        lastFailure[key] = nil
        updateWaiting(key, pod: nil)
    }

    private func waiters(ofClaim claim: String) -> [String] { waitersByClaim[claim].map { $0.sorted() } ?? [] }

    /// Keeps the claim index in step with the two waiting sets: a pod in either is indexed by its
    /// claims (read from `pod` when it enters), a pod in neither is dropped.
    private func updateWaiting(_ key: String, pod: JSONValue?) {
        let waiting = unschedulable.contains(key) || awaitingVolumes[key] != nil
        if waiting, claimsOfWaiter[key] == nil, let pod {
            let ns = pod.namespace ?? "default"
            let claims = pod["spec"]["volumes"].items.compactMap { $0["persistentVolumeClaim"]["claimName"].string }.map { ns + "/" + $0 }
            claimsOfWaiter[key] = claims
            for claim in claims { waitersByClaim[claim, default: []].insert(key) }
        } else if !waiting, let claims = claimsOfWaiter.removeValue(forKey: key) {
            for claim in claims {
                waitersByClaim[claim]?.remove(key)
                if waitersByClaim[claim]?.isEmpty == true { waitersByClaim[claim] = nil }
            }
        }
    }

    /// The requests the fit check counts (`PodResources`, upstream's `PodRequests`).
    static func requests(of pod: JSONValue) -> (cpu: Int64, memory: Int64) {
        let r = PodResources.requests(of: pod["spec"])
        return (r.cpu, r.memory)
    }

    // MARK: Scheduling

    private enum VolumeCheck {
        case fail(String)
        case ok(nodeTerms: [[JSONValue]], unboundDelayed: [ObjectRef])
    }

    private func checkVolumes(_ pod: JSONValue, in cluster: Cluster) -> VolumeCheck {
        let ns = pod.namespace ?? "default"
        var terms: [[JSONValue]] = []
        var delayed: [ObjectRef] = []
        for volume in pod["spec"]["volumes"].items {
            guard let claimName = volume["persistentVolumeClaim"]["claimName"].string else { continue }
            guard let claim = cluster.store.get(Self.pvcType, namespace: ns, name: claimName) else {
                return .fail("persistentvolumeclaim \"\(claimName)\" not found")
            }
            if claim.isDeleting { return .fail("persistentvolumeclaim \"\(claimName)\" is being deleted") }
            let volumeName = claim["spec"]["volumeName"].string ?? ""
            if !volumeName.isEmpty {
                if let pv = cluster.store.get(Self.pvType, namespace: nil, name: volumeName) {
                    let required = pv["spec"]["nodeAffinity"]["required"]["nodeSelectorTerms"].items
                    if !required.isEmpty { terms.append(required) }
                }
                continue
            }
            let className = claim["spec"]["storageClassName"].string ?? ""
            let mode = className.isEmpty ? "Immediate"
                : cluster.store.get(Self.scType, namespace: nil, name: className)?["volumeBindingMode"].string ?? "Immediate"
            if mode == "WaitForFirstConsumer" {
                delayed.append(ObjectRef(Self.pvcType, namespace: ns, name: claimName))
            } else {
                return .fail("pod has unbound immediate PersistentVolumeClaims")
            }
        }
        return .ok(nodeTerms: terms, unboundDelayed: delayed)
    }

    private func schedule(_ pod: JSONValue, key: String, in cluster: Cluster) {
        let total = liveSlots.count
        let (volumeTerms, delayed): ([[JSONValue]], [ObjectRef])
        switch checkVolumes(pod, in: cluster) {
        case .fail(let message):
            fail(pod, key: key, message: "0/\(total) nodes are available: \(message). preemption: 0/\(total) nodes are available: "
                + "\(total) Preemption is not helpful for scheduling.", in: cluster)
            return
        case .ok(let t, let d):
            (volumeTerms, delayed) = (t, d)
        }
        if let assumed = awaitingVolumes[key] {
            let stillUnbound = delayed.filter { ref in
                (cluster.store.get(ref)?["spec"]["volumeName"].string ?? "").isEmpty
            }
            if stillUnbound.isEmpty, let s = slotByName[assumed], nodes[s] != nil {
                awaitingVolumes[key] = nil
                bind(pod, to: assumed, in: cluster)
            }
            return
        }
        if total == 0 {
            fail(pod, key: key, message: "no nodes available to schedule pods", in: cluster)
            return
        }
        let tolerations = pod["spec"]["tolerations"].items
        let selector = pod["spec"]["nodeSelector"].stringMap
        let affinity = pod["spec"]["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]
        let requiredTerms: [JSONValue]? = affinity.isNull ? nil : affinity["nodeSelectorTerms"].items
        let (cpu, memory) = Self.requests(of: pod)
        let unschedulableTaint: JSONValue = ["effect": "NoSchedule", "key": "node.kubernetes.io/unschedulable"]

        var feasible: [Int] = []
        var reasons: [String: Int] = [:]
        var unresolvable = 0, resolvable = 0
        let plainPod = selector.isEmpty && requiredTerms == nil && volumeTerms.isEmpty
        for slot in liveSlots {
            guard let node = nodes[slot] else { continue }
            let nodeName = slotNames[slot]
            if node.unschedulable && !tolerations.contains(where: { NodeMatching.tolerates($0, unschedulableTaint) }) {
                reasons["node(s) were unschedulable", default: 0] += 1
                unresolvable += 1
                continue
            }
            if let taint = NodeMatching.untoleratedTaint(node.taints, tolerations: tolerations) {
                let text = "node(s) had untolerated taint {\(taint["key"].string ?? ""): \(taint["value"].string ?? "")}"
                reasons[text, default: 0] += 1
                unresolvable += 1
                continue
            }
            if !plainPod && !NodeMatching.podMatchesNode(nodeSelector: selector, requiredTerms: requiredTerms, labels: node.labels,
                                                         nodeName: nodeName)
            {
                reasons["node(s) didn't match Node's node affinity/selector", default: 0] += 1
                unresolvable += 1
                continue
            }
            let used = usage[slot]
            var insufficient: [String] = []
            if used.pods + 1 > node.pods { insufficient.append("Too many pods") }
            if cpu > 0 && cpu > node.cpu.subtracting(saturating: used.cpu) { insufficient.append("Insufficient cpu") }
            if memory > 0 && memory > node.memory.subtracting(saturating: used.memory) { insufficient.append("Insufficient memory") }
            if !insufficient.isEmpty {
                for r in insufficient { reasons[r, default: 0] += 1 }
                resolvable += 1
                continue
            }
            if !plainPod && !volumeTerms.allSatisfy({ NodeMatching.termsMatch($0, labels: node.labels, nodeName: nodeName) }) {
                reasons["node(s) had volume node affinity conflict", default: 0] += 1
                unresolvable += 1
                continue
            }
            feasible.append(slot)
        }
        guard !feasible.isEmpty else {
            let main = reasons.map { "\($0.value) \($0.key)" }.sorted().joined(separator: ", ")
            var preemption: [String] = []
            if unresolvable > 0 { preemption.append("\(unresolvable) Preemption is not helpful for scheduling") }
            if resolvable > 0 { preemption.append("\(resolvable) No preemption victims found for incoming pod") }
            fail(pod, key: key, message: "0/\(total) nodes are available: \(main). preemption: 0/\(total) nodes are available: "
                + preemption.sorted().joined(separator: ", ") + ".", in: cluster)
            return
        }
        let ownerCounts = pod.controllerRef?["uid"].string.flatMap { spread[$0] } ?? []
        var best: [Int] = []
        var bestScore = (Int.max, Int.max)
        for slot in feasible {
            let s = (slot < ownerCounts.count ? ownerCounts[slot] : 0, usage[slot].pods)
            if s < bestScore {
                bestScore = s
                best = [slot]
            } else if s == bestScore {
                best.append(slot)
            }
        }
        let chosen = slotNames[best.count == 1 ? best[0] : best[cluster.rng.int(in: 0...(best.count - 1))]]
        if !delayed.isEmpty {
            // The claims are provisioned for the chosen node first; the pod binds once they are bound.
            awaitingVolumes[key] = chosen
            unschedulable.remove(key)
            updateWaiting(key, pod: pod)
            for ref in delayed {
                _ = try? cluster.store.modify(ref) { claim in
                    claim["metadata"]["annotations"][Self.selectedNodeAnnotation] = .string(chosen)
                }
            }
            return
        }
        bind(pod, to: chosen, in: cluster)
    }

    private func bind(_ pod: JSONValue, to node: String, in cluster: Cluster) {
        let key = pod.namespacedKey
        forget(key)
        let stamp = JSONValue.string(Timestamp.rfc3339(cluster.now))
        let ref = ObjectRef(Self.podType, namespace: pod.namespace ?? "default", name: pod.name)
        guard let bound = try? cluster.store.modify(ref, { p in
            p["spec"]["nodeName"] = .string(node)
            var conditions = p["status"]["conditions"].items.filter { $0["type"].string != "PodScheduled" }
            conditions.append(["lastProbeTime": nil, "lastTransitionTime": stamp, "status": "True", "type": "PodScheduled"])
            p["status"]["conditions"] = .array(conditions)
        }) else { return }
        cluster.recordEvent(for: bound, type: "Normal", reason: "Scheduled",
                            message: "Successfully assigned \(pod.namespace ?? "default")/\(pod.name) to \(node)",
                            source: name)
    }

    private func fail(_ pod: JSONValue, key: String, message: String, in cluster: Cluster) {
        let firstFailure = !unschedulable.contains(key)
        unschedulable.insert(key)
        updateWaiting(key, pod: pod)
        let ref = ObjectRef(Self.podType, namespace: pod.namespace ?? "default", name: pod.name)
        let existing = pod["status"]["conditions"].items.first { $0["type"].string == "PodScheduled" }
        var updated = pod
        if existing?["status"].string != "False" || existing?["message"].string != message {
            let condition: JSONValue = [
                "lastProbeTime": nil, "lastTransitionTime": .string(Timestamp.rfc3339(cluster.now)), "message": .string(message),
                "reason": "Unschedulable", "status": "False", "type": "PodScheduled",
            ]
            if let written = try? cluster.store.modify(ref, { p in
                var conditions = p["status"]["conditions"].items.filter { $0["type"].string != "PodScheduled" }
                conditions.append(condition)
                p["status"]["conditions"] = .array(conditions)
            }) { updated = written }
        }
        if lastFailure[key] != message || firstFailure {
            lastFailure[key] = message
            cluster.recordEvent(for: updated, type: "Warning", reason: "FailedScheduling", message: message, source: name)
        }
        if firstFailure {
            let uid = pod.uid
            cluster.schedule(after: Self.unschedulableFlush) { [weak self, unowned cluster] in
                guard let self, self.unschedulable.contains(key),
                    cluster.store.get(ref)?.uid == uid
                else { return }
                self.unschedulable.remove(key)
                self.lastFailure[key] = nil
                self.updateWaiting(key, pod: nil)
                cluster.enqueue(self, key: key)
            }
        }
    }
}
