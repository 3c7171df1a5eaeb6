import KubeAPI

/// Rolls Deployments out through ReplicaSets named `<deployment>-<template hash>`: a new
/// ReplicaSet for each new template, scaled up while old ones scale down within maxSurge and
/// maxUnavailable (RollingUpdate), or old ones first (Recreate).
public final class DeploymentController: Controller {
    public let name = "deployment-controller"
    public let watchedKinds = WatchedKinds.only(["Deployment", "ReplicaSet"])

    public init() {}

    static let deployments = ResourceRegistry.lookup("deployments")!
    static let replicaSets = ResourceRegistry.lookup("replicasets")!
    static let revisionKey = "deployment.kubernetes.io/revision"
    /// Annotations a Deployment does not pass to its ReplicaSets (deployment util's `annotationsToSkip`).
    static let annotationsNotCopied: Set<String> = [
        "kubectl.kubernetes.io/last-applied-configuration", revisionKey, "deployment.kubernetes.io/revision-history",
        "deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
    ]

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        switch event.resource.kind {
        case "Deployment":
            return [(event.object.namespace ?? "") + "/" + event.object.name]
        case "ReplicaSet":
            guard let ref = event.object.controllerRef, ref["kind"].string == "Deployment" else { return [] }
            return [(event.object.namespace ?? "") + "/" + (ref["name"].string ?? "")]
        default:
            return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let d = cluster.store.get(Self.deployments, namespace: parts[0], name: parts[1]),
            !d.isDeleting
        else { return }
        var owned = ReplicaSetController.ownedReplicaSets(of: d, in: cluster)
        let hash = PodTemplateHash.of(d["spec"]["template"], collisionCount: d["status"]["collisionCount"].int ?? 0)
        let desired = max(0, d["spec"]["replicas"].int ?? 1)
        // The current ReplicaSet is the one whose template equals the Deployment's, ignoring the
        // hash label (deployment util's EqualIgnoreHash), so adopted sets keep their names.
        var newRS = owned.first { Self.templateIgnoringHash($0["spec"]["template"]).isSemanticallyEqual(to: d["spec"]["template"]) }
        let olds = owned.filter { $0.uid != newRS?.uid }
        if newRS == nil, !(d["spec"]["paused"].bool ?? false) {
            newRS = createReplicaSet(for: d, hash: hash, olds: olds, desired: desired, in: cluster)
            if let rs = newRS { owned.append(rs) }
        }
        guard var current = newRS else { return }
        current = markRevision(d, newRS: current, olds: olds, in: cluster)
        if d["spec"]["strategy"]["type"].string == "Recreate" {
            for old in olds where (old["spec"]["replicas"].int ?? 0) > 0 { scale(old, to: 0, in: cluster) }
            let oldPodsLeft = olds.reduce(0) { $0 + ($1["status"]["replicas"].int ?? 0) }
            if oldPodsLeft == 0 && (current["spec"]["replicas"].int ?? 0) != desired { scale(current, to: desired, in: cluster) }
        } else {
            rollingUpdate(d, newRS: current, olds: olds, desired: desired, in: cluster)
        }
        updateStatus(d, newRS: cluster.store.get(ObjectRef(Self.replicaSets, namespace: current.namespace ?? "", name: current.name)) ?? current,
                     all: ReplicaSetController.ownedReplicaSets(of: d, in: cluster), in: cluster)
    }

    func createReplicaSet(for d: JSONValue, hash: String, olds: [JSONValue], desired: Int, in cluster: Cluster) -> JSONValue? {
        let revision = (olds.compactMap { Int($0.annotations[Self.revisionKey] ?? "") }.max() ?? 0) + 1
        var template = d["spec"]["template"]
        template["metadata"]["labels"]["pod-template-hash"] = .string(hash)
        var selector = d["spec"]["selector"]
        selector["matchLabels"]["pod-template-hash"] = .string(hash)
        let surge = olds.isEmpty ? desired : min(desired, max(0, desired + Self.maxSurge(d, desired) - olds.reduce(0) { $0 + ($1["spec"]["replicas"].int ?? 0) }))
        var rs: JSONValue = ["apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": .emptyObject, "spec": .emptyObject]
        rs["metadata"]["name"] = .string("\(d.name)-\(hash)")
        rs["metadata"]["namespace"] = .string(d.namespace ?? "default")
        rs["metadata"]["labels"] = template["metadata"]["labels"]
        var annotations = Self.copiedAnnotations(of: d)
        annotations["deployment.kubernetes.io/desired-replicas"] = String(desired)
        annotations["deployment.kubernetes.io/max-replicas"] = String(desired + Self.maxSurge(d, desired))
        annotations[Self.revisionKey] = String(revision)
        rs["metadata"]["annotations"] = .stringMap(annotations)
        rs["metadata"]["ownerReferences"] = [d.ownerReference()]
        rs["spec"]["replicas"] = .int(d["spec"]["strategy"]["type"].string == "Recreate" && !olds.isEmpty ? 0 : surge)
        rs["spec"]["minReadySeconds"] = d["spec"]["minReadySeconds"]
        rs["spec"]["selector"] = selector
        rs["spec"]["template"] = template
        do {
            let created = try cluster.api.create(rs, as: Self.replicaSets, fieldValidation: .typedClient)
            cluster.recordEvent(for: d, type: "Normal", reason: "ScalingReplicaSet",
                                message: "Scaled up replica set \(created.name) to \(created["spec"]["replicas"].int ?? 0)", source: name)
            return created
        } catch {
            cluster.recordEvent(for: d, type: "Warning", reason: "FailedCreate", message: error.statusMessage, source: name)
            return nil
        }
    }

