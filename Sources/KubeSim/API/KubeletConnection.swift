import KubeAPI

/// The API server's connection to the kubelet of a pod's node, which `exec`, `attach`, `cp` and
/// `logs` go through (upstream: pkg/registry/core/pod's `ResourceLocation`/`LogLocation`, dialing
/// the node's InternalIP at its kubelet port, 10250). A stopped kubelet refuses the connection
/// while its machine is up; a machine that is off does not answer at all, which on a tutorial's
/// host-only network reads `no route to host`.
extension APIServer {
    /// What the request through the kubelet is for: the message names the URL for logs.
    public enum KubeletRequest: Sendable {
        case stream
        case containerLog(container: String)
    }

    /// Throws the API server's error when the pod's kubelet cannot be reached.
    public func connectToKubelet(pod: JSONValue, for request: KubeletRequest) throws(APIError) {
        let nodeName = pod["spec"]["nodeName"].string ?? ""
        guard !nodeName.isEmpty, !cluster.isNodeRunning(nodeName) else { return }
        guard let node = cluster.store.get(Self.nodes, namespace: nil, name: nodeName) else {
            throw APIError.notFound(Self.nodes, nodeName)
        }
        let address = node["status"]["addresses"].items.first { $0["type"].string == "InternalIP" }?["address"].string ?? nodeName
        let port = node["status"]["daemonEndpoints"]["kubeletEndpoint"]["Port"].int ?? 10250
        let refusal = cluster.isPoweredOn(nodeName) == false ? "connect: no route to host" : "connect: connection refused"
        let dial = "dial tcp \(address):\(port): \(refusal)"
        switch request {
        case .stream:
            throw APIError(.unknown, "error dialing backend: \(dial)")
        case .containerLog(let container):
            let url = "https://\(address):\(port)/containerLogs/\(pod.namespace ?? "default")/\(pod.name)/\(container)"
            throw APIError(.unknown, "Get \(GoFormat.quoted(url)): \(dial)")
        }
    }

    private static let nodes = ResourceRegistry.forKind("Node")!
}
