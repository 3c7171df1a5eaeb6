/// ComponentStatus (v1, deprecated): the control plane components' health, read-only.
///
/// The registry stores nothing: each read probes the scheduler, the controller manager and etcd
/// (componentstatus's REST, its list in no fixed order). kubelab's control plane is always up while
/// the API server answers, so each reads Healthy with the probes' `ok`.
extension KindDescriptor {
    static let componentStatus = KindDescriptor(
        ResourceType(kind: "ComponentStatus", plural: "componentstatuses", shortNames: ["cs"], namespaced: false),
        computedObjects: ["scheduler", "controller-manager", "etcd-0"].map(healthy),
        deprecationWarning: "v1 ComponentStatus is deprecated in v1.19+",
        // REST.Get's `fmt.Errorf`, which the API server sends as a 500 Status with no reason.
        missingObjectError: { name in APIError(.unknown, "Component not found: \(name)") })

    /// One component as the REST returns it: no uid, resourceVersion or creation time.
    private static func healthy(_ name: String) -> JSONValue {
        ["kind": "ComponentStatus", "apiVersion": "v1", "metadata": ["name": .string(name), "creationTimestamp": .null],
         "conditions": [["type": "Healthy", "status": "True", "message": "ok"]]]
    }
}