    /// The Deployment's annotations its ReplicaSets carry (`kubernetes.io/change-cause` among them,
    /// which `rollout history` shows as CHANGE-CAUSE).
    static func copiedAnnotations(of d: JSONValue) -> [String: String] {
        d.annotations.filter { !annotationsNotCopied.contains($0.key) }
    }

    /// `getNewReplicaSet` for an existing set: a template brought back (rollout undo) becomes the
    /// newest revision again, with the Deployment's current annotations; the Deployment then names
    /// the revision it runs (`SetDeploymentRevision`, written through the status subresource, which
    /// leaves the generation alone).
    func markRevision(_ d: JSONValue, newRS: JSONValue, olds: [JSONValue], in cluster: Cluster) -> JSONValue {
        let maxOld = olds.compactMap { Int($0.annotations[Self.revisionKey] ?? "") }.max() ?? 0
        var rs = newRS
        let current = Int(rs.annotations[Self.revisionKey] ?? "") ?? 0
        let revision = max(current, maxOld + 1)
        var annotations = rs.annotations
        for (key, value) in Self.copiedAnnotations(of: d) { annotations[key] = value }
        annotations[Self.revisionKey] = String(revision)
        if annotations != rs.annotations {
            rs["metadata"]["annotations"] = .stringMap(annotations)
            if let stored = try? cluster.store.update(Self.replicaSets, rs) { rs = stored }
        }
        if d.annotations[Self.revisionKey] != String(revision),
            var latest = cluster.store.get(ObjectRef(Self.deployments, namespace: d.namespace ?? "", name: d.name))
        {
            latest["metadata"]["annotations"][Self.revisionKey] = .string(String(revision))
            _ = try? cluster.store.update(Self.deployments, latest, throughStatus: true)
        }
        return rs
    }

    func rollingUpdate(_ d: JSONValue, newRS: JSONValue, olds: [JSONValue], desired: Int, in cluster: Cluster) {
        let surge = Self.maxSurge(d, desired)
        let unavailable = Self.maxUnavailable(d, desired)
        let oldTotal = olds.reduce(0) { $0 + ($1["spec"]["replicas"].int ?? 0) }
        let newReplicas = newRS["spec"]["replicas"].int ?? 0
        if olds.isEmpty || oldTotal == 0 {
            if newReplicas != desired { scale(newRS, to: desired, in: cluster) }
            return
        }
        // Scale the new ReplicaSet up within the surge budget.
        let room = desired + surge - (oldTotal + newReplicas)
        if room > 0 && newReplicas < desired { scale(newRS, to: min(desired, newReplicas + room), in: cluster) }
        // Scale old ReplicaSets down while enough pods stay available.
        let available = ([newRS] + olds).reduce(0) { $0 + ($1["status"]["availableReplicas"].int ?? 0) }
        var removable = max(0, available - (desired - unavailable))
        // Old pods that are not available can always go.
        for old in olds.sorted(by: { ($0.creationTimestamp ?? "") < ($1.creationTimestamp ?? "") }) {
            let replicas = old["spec"]["replicas"].int ?? 0
            guard replicas > 0 else { continue }
            let unhealthy = replicas - (old["status"]["availableReplicas"].int ?? 0)
            let cut = min(replicas, max(0, unhealthy) + removable)
            guard cut > 0 else { continue }
            removable = max(0, removable - max(0, cut - max(0, unhealthy)))
            scale(old, to: replicas - cut, in: cluster)
        }
    }

    func scale(_ rs: JSONValue, to replicas: Int, in cluster: Cluster) {
        guard let current = cluster.store.get(ObjectRef(Self.replicaSets, namespace: rs.namespace ?? "", name: rs.name)) else { return }
        let from = current["spec"]["replicas"].int ?? 0
        guard from != replicas else { return }
        var updated = current
        updated["spec"]["replicas"] = .int(replicas)
        guard (try? cluster.store.update(Self.replicaSets, updated)) != nil else { return }
        if let ownerName = current.controllerRef?["name"].string,
            let d = cluster.store.get(Self.deployments, namespace: current.namespace ?? "", name: ownerName)
        {
            let verb = replicas > from ? "up" : "down"
            cluster.recordEvent(for: d, type: "Normal", reason: "ScalingReplicaSet",
                                message: "Scaled \(verb) replica set \(current.name) from \(from) to \(replicas)", source: name)
        }
    }

