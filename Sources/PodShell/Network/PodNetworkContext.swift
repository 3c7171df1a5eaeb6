import KubeAPI
import KubeSim

/// Where a container's network commands run: the pod (namespace and name) and the cluster's
/// DNS server, plus the table of what each pod answers over HTTP.
///
/// How commands get it: the code that builds a container's command table (the image catalog)
/// creates one `PodNetworkContext` for the pod and passes it to `NetworkCommands`; the returned
/// closures capture it. Child shells (`sh -c`) share the command table, so they see the same pod.
public struct PodNetworkContext {
    public let dns: ClusterDNS
    public let namespace: String
    public let podName: String
    /// What a pod answers on a port (filled by the image catalog); nil from the handler means
    /// nothing listens there, so the connection is refused.
    public let http: HTTPHandler

    public init(dns: ClusterDNS, namespace: String, podName: String, http: @escaping HTTPHandler = { _ in nil }) {
        self.dns = dns
        self.namespace = namespace
        self.podName = podName
        self.http = http
    }

    public var cluster: Cluster { dns.cluster }

    /// The pod object as the store holds it now.
    public var pod: JSONValue? {
        guard let pods = ResourceRegistry.forKind("Pod") else { return nil }
        return cluster.store.get(pods, namespace: namespace, name: podName)
    }

    /// The pod's IP now (it may not have one yet).
    public var podIP: String? { pod?["status"]["podIP"].string }

    /// The node this pod runs on, for ping TTLs.
    var nodeName: String? { pod?["spec"]["nodeName"].string }

    /// A deterministic small number from the cluster's seeded generator.
    func random(in range: ClosedRange<Int>) -> Int { cluster.rng.int(in: range) }
}
