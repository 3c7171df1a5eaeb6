import KubeAPI
import Testing

@testable import KubeSim

/// A cluster for workload-controller tests: two worker nodes, the sandbox's storage classes, the
/// workload controllers, and fakes standing in for the scheduler, kubelet and garbage collector
/// (as Kubernetes' own controller tests use fakes), so timings are simple and known:
/// a pod is bound as soon as its claims are Bound and Running+Ready `startDelay` later; a
/// terminating pod is gone `stopDelay` after its deletion.
final class WLTestBed {
    static let start: Millis = Timestamp.parse("2025-06-02T09:00:00Z")!
    let cluster: Cluster
    let scheduler = WLFakeScheduler()
    let kubelet = WLFakeKubelet()
    var store: ObjectStore { cluster.store }

    static let pod = ResourceRegistry.forKind("Pod")!
    static let sts = ResourceRegistry.forKind("StatefulSet")!
    static let pvc = ResourceRegistry.forKind("PersistentVolumeClaim")!
    static let pv = ResourceRegistry.forKind("PersistentVolume")!
    static let cr = ResourceRegistry.forKind("ControllerRevision")!
    static let event = ResourceRegistry.forKind("Event")!

    init(seed: UInt64 = 7, startDelay: Millis = 3_000, stopDelay: Millis = 1_000) {
        cluster = Cluster(seed: seed, start: Self.start)
        kubelet.startDelay = startDelay
        kubelet.stopDelay = stopDelay
        for doc in Self.sandboxObjects {
            let r = ResourceRegistry.forKind(doc.kind)!
            _ = try! cluster.store.create(r, doc)
        }
        WorkloadControllers.register(in: cluster)
        cluster.register(scheduler)
        cluster.register(kubelet)
        cluster.register(WLFakeGarbageCollector())
        cluster.settle()
    }

