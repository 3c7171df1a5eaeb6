import KubeAPI

/// The sizes kubelab simulates. A real API server accepts any int32 replica count; a simulation
/// on one machine has to stop somewhere, and says so in the API server's own error shape instead
/// of silently creating fewer pods.
enum WorkloadLimits {
    static let maxReplicas = 10_000
    /// Objects one cluster may hold (pods, claims, configmaps ... together): a loop creating
    /// objects without end stops with an error naming this limit instead of exhausting memory.
    static let maxObjects = 200_000
    static let scaledKinds: Set<String> = ["StatefulSet", "Deployment", "ReplicaSet", "ReplicationController"]

    static func checkCapacity(of store: ObjectStore, creating object: JSONValue, as resource: ResourceType) throws(APIError) {
        guard store.objectCount >= maxObjects else { return }
        throw APIError(.forbidden, "\(resource.qualifiedPlural) \"\(object.name)\" is forbidden: kubelab simulates at most \(maxObjects) objects per cluster")
    }

    static func check(_ object: JSONValue, as resource: ResourceType) throws(APIError) {
        let jobSpec = resource.kind == "CronJob" ? object["spec"]["jobTemplate"]["spec"] : object["spec"]
        if resource.kind == "Job" || resource.kind == "CronJob", let parallelism = jobSpec["parallelism"].int, parallelism > maxReplicas {
            let path = resource.kind == "CronJob" ? "spec.jobTemplate.spec.parallelism" : "spec.parallelism"
            throw APIError.invalid(kind: resource.kind, name: object.name, causes: [
                FieldError(path, .invalid(value: String(parallelism)), "kubelab simulates at most \(maxReplicas) pods running per Job"),
            ])
        }
        guard scaledKinds.contains(resource.kind), let replicas = object["spec"]["replicas"].int, replicas > maxReplicas else { return }
        throw APIError.invalid(kind: resource.kind, name: object.name, causes: [
            FieldError("spec.replicas", .invalid(value: String(replicas)),
                       "kubelab simulates at most \(maxReplicas) replicas per workload"),
        ])
    }
}
