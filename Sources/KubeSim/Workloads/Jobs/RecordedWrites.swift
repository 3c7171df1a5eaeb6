import KubeAPI

/// The writes the Job and CronJob controllers make about an owner, each followed by the event
/// kube-controller-manager records (SuccessfulCreate / FailedCreate / SuccessfulDelete).
struct RecordedWrites {
    let cluster: Cluster
    let source: String

    /// Creates `object` through the API server; `created` and `failed` word the event.
    func create(_ object: JSONValue, as type: ResourceType, owner: JSONValue, created: (String) -> String,
                failed: (String) -> String) -> JSONValue?
    {
        do {
            let made = try cluster.api.create(object, as: type, fieldValidation: .typedClient)
            cluster.recordEvent(for: owner, type: "Normal", reason: "SuccessfulCreate", message: created(made.name), source: source)
            return made
        } catch {
            cluster.recordEvent(for: owner, type: "Warning", reason: "FailedCreate", message: failed(error.statusMessage), source: source)
            return nil
        }
    }

    /// Deletes `name` of `type` in the owner's namespace; `deleted` words the event.
    func delete(_ name: String, as type: ResourceType, owner: JSONValue, propagation: APIServer.Propagation = .background,
                deleted: (String) -> String)
    {
        let ref = ObjectRef(type, namespace: owner.namespace ?? "default", name: name)
        guard (try? cluster.api.delete(ref, propagation: propagation)) != nil else { return }
        cluster.recordEvent(for: owner, type: "Normal", reason: "SuccessfulDelete", message: deleted(name), source: source)
    }
}