    static let sandboxObjects: [JSONValue] = try! YAMLLoader.documents("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: default}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: k8s-node1, labels: {kubernetes.io/hostname: k8s-node1}}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: k8s-node2, labels: {kubernetes.io/hostname: k8s-node2}}
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: standard
          annotations: {storageclass.kubernetes.io/is-default-class: "true"}
        provisioner: rancher.io/local-path
        reclaimPolicy: Delete
        volumeBindingMode: WaitForFirstConsumer
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: openebs-hostpath}
        provisioner: openebs.io/local
        reclaimPolicy: Delete
        volumeBindingMode: WaitForFirstConsumer
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: nfs}
        provisioner: cluster.local/nfs-subdir-external-provisioner
        reclaimPolicy: Retain
        volumeBindingMode: Immediate
        """)

    // MARK: Actions

    /// `kubectl apply`: creates each document, or replaces the spec of an existing object.
    /// Claims and volumes start Pending, as the API server defaults them.
    func apply(_ yaml: String) {
        for var doc in try! YAMLLoader.documents(yaml) {
            if (doc.kind == "PersistentVolumeClaim" || doc.kind == "PersistentVolume") && doc["status"].isNull {
                doc["status"] = ["phase": "Pending"]
            }
            let r = ResourceRegistry.forKind(doc.kind)!
            let ref = ObjectRef(r, namespace: doc.namespace ?? "default", name: doc.name)
            if var existing = store.get(ref) {
                existing["spec"] = doc["spec"]
                _ = try! cluster.api.update(existing, as: r)
            } else {
                _ = try! cluster.api.create(doc, as: r)
            }
        }
        cluster.settle()
    }

    func scale(_ set: String, to replicas: Int) {
        _ = try! store.modify(ObjectRef(Self.sts, namespace: "default", name: set)) { $0["spec"]["replicas"] = .int(replicas) }
        cluster.settle()
    }

    func setImage(_ set: String, _ image: String) {
        _ = try! store.modify(ObjectRef(Self.sts, namespace: "default", name: set)) { sts in
            var containers = sts["spec"]["template"]["spec"]["containers"].items
            containers[0]["image"] = .string(image)
            sts["spec"]["template"]["spec"]["containers"] = .array(containers)
        }
        cluster.settle()
    }

    func delete(_ r: ResourceType, _ name: String) {
        _ = try? cluster.api.delete(ObjectRef(r, namespace: "default", name: name))
        cluster.settle()
    }

    func advance(seconds: Double) { cluster.advance(by: Millis(seconds * 1000)) }

    // MARK: Queries

    func get(_ r: ResourceType, _ name: String) -> JSONValue? { store.get(ObjectRef(r, namespace: "default", name: name)) }

    func podNames(_ prefix: String) -> [String] {
        store.list(Self.pod, namespace: "default").map(\.name).filter { $0.hasPrefix(prefix + "-") }
    }

    func readyPods(_ prefix: String) -> [String] {
        store.list(Self.pod, namespace: "default").filter {
            $0.name.hasPrefix(prefix + "-") && PodConditions.isRunningAndReady($0) && !$0.isDeleting
        }.map(\.name)
    }

    func claimNames() -> [String] { store.list(Self.pvc, namespace: "default").map(\.name) }

    func volumes() -> [JSONValue] { store.list(Self.pv) }

    func eventMessages(reason: String? = nil) -> [String] {
        store.list(Self.event, namespace: "default")
            .filter { reason == nil || $0["reason"].string == reason }
            .sorted { ($0["firstTimestamp"].string ?? "", $0.name) < ($1["firstTimestamp"].string ?? "", $1.name) }
            .compactMap { $0["message"].string }
    }

    /// Records pod lifecycle milestones ("+web-0", "-web-0" for deletion requested, "x web-0" for gone).
    func recordPodTimeline() -> WLTimeline {
        let timeline = WLTimeline()
        store.watch { event in
            guard event.resource.kind == "Pod" else { return }
            switch event.kind {
            case .added: timeline.entries.append("+" + event.object.name)
            case .deleted: timeline.entries.append("x " + event.object.name)
            case .modified:
                if event.object.isDeleting && !(event.old?.isDeleting ?? false) { timeline.entries.append("-" + event.object.name) }
            }
        }
        return timeline
    }

    static func statefulSet(name: String, replicas: Int, claimClass: String? = "openebs-hostpath", extraSpec: String = "",
                            image: String = "nginx:1.25") -> String
    {
        var claims = ""
        if let claimClass {
            claims = """
                  volumeClaimTemplates:
                  - metadata:
                      name: www
                    spec:
                      accessModes: [ReadWriteOnce]
                      storageClassName: \(claimClass)
                      resources:
                        requests:
                          storage: 1Gi
                """
        }
        return """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: \(name)
            spec:
              serviceName: nginx
              replicas: \(replicas)
              selector:
                matchLabels:
                  app: \(name)
            \(extraSpec)
              template:
                metadata:
                  labels:
                    app: \(name)
                spec:
                  containers:
                  - name: nginx
                    image: \(image)
                    volumeMounts:
                    - name: www
                      mountPath: /usr/share/nginx/html
            \(claimClass == nil ? "      volumes:\n      - name: www\n        emptyDir: {}\n" : "")\(claims)
            """
    }
}

final class WLTimeline: @unchecked Sendable {
    var entries: [String] = []
}

/// Binds pods to nodes once their claims are Bound; for WaitForFirstConsumer claims it first
/// picks a node (round robin) and writes `volume.kubernetes.io/selected-node`, as the real
/// scheduler's volume binding does. A local volume's node affinity decides the node.
final class WLFakeScheduler: Controller {
    let name = "default-scheduler"
    let watchedKinds = WatchedKinds.only(["Pod", "PersistentVolumeClaim"])
    let nodes = ["k8s-node1", "k8s-node2"]
    private var next = 0
    private var podsByClaim: [String: Set<String>] = [:]

    func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        let ns = event.object.namespace ?? "default"
        switch event.resource.kind {
        case "Pod":
            guard event.kind != .deleted else { return [] }
            for claim in PodConditions.claimNames(event.object) { podsByClaim[ns + "/" + claim, default: []].insert(event.object.name) }
            return (event.object.spec["nodeName"].string ?? "").isEmpty ? [ns + "/" + event.object.name] : []
        case "PersistentVolumeClaim":
            return (podsByClaim[ns + "/" + event.object.name] ?? []).sorted().map { ns + "/" + $0 }
        default:
            return []
        }
    }

    func sync(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        let ref = ObjectRef(WLTestBed.pod, namespace: parts[0], name: parts[1])
        guard let pod = cluster.store.get(ref), (pod.spec["nodeName"].string ?? "").isEmpty, !pod.isDeleting else { return }
        var node: String?
        for claimName in PodConditions.claimNames(pod) {
            let claimRef = ObjectRef(WLTestBed.pvc, namespace: parts[0], name: claimName)
            guard let claim = cluster.store.get(claimRef) else { return }
            if claim.status["phase"].string == "Bound" {
                if let pv = cluster.store.get(WLTestBed.pv, namespace: nil, name: claim.spec["volumeName"].string ?? ""),
                    let pinned = VolumeDataLocation.node(of: pv)
                {
                    node = pinned
                }
                continue
            }
            let className = claim.spec["storageClassName"].string ?? ""
            if let sc = StorageClassView.named(className, in: cluster.store), sc.waitsForFirstConsumer,
                claim.annotations[PersistentVolumeController.selectedNodeAnnotation] == nil
            {
                let chosen = nodes[next % nodes.count]
                next += 1
                _ = try? cluster.store.modify(claimRef) { c in
                    var a = c.annotations
                    a[PersistentVolumeController.selectedNodeAnnotation] = chosen
                    c["metadata"]["annotations"] = .stringMap(a)
                }
            }
            return
        }
        let chosen = node ?? nodes[next % nodes.count]
        if node == nil { next += 1 }
        _ = try? cluster.store.modify(ref) { p in
            p["spec"]["nodeName"] = .string(chosen)
            p["status"]["phase"] = "Pending"
        }
    }
}

/// Starts bound pods (Running and Ready after `startDelay`) and removes terminating pods after
/// `stopDelay`.
final class WLFakeKubelet: Controller {
    let name = "kubelet"
    let watchedKinds = WatchedKinds.only(["Pod"])
    var startDelay: Millis = 3_000
    var stopDelay: Millis = 1_000
    private var starting: Set<String> = []
    private var stopping: Set<String> = []

    func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        guard event.resource.kind == "Pod", event.kind != .deleted else { return [] }
        return [(event.object.namespace ?? "default") + "/" + event.object.name]
    }

    func sync(_ key: String, in cluster: Cluster) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        let ref = ObjectRef(WLTestBed.pod, namespace: parts[0], name: parts[1])
        guard let pod = cluster.store.get(ref) else { return }
        let uid = pod.uid
        if pod.isDeleting {
            guard stopping.insert(uid).inserted else { return }
            cluster.schedule(after: stopDelay) {
                if cluster.store.get(ref)?.uid == uid { cluster.store.remove(ref) }
            }
            return
        }
        guard !(pod.spec["nodeName"].string ?? "").isEmpty, pod.status["phase"].string == "Pending",
            starting.insert(uid).inserted
        else { return }
        cluster.schedule(after: startDelay) {
            guard let current = cluster.store.get(ref), current.uid == uid, !current.isDeleting else { return }
            _ = try? cluster.store.modify(ref) { p in
                let stamp = JSONValue.string(Timestamp.rfc3339(cluster.now))
                p["status"]["phase"] = "Running"
                p["status"]["conditions"] = [["type": "Ready", "status": "True", "lastTransitionTime": stamp]]
            }
        }
    }

    /// Ends a pod's containers with `phase` (Failed or Succeeded).
    func finish(_ name: String, phase: String, in cluster: Cluster) {
        _ = try? cluster.store.modify(ObjectRef(WLTestBed.pod, namespace: "default", name: name)) { p in
            p["status"]["phase"] = .string(phase)
            p["status"]["conditions"] = [["type": "Ready", "status": "False"]]
        }
        cluster.settle()
    }
}

/// Deletes objects whose every owner is gone (background cascading deletion).
final class WLFakeGarbageCollector: Controller {
    let name = "garbage-collector"
    let watchedKinds = WatchedKinds.every

    func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        event.kind == .deleted ? [event.object.uid] : []
    }

    func sync(_ uid: String, in cluster: Cluster) {
        for ref in cluster.store.dependents(of: uid) {
            guard let object = cluster.store.get(ref) else { continue }
            let ownerAlive = object.ownerReferences.contains { owner in
                guard let kind = owner["kind"].string, let r = ResourceRegistry.forKind(kind),
                    let found = cluster.store.get(r, namespace: ref.namespace, name: owner["name"].string ?? "")
                else { return false }
                return found.uid == owner["uid"].string
            }
            if !ownerAlive { _ = try? cluster.api.delete(ref) }
        }
    }
}
