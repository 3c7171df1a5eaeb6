import KubeAPI

/// `kubectl create namespace NAME` and `kubectl create serviceaccount NAME`: objects with nothing
/// but a name (a Namespace also carries the empty `spec` and `status` its Go struct encodes).
enum CreateNamespaceOrServiceAccount {
    static func namespace(_ call: Invocation) throws -> Int32 {
        let name = try GeneratedObject.name(call, words: 1, command: "namespace")
        let object: JSONValue = [
            "kind": "Namespace", "apiVersion": "v1", "metadata": GeneratedObject.metadata(name, call: call, namespaced: false),
            "spec": .emptyObject, "status": .emptyObject,
        ]
        return try GeneratedObject.finish(object, as: ResourceRegistry.forKind("Namespace")!, call: call, failurePrefix: nil)
    }

    static func serviceAccount(_ call: Invocation) throws -> Int32 {
        let name = try GeneratedObject.name(call, words: 1, command: "serviceaccount")
        let object: JSONValue = ["kind": "ServiceAccount", "apiVersion": "v1", "metadata": GeneratedObject.metadata(name, call: call)]
        return try GeneratedObject.finish(object, as: ResourceRegistry.forKind("ServiceAccount")!, call: call,
                                          failurePrefix: "failed to create serviceaccount: ")
    }
}
