import KubeAPI

/// The persistentvolume-controller of kube-controller-manager together with the external
/// provisioners of the sandbox's storage classes: binds claims to matching volumes, provisions
/// `pvc-<claim uid>` volumes per StorageClass (at once for Immediate classes, after the scheduler
/// picks a node for WaitForFirstConsumer ones), and releases or deletes volumes whose claim is gone.
///
/// Keys are `claim|<ns>/<name>` and `volume|<name>`. Indexes kept from the watch (available
/// volumes, volumes pre-bound to a claim) keep every sync O(1) in the number of claims.
public final class PersistentVolumeController: Controller {
    public let name = "persistentvolume-controller"
    public let watchedKinds = WatchedKinds.only(["PersistentVolumeClaim", "PersistentVolume", "StorageClass"])

    static let claimType = ResourceRegistry.forKind("PersistentVolumeClaim")!
    static let volumeType = ResourceRegistry.forKind("PersistentVolume")!
    static let selectedNodeAnnotation = "volume.kubernetes.io/selected-node"
    static let boundByController = "pv.kubernetes.io/bound-by-controller"
    static let bindCompleted = "pv.kubernetes.io/bind-completed"
    static let provisionedBy = "pv.kubernetes.io/provisioned-by"
    static let betaProvisioner = "volume.beta.kubernetes.io/storage-provisioner"
    static let provisionerAnnotation = "volume.kubernetes.io/storage-provisioner"

    /// How long a provisioner takes, in milliseconds: a base plus jitter from the cluster's generator.
    public var provisioningDelay: (base: Millis, jitter: Millis) = (1_000, 800)
    /// How long a provisioner takes to delete a released volume whose policy is Delete.
    public var deletionDelay: Millis = 1_000
    /// The binder re-examines claims it could not bind this often (`--pvclaimbinder-sync-period`),
    /// which is why a waiting claim's events count up (`(x3 over 31s)`).
    public var resyncPeriod: Millis = 15_000

    /// Volumes without a claimRef (candidates for static binding).
    private var availableVolumes: Set<String> = []
    /// `ns/claim` → the volume whose claimRef names it.
    private var volumeByClaim: [String: String] = [:]
    /// Claims with no volumeName yet; retried when a volume becomes available.
    private var unboundClaims: Set<String> = []
    /// Claims waiting for a StorageClass that does not exist (class name → claim keys).
    private var waitingForClass: [String: Set<String>] = [:]
    /// Claims (by uid) and volumes with a provisioning or deletion under way.
    private var provisioning: Set<String> = []
    private var deleting: Set<String> = []
    /// Claims with a periodic re-sync already scheduled.
    private var resyncScheduled: Set<String> = []

    public init() {}

    // MARK: Controller

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        let object = event.object
        switch event.resource.kind {
        case "PersistentVolumeClaim":
            let key = object.namespacedKey
            if event.kind == .deleted || !(object.spec["volumeName"].string ?? "").isEmpty {
                unboundClaims.remove(key)
            } else {
                unboundClaims.insert(key)
            }
            var keys = ["claim|" + key]
            if event.kind == .deleted {
                if let volume = object.spec["volumeName"].string, !volume.isEmpty { keys.append("volume|" + volume) }
                if let volume = volumeByClaim[key], !keys.contains("volume|" + volume) { keys.append("volume|" + volume) }
            }
            return keys
        case "PersistentVolume":
            index(volume: object, old: event.old, deleted: event.kind == .deleted)
            var keys = ["volume|" + object.name]
            let ref = object.spec["claimRef"]
            if let claim = ref["name"].string {
                keys.append("claim|" + (ref["namespace"].string ?? "default") + "/" + claim)
            }
            if event.kind == .deleted, let old = event.old, let claim = old.spec["claimRef"]["name"].string {
                let key = "claim|" + (old.spec["claimRef"]["namespace"].string ?? "default") + "/" + claim
                if !keys.contains(key) { keys.append(key) }
            }
            if availableVolumes.contains(object.name) && event.kind != .deleted {
                // A volume to bind statically: unbound claims may now match.
                keys += unboundClaims.sorted().map { "claim|" + $0 }
            }
            return keys
        case "StorageClass":
            guard event.kind != .deleted, let waiting = waitingForClass.removeValue(forKey: object.name) else { return [] }
            return waiting.sorted().map { "claim|" + $0 }
        default:
            return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        if key.hasPrefix("claim|") {
            let rest = key.dropFirst(6)
            guard let (ns, name) = NamespacedKey.split(rest) else { return }
            guard let claim = cluster.store.get(Self.claimType, namespace: ns, name: name) else { return }
            syncClaim(claim, in: cluster)
        } else if key.hasPrefix("volume|") {
            guard let volume = cluster.store.get(Self.volumeType, namespace: nil, name: String(key.dropFirst(7))) else { return }
            syncVolume(volume, in: cluster)
        }
    }