    func updateStatus(_ d: JSONValue, newRS: JSONValue, all: [JSONValue], in cluster: Cluster) {
        let desired = max(0, d["spec"]["replicas"].int ?? 1)
        let replicas = all.reduce(0) { $0 + ($1["status"]["replicas"].int ?? 0) }
        let ready = all.reduce(0) { $0 + ($1["status"]["readyReplicas"].int ?? 0) }
        let available = all.reduce(0) { $0 + ($1["status"]["availableReplicas"].int ?? 0) }
        let updated = newRS["status"]["replicas"].int ?? 0
        let now = JSONValue.string(Timestamp.rfc3339(cluster.now))
        var status: JSONValue = ["observedGeneration": .int(d["metadata"]["generation"].int ?? 1)]
        if replicas > 0 { status["replicas"] = .int(replicas) }
        if updated > 0 { status["updatedReplicas"] = .int(updated) }
        if ready > 0 { status["readyReplicas"] = .int(ready) }
        if available > 0 { status["availableReplicas"] = .int(available) }
        if desired - available > 0 { status["unavailableReplicas"] = .int(desired - available) }
        let minAvailable = desired - Self.maxUnavailable(d, desired)
        let isAvailable = available >= minAvailable
        let complete = updated == desired && available >= desired && replicas == desired
        func condition(_ type: String, _ ok: Bool, _ reason: String, _ message: String) -> JSONValue {
            let old = d["status"]["conditions"].items.first { $0["type"].string == type }
            let same = old?["status"].string == (ok ? "True" : "False")
            let sameReason = same && old?["reason"].string == reason
            return ["type": .string(type), "status": ok ? "True" : "False",
                    "lastUpdateTime": sameReason ? (old?["lastUpdateTime"] ?? now) : now,
                    "lastTransitionTime": same ? (old?["lastTransitionTime"] ?? now) : now,
                    "reason": .string(reason), "message": .string(message)]
        }
        status["conditions"] = [
            condition("Available", isAvailable, isAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                      isAvailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability."),
            condition("Progressing", true, complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                      complete ? "ReplicaSet \"\(newRS.name)\" has successfully progressed." : "ReplicaSet \"\(newRS.name)\" is progressing."),
        ]
        // The latest stored object: this pass may have written its revision annotation.
        guard var latest = cluster.store.get(ObjectRef(Self.deployments, namespace: d.namespace ?? "", name: d.name)),
            latest["status"] != status else { return }
        latest["status"] = status
        _ = try? cluster.store.update(Self.deployments, latest, throughStatus: true)
    }

    static func templateIgnoringHash(_ template: JSONValue) -> JSONValue {
        var t = template
        t["metadata"]["labels"]["pod-template-hash"] = .null
        if t["metadata"]["labels"].object?.isEmpty == true { t["metadata"]["labels"] = .null }
        return t
    }

    /// maxSurge as a count (25% rounded up by default).
    static func maxSurge(_ d: JSONValue, _ desired: Int) -> Int {
        guard d["spec"]["strategy"]["type"].string != "Recreate" else { return 0 }
        return resolve(d["spec"]["strategy"]["rollingUpdate"]["maxSurge"], desired, roundUp: true, fallback: "25%")
    }

    /// maxUnavailable as a count (25% rounded down by default); never both zero.
    static func maxUnavailable(_ d: JSONValue, _ desired: Int) -> Int {
        guard d["spec"]["strategy"]["type"].string != "Recreate" else { return desired }
        let u = resolve(d["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"], desired, roundUp: false, fallback: "25%")
        return u == 0 && maxSurge(d, desired) == 0 ? 1 : u
    }

    /// An IntOrString count or percentage of `total`, at most Int32.max: the API allows
    /// `maxSurge: "9223372036854775807%"`, and the controller adds the result to replica counts.
    static func resolve(_ v: JSONValue, _ total: Int, roundUp: Bool, fallback: String) -> Int {
        if let i = v.int { return min(max(0, i), Int(Int32.max)) }
        let text = v.string ?? fallback
        guard text.hasSuffix("%"), let pct = Int(text.dropLast()) else { return 0 }
        // As Go's intstr.GetScaledValueFromIntOrPercent: float64(total) * percent / 100.
        let exact = Double(total) * Double(pct) / 100
        return min(max(0, Int(saturating: roundUp ? exact.rounded(.up) : exact.rounded(.down))), Int(Int32.max))
    }
}

extension ReplicaSetController {
    static func ownedReplicaSets(of owner: JSONValue, in cluster: Cluster) -> [JSONValue] {
        cluster.store.dependents(of: owner.uid).compactMap { ref in
            guard ref.resource.kind == "ReplicaSet", let rs = cluster.store.get(ref),
                rs.controllerRef?["uid"].string == owner.uid else { return nil }
            return rs
        }
    }
}
