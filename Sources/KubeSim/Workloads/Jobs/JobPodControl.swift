import KubeAPI

/// The Job controller's writes to pods (upstream's `PodControl` as the job controller uses it):
/// pods built from the template, named `<job>-xxxxx` (Indexed: `<job>-<index>-xxxxx`) and held by
/// the `batch.kubernetes.io/job-tracking` finalizer until the controller has counted them.
struct JobPodControl {
    let cluster: Cluster
    let source: String

    static let pods = ResourceRegistry.forKind("Pod")!

    /// The pod for one more run of `job`; `index` is its completion index in an Indexed job,
    /// `extra` annotations it carries besides the template's (an index's failure counts).
    static func pod(for job: JSONValue, index: Int?, annotations extra: [String: String] = [:]) -> JSONValue {
        let template = job.spec["template"]
        var metadata: JSONValue = [:]
        var labels = template["metadata"]["labels"].stringMap
        var annotations = template["metadata"]["annotations"].stringMap
        var spec = template["spec"]
        if spec.isNull { spec = [:] }
        if let index {
            annotations[JobIndexes.annotation] = String(index)
            labels[JobIndexes.annotation] = String(index)
            if (spec["hostname"].string ?? "").isEmpty { spec["hostname"] = .string("\(job.name)-\(index)") }
            for key in ["initContainers", "containers"] where !spec[key].isNull {
                spec[key] = .array(spec[key].items.map(Self.addingIndexVariable))
            }
        }
        annotations.merge(extra) { _, new in new }
        if !annotations.isEmpty { metadata["annotations"] = .stringMap(annotations) }
        metadata["finalizers"] = .array(template["metadata"]["finalizers"].items + [.string(JobSyncPlan.trackingFinalizer)])
        metadata["generateName"] = .string(index.map { "\(job.name)-\($0)-" } ?? "\(job.name)-")
        if !labels.isEmpty { metadata["labels"] = .stringMap(labels) }
        metadata["namespace"] = .string(job.namespace ?? "default")
        metadata["ownerReferences"] = [job.ownerReference()]
        var pod: JSONValue = ["apiVersion": "v1", "kind": "Pod"]
        pod["metadata"] = metadata
        pod["spec"] = spec
        return pod
    }

    /// `JOB_COMPLETION_INDEX` from the pod's index label, unless the container sets it itself.
    static func addingIndexVariable(_ container: JSONValue) -> JSONValue {
        var c = container
        var env = c["env"].items
        guard !env.contains(where: { $0["name"].string == JobIndexes.envName }) else { return c }
        env.append(["name": .string(JobIndexes.envName),
                    "valueFrom": ["fieldRef": ["apiVersion": "v1", "fieldPath": .string("metadata.labels['\(JobIndexes.annotation)']")]]])
        c["env"] = .array(env)
        return c
    }

    /// Creates one pod through the API server and records SuccessfulCreate (or FailedCreate).
    @discardableResult
    func create(for job: JSONValue, index: Int?, annotations: [String: String] = [:]) -> Bool {
        RecordedWrites(cluster: cluster, source: source).create(
            Self.pod(for: job, index: index, annotations: annotations), as: Self.pods, owner: job,
            created: { "Created pod: \($0)" }, failed: { "Error creating: \($0)" }) != nil
    }

    /// Deletes an active pod (gracefully, the kubelet stops it) and records SuccessfulDelete.
    func delete(_ name: String, of job: JSONValue) {
        RecordedWrites(cluster: cluster, source: source).delete(name, as: Self.pods, owner: job, deleted: { "Deleted pod: \($0)" })
    }

    /// Drops the tracking finalizer from a pod the job has counted (or no longer owns).
    func release(_ name: String, namespace: String) {
        let ref = ObjectRef(Self.pods, namespace: namespace, name: name)
        _ = try? cluster.store.modify(ref) { pod in
            let kept = pod["metadata"]["finalizers"].items.filter { $0.string != JobSyncPlan.trackingFinalizer }
            pod["metadata"]["finalizers"] = kept.isEmpty ? .null : .array(kept)
        }
    }
}