    private func index(volume: JSONValue, old: JSONValue?, deleted: Bool) {
        if let old, let claim = old.spec["claimRef"]["name"].string {
            let key = (old.spec["claimRef"]["namespace"].string ?? "default") + "/" + claim
            if volumeByClaim[key] == old.name { volumeByClaim[key] = nil }
        }
        availableVolumes.remove(volume.name)
        if deleted { return }
        let ref = volume.spec["claimRef"]
        if let claim = ref["name"].string {
            volumeByClaim[(ref["namespace"].string ?? "default") + "/" + claim] = volume.name
        } else if !volume.isDeleting {
            availableVolumes.insert(volume.name)
        }
    }

    // MARK: Claims

    static func className(of claim: JSONValue) -> String? {
        claim.spec["storageClassName"].string ?? claim.annotations["volume.beta.kubernetes.io/storage-class"]
    }

    func syncClaim(_ claim: JSONValue, in cluster: Cluster) {
        let volumeName = claim.spec["volumeName"].string ?? ""
        if volumeName.isEmpty {
            syncUnboundClaim(claim, in: cluster)
        } else {
            syncBoundClaim(claim, volumeName: volumeName, in: cluster)
        }
    }

    private func syncUnboundClaim(_ claim: JSONValue, in cluster: Cluster) {
        let store = cluster.store
        let key = claim.namespacedKey
        scheduleResync(key, in: cluster)
        if claim.status["phase"].string != "Pending" {
            // An unbound claim is Pending (the API server's default, restored if it went missing).
            _ = try? store.modify(claimRef(claim)) { $0["status"]["phase"] = "Pending" }
        }
        // Claims created with no class get today's default (retroactive default StorageClass).
        guard let className = Self.className(of: claim) else {
            if let fallback = StorageClassView.defaultClass(in: store) {
                _ = try? store.modify(claimRef(claim)) { $0["spec"]["storageClassName"] = .string(fallback.name) }
            } else {
                tryStaticBinding(claim, storageClass: nil, in: cluster)
            }
            return
        }
        if let volumeName = volumeByClaim[key], let volume = store.get(Self.volumeType, namespace: nil, name: volumeName),
            claimRefMatches(volume, claim)
        {
            bind(volume, claim, in: cluster)
            return
        }
        if className.isEmpty {
            tryStaticBinding(claim, storageClass: nil, in: cluster)
            return
        }
        guard let storageClass = StorageClassView.named(className, in: store) else {
            if tryStaticBinding(claim, storageClass: nil, className: className, quiet: true, in: cluster) { return }
            waitingForClass[className, default: []].insert(key)
            cluster.recordEvent(
                for: claim, type: "Warning", reason: "ProvisioningFailed",
                message: "storageclass.storage.k8s.io \"\(className)\" not found", source: name)
            return
        }
        let selectedNode = claim.annotations[Self.selectedNodeAnnotation]
        if storageClass.waitsForFirstConsumer && selectedNode == nil {
            cluster.recordEvent(
                for: claim, type: "Normal", reason: "WaitForFirstConsumer",
                message: "waiting for first consumer to be created before binding", source: name)
            return
        }
        if tryStaticBinding(claim, storageClass: storageClass, className: className, quiet: true, in: cluster) { return }
        guard !claim.isDeleting, storageClass.provisioner != "kubernetes.io/no-provisioner" else { return }
        startProvisioning(claim, storageClass: storageClass, node: selectedNode, in: cluster)
    }

    /// Looks at an unbound claim again after `resyncPeriod`, as long as it stays unbound.
    private func scheduleResync(_ key: String, in cluster: Cluster) {
        guard resyncPeriod > 0, resyncScheduled.insert(key).inserted else { return }
        cluster.schedule(after: resyncPeriod) { [weak self, unowned cluster] in
            guard let self else { return }
            self.resyncScheduled.remove(key)
            if self.unboundClaims.contains(key) { cluster.enqueue(self, key: "claim|" + key) }
        }
    }

