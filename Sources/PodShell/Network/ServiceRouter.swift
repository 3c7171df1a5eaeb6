import KubeAPI
import KubeSim

/// Where a TCP connection to an IP and port ends up: kube-proxy's job for ClusterIPs
/// (a ready endpoint chosen with the cluster's seeded generator), a pod for pod IPs.
struct ServiceRouter {
    let network: PodNetworkContext

    struct Destination: Equatable {
        var namespace: String
        var podName: String
        var port: Int
    }

    /// nil when nothing accepts the connection (no such IP, no ready endpoint, pod not running).
    func route(ip: String, port: Int) -> Destination? {
        if ip == "127.0.0.1" || ip == network.podIP {
            return Destination(namespace: network.namespace, podName: network.podName, port: port)
        }
        if let service = network.dns.service(withClusterIP: ip) {
            return routeService(service, port: port)
        }
        if let pod = network.dns.pod(withIP: ip), isServing(pod) {
            return Destination(namespace: pod.namespace ?? "default", podName: pod.name, port: port)
        }
        return nil
    }

    private func isServing(_ pod: JSONValue) -> Bool {
        pod["status"]["phase"].string == "Running"
    }

    private func routeService(_ service: JSONValue, port: Int) -> Destination? {
        let ports = service["spec"]["ports"].items
        guard let servicePort = ports.first(where: { $0["port"].int == port }) else { return nil }
        let namespace = service.namespace ?? "default"
        let portName = servicePort["name"].string ?? ""
        let candidates = network.dns.endpointAddresses(namespace: namespace, service: service.name).compactMap {
            address -> (ServiceEndpointAddress, Int)? in
            let match = address.ports.first { ($0["name"].string ?? "") == portName } ?? (address.ports.count == 1 ? address.ports.first : nil)
            guard let targetPort = match?["port"].int else { return nil }
            return (address, targetPort)
        }
        guard !candidates.isEmpty else { return nil }
        let pick = candidates.count == 1 ? 0 : network.random(in: 0...(candidates.count - 1))
        let (address, targetPort) = candidates[pick]
        guard let podName = address.podName else { return nil }
        return Destination(namespace: namespace, podName: podName, port: targetPort)
    }

    /// Sends `request` (pod and port filled in from the destination); nil when refused.
    func exchange(_ request: HTTPRequest, to destination: Destination) -> HTTPResponse? {
        var r = request
        r.podNamespace = destination.namespace
        r.podName = destination.podName
        r.port = destination.port
        return network.http(r)
    }
}