    /// Binds the claim to the smallest available volume that satisfies it; returns whether it did.
    @discardableResult
    private func tryStaticBinding(_ claim: JSONValue, storageClass: StorageClassView?, className: String = "",
                                  quiet: Bool = false, in cluster: Cluster) -> Bool
    {
        if let volume = bestMatch(for: claim, className: className, in: cluster) {
            bind(volume, claim, in: cluster)
            return true
        }
        if !quiet {
            cluster.recordEvent(
                for: claim, type: "Normal", reason: "FailedBinding",
                message: "no persistent volumes available for this claim and no storage class is set", source: name)
        }
        return false
    }

    /// Static binding: same class, every requested access mode, enough capacity, the selector,
    /// the volume mode, and (for local volumes) the node the scheduler picked.
    func bestMatch(for claim: JSONValue, className: String, in cluster: Cluster) -> JSONValue? {
        let request = StorageQuantity.bytes(claim.spec["resources"]["requests"]["storage"].scalarText ?? "0") ?? 0
        let modes = Set(claim.spec["accessModes"].items.compactMap(\.string))
        let mode = claim.spec["volumeMode"].string ?? "Filesystem"
        let selector = claim.spec["selector"]
        let node = claim.annotations[Self.selectedNodeAnnotation]
        var best: (JSONValue, Double)?
        for name in availableVolumes.sorted() {
            guard let volume = cluster.store.get(Self.volumeType, namespace: nil, name: name), !volume.isDeleting,
                volume.spec["claimRef"].isNull
            else { continue }
            let phase = volume.status["phase"].string ?? ""
            guard phase != "Released" && phase != "Failed" else { continue }
            guard (volume.spec["storageClassName"].string ?? "") == className,
                (volume.spec["volumeMode"].string ?? "Filesystem") == mode,
                modes.isSubset(of: Set(volume.spec["accessModes"].items.compactMap(\.string))),
                let capacity = StorageQuantity.bytes(volume.spec["capacity"]["storage"].scalarText ?? ""), capacity >= request
            else { continue }
            if !selector.isNull && !LabelSelector(object: selector).matches(labelsOf: volume) { continue }
            if let node, !Self.volume(volume, allowsNode: node) { continue }
            if best == nil || capacity < best!.1 { best = (volume, capacity) }
        }
        return best?.0
    }

    /// Whether a volume's `nodeAffinity` admits the node (only hostname terms are checked).
    static func volume(_ volume: JSONValue, allowsNode node: String) -> Bool {
        let terms = volume.spec["nodeAffinity"]["required"]["nodeSelectorTerms"].items
        if terms.isEmpty { return true }
        return terms.contains { term in
            term["matchExpressions"].items.allSatisfy { expr in
                guard expr["key"].string == "kubernetes.io/hostname" else { return true }
                let values = expr["values"].items.compactMap(\.string)
                switch expr["operator"].string {
                case "In": return values.contains(node)
                case "NotIn": return !values.contains(node)
                default: return true
                }
            }
        }
    }

    private func syncBoundClaim(_ claim: JSONValue, volumeName: String, in cluster: Cluster) {
        guard let volume = cluster.store.get(Self.volumeType, namespace: nil, name: volumeName) else {
            if claim.annotations[Self.bindCompleted] != nil && claim.status["phase"].string != "Lost" {
                _ = try? cluster.store.modify(claimRef(claim)) { $0["status"]["phase"] = "Lost" }
                cluster.recordEvent(
                    for: claim, type: "Warning", reason: "ClaimLost",
                    message: "Bound claim has lost its PersistentVolume. Data on the volume is lost!", source: name)
            }
            return
        }
        if volume.spec["claimRef"].isNull || claimRefMatches(volume, claim) {
            bind(volume, claim, in: cluster)
            return
        }
        if claim.status["phase"].string != "Pending" {
            _ = try? cluster.store.modify(claimRef(claim)) { $0["status"]["phase"] = "Pending" }
        }
        cluster.recordEvent(
            for: claim, type: "Warning", reason: "FailedBinding",
            message: "volume \"\(volume.name)\" already bound to a different claim.", source: name)
    }

    private func claimRefMatches(_ volume: JSONValue, _ claim: JSONValue) -> Bool {
        let ref = volume.spec["claimRef"]
        guard ref["name"].string == claim.name, (ref["namespace"].string ?? "default") == (claim.namespace ?? "default")
        else { return false }
        let uid = ref["uid"].string ?? ""
        return uid.isEmpty || uid == claim.uid
    }

    private func claimRef(_ claim: JSONValue) -> ObjectRef {
        ObjectRef(Self.claimType, namespace: claim.namespace ?? "default", name: claim.name)
    }

    private func volumeRef(_ name: String) -> ObjectRef { ObjectRef(Self.volumeType, namespace: "", name: name) }

    /// Completes the two-way binding: the volume's claimRef and Bound phase, then the claim's
    /// volumeName, annotations and Bound status (`bind` in pv_controller.go). Idempotent.
    private func bind(_ volume: JSONValue, _ claim: JSONValue, in cluster: Cluster) {
        let store = cluster.store
        guard let boundVolume = try? store.modify(volumeRef(volume.name), { pv in
            if !claimRefMatches(pv, claim) || (pv.spec["claimRef"]["uid"].string ?? "").isEmpty {
                if pv.spec["claimRef"].isNull {
                    var annotations = pv.annotations
                    annotations[Self.boundByController] = "yes"
                    pv["metadata"]["annotations"] = .stringMap(annotations)
                }
                var ref: JSONValue = ["apiVersion": "v1", "kind": "PersistentVolumeClaim"]
                ref["name"] = .string(claim.name)
                ref["namespace"] = .string(claim.namespace ?? "default")
                if let rv = claim["metadata"]["resourceVersion"].string { ref["resourceVersion"] = .string(rv) }
                ref["uid"] = .string(claim.uid)
                pv["spec"]["claimRef"] = ref
            }
            Self.setPhase(&pv, "Bound", now: cluster.now)
        }) else { return }
        _ = try? store.modify(claimRef(claim)) { pvc in
            var annotations = pvc.annotations
            if (pvc.spec["volumeName"].string ?? "").isEmpty {
                annotations[Self.boundByController] = "yes"
                pvc["spec"]["volumeName"] = .string(boundVolume.name)
            }
            annotations[Self.bindCompleted] = "yes"
            pvc["metadata"]["annotations"] = .stringMap(annotations)
            var status = pvc.status
            if status.isNull { status = [:] }
            status["accessModes"] = boundVolume.spec["accessModes"]
            status["capacity"] = boundVolume.spec["capacity"]
            status["phase"] = "Bound"
            var ordered = JSONValue.emptyObject
            for key in (status.object?.keys.sorted() ?? []) { ordered[key] = status[key] }
            pvc["status"] = ordered
        }
    }

    static func setPhase(_ volume: inout JSONValue, _ phase: String, now: Millis) {
        if volume.status["phase"].string == phase { return }
        var status = volume.status
        if status.isNull { status = [:] }
        status["lastPhaseTransitionTime"] = .string(Timestamp.rfc3339(now))
        status["phase"] = .string(phase)
        volume["status"] = status
    }

    // MARK: Provisioning

    /// Marks the claim for its class's provisioner and, if that provisioner runs in the sandbox,
    /// has it create the volume after a short delay.
    private func startProvisioning(_ claim: JSONValue, storageClass: StorageClassView, node: String?, in cluster: Cluster) {
        let provisionerName = storageClass.provisioner
        if claim.annotations[Self.provisionerAnnotation] != provisionerName
            || claim.annotations[Self.betaProvisioner] != provisionerName
        {
            _ = try? cluster.store.modify(claimRef(claim)) { pvc in
                var annotations = pvc.annotations
                annotations[Self.betaProvisioner] = provisionerName
                annotations[Self.provisionerAnnotation] = provisionerName
                pvc["metadata"]["annotations"] = .stringMap(annotations)
            }
        }
        cluster.recordEvent(
            for: claim, type: "Normal", reason: "ExternalProvisioning",
            message: "Waiting for a volume to be created either by the external provisioner '\(provisionerName)' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
            source: name)
        guard let provisioner = VolumeProvisioner.named(provisionerName), provisioning.insert(claim.uid).inserted else { return }
        let jitter = provisioningDelay.jitter > 0 ? Millis(cluster.rng.int(in: 0...Int(provisioningDelay.jitter))) : 0
        let uid = claim.uid
        let ref = claimRef(claim)
        cluster.schedule(after: provisioningDelay.base + jitter) { [weak self, unowned cluster] in
            guard let self else { return }
            self.provisioning.remove(uid)
            self.provision(ref, uid: uid, provisioner: provisioner, in: cluster)
        }
    }

    private func provision(_ ref: ObjectRef, uid: String, provisioner: VolumeProvisioner, in cluster: Cluster) {
        let store = cluster.store
        guard let claim = store.get(ref), claim.uid == uid, !claim.isDeleting,
            (claim.spec["volumeName"].string ?? "").isEmpty,
            let className = Self.className(of: claim), let storageClass = StorageClassView.named(className, in: store)
        else { return }
        let node = claim.annotations[Self.selectedNodeAnnotation]
        if provisioner.needsNode && storageClass.waitsForFirstConsumer && node == nil { return }
        if store.get(Self.volumeType, namespace: nil, name: "pvc-" + uid) != nil { return }
        let source = provisioner.identity
        cluster.recordEvent(
            for: claim, type: "Normal", reason: "Provisioning",
            message: "External provisioner is provisioning volume for claim \"\(ref.namespace)/\(ref.name)\"", source: source)
        var volume = provisioner.volume(for: claim, storageClass: storageClass, node: node)
        volume["status"] = ["lastPhaseTransitionTime": .string(Timestamp.rfc3339(cluster.now)), "phase": "Pending"]
        do {
            let created = try cluster.api.create(volume, as: Self.volumeType)
            cluster.recordEvent(
                for: claim, type: "Normal", reason: "ProvisioningSucceeded",
                message: "Successfully provisioned volume \(created.name)", source: source)
        } catch {
            cluster.recordEvent(
                for: claim, type: "Warning", reason: "ProvisioningFailed",
                message: "failed to provision volume with StorageClass \"\(className)\": \(error.statusMessage)", source: source)
        }
    }

    // MARK: Volumes

    func syncVolume(_ volume: JSONValue, in cluster: Cluster) {
        let store = cluster.store
        let ref = volume.spec["claimRef"]
        guard let claimName = ref["name"].string else {
            if !volume.isDeleting && volume.status["phase"].string != "Available" {
                _ = try? store.modify(volumeRef(volume.name)) { Self.setPhase(&$0, "Available", now: cluster.now) }
            }
            return
        }
        let uid = ref["uid"].string ?? ""
        let claim = store.get(Self.claimType, namespace: ref["namespace"].string ?? "default", name: claimName)
        if uid.isEmpty {
            // Pre-bound by name by its author; the claim's sync finishes the binding.
            if volume.status["phase"].string != "Available" && !volume.isDeleting {
                _ = try? store.modify(volumeRef(volume.name)) { Self.setPhase(&$0, "Available", now: cluster.now) }
            }
            return
        }
        guard let claim, claim.uid == uid else {
            release(volume, in: cluster)
            return
        }
        let claimVolume = claim.spec["volumeName"].string ?? ""
        if claimVolume.isEmpty { return }  // the claim's sync binds it
        if claimVolume == volume.name {
            if volume.status["phase"].string != "Bound" {
                _ = try? store.modify(volumeRef(volume.name)) { Self.setPhase(&$0, "Bound", now: cluster.now) }
            }
            return
        }
        // The claim went to another volume: give this one back.
        _ = try? store.modify(volumeRef(volume.name)) { pv in
            pv["spec"]["claimRef"] = nil
            var annotations = pv.annotations
            annotations[Self.boundByController] = nil
            pv["metadata"]["annotations"] = annotations.isEmpty ? nil : .stringMap(annotations)
            Self.setPhase(&pv, "Available", now: cluster.now)
        }
    }

    /// The claim is gone: the volume is Released, then kept (Retain) or deleted by its
    /// provisioner (Delete).
    private func release(_ volume: JSONValue, in cluster: Cluster) {
        let phase = volume.status["phase"].string ?? ""
        if phase != "Released" && phase != "Failed" {
            _ = try? cluster.store.modify(volumeRef(volume.name)) { Self.setPhase(&$0, "Released", now: cluster.now) }
        }
        guard !volume.isDeleting, phase != "Failed" else { return }
        switch volume.spec["persistentVolumeReclaimPolicy"].string ?? "Retain" {
        case "Delete":
            let provisionerName = volume.annotations[Self.provisionedBy] ?? ""
            guard VolumeProvisioner.named(provisionerName) != nil else {
                _ = try? cluster.store.modify(volumeRef(volume.name)) { Self.setPhase(&$0, "Failed", now: cluster.now) }
                cluster.recordEvent(
                    for: volume, type: "Warning", reason: "VolumeFailedDelete",
                    message: "error getting deleter volume plugin for volume \"\(volume.name)\": no deletable volume plugin matched",
                    source: name)
                return
            }
            guard deleting.insert(volume.name).inserted else { return }
            let pvName = volume.name, uid = volume.uid
            cluster.schedule(after: deletionDelay) { [weak self, unowned cluster] in
                guard let self else { return }
                self.deleting.remove(pvName)
                guard let current = cluster.store.get(Self.volumeType, namespace: nil, name: pvName), current.uid == uid,
                    current.status["phase"].string == "Released"
                else { return }
                _ = try? cluster.api.delete(self.volumeRef(pvName))
            }
        default:
            break
        }
    }
}
