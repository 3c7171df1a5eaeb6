import KubeAPI
import KubeSim
@testable import PodShell

/// A cluster with a headless `nginx` (web-0, web-1), a ClusterIP `hello` (one pod serving on
/// 8080), an empty ClusterIP `empty`, and a `client` pod on node-1 where commands run.
final class NetworkFixture {
    let cluster = Cluster(seed: 7, start: 1_764_000_000_000)
    let dns: ClusterDNS
    var store: ObjectStore { cluster.store }
    let services = ResourceRegistry.forKind("Service")!
    let endpoints = ResourceRegistry.forKind("Endpoints")!
    let pods = ResourceRegistry.forKind("Pod")!

    init() throws {
        dns = ClusterDNS(cluster: cluster)
        try addService("nginx", clusterIP: "None", ports: [["name": "web", "port": 80, "protocol": "TCP"]])
        try addPod("web-0", ip: "10.244.1.5", node: "node-1", hostname: "web-0", subdomain: "nginx")
        try addPod("web-1", ip: "10.244.2.6", node: "node-2", hostname: "web-1", subdomain: "nginx")
        try setEndpoints("nginx", ready: [("10.244.1.5", "web-0", "web-0"), ("10.244.2.6", "web-1", "web-1")], portName: "web", port: 80)
        try addService("hello", clusterIP: "10.96.45.7", ports: [["name": "http", "port": 80, "protocol": "TCP", "targetPort": 8080]])
        try addPod("hello-abc", ip: "10.244.2.9", node: "node-2")
        try setEndpoints("hello", ready: [("10.244.2.9", nil, "hello-abc")], portName: "http", port: 8080)
        try addService("empty", clusterIP: "10.96.9.9", ports: [["name": "http", "port": 80, "protocol": "TCP"]])
        try addPod("client", ip: "10.244.1.9", node: "node-1")
    }

    func addService(_ name: String, clusterIP: String, ports: [JSONValue]) throws {
        try store.create(services, ["metadata": ["name": .string(name), "namespace": "default"],
                                    "spec": ["clusterIP": .string(clusterIP), "ports": .array(ports), "type": "ClusterIP"]])
    }

    func addPod(_ name: String, ip: String, node: String, hostname: String? = nil, subdomain: String? = nil) throws {
        var spec: JSONValue = ["containers": [["name": "c", "image": "busybox"]], "nodeName": .string(node)]
        if let hostname { spec["hostname"] = .string(hostname) }
        if let subdomain { spec["subdomain"] = .string(subdomain) }
        try store.create(pods, ["metadata": ["name": .string(name), "namespace": "default"], "spec": spec,
                                "status": ["phase": "Running", "podIP": .string(ip)]])
    }

    func setEndpoints(_ name: String, ready: [(String, String?, String)], portName: String, port: Int) throws {
        let addresses: [JSONValue] = ready.map { a in
            var v: JSONValue = ["ip": .string(a.0), "targetRef": ["kind": "Pod", "name": .string(a.2), "namespace": "default"]]
            if let h = a.1 { v["hostname"] = .string(h) }
            return v
        }
        let subsets: JSONValue = ready.isEmpty ? [] : [["addresses": .array(addresses),
                                                        "ports": [["name": .string(portName), "port": .int(port), "protocol": "TCP"]]]]
        if var existing = store.get(endpoints, namespace: "default", name: name) {
            existing["subsets"] = subsets
            try store.update(endpoints, existing)
        } else {
            try store.create(endpoints, ["metadata": ["name": .string(name), "namespace": "default"], "subsets": subsets])
        }
    }

    /// nginx pods serve their name on 80; hello-app serves its greeting on 8080; `/missing` is 404.
    static func handler(_ r: HTTPRequest) -> HTTPResponse? {
        if r.path == "/missing" { return HTTPResponse(status: 404, headers: [.init("Server", "nginx/1.27.3")], body: "not found\n") }
        if r.podName.hasPrefix("web-"), r.port == 80 {
            return HTTPResponse(headers: [.init("Server", "nginx/1.27.3"), .init("Content-Type", "text/html")], body: "<h1>\(r.podName)</h1>\n")
        }
        if r.podName.hasPrefix("hello"), r.port == 8080 {
            return HTTPResponse(headers: [.init("Content-Type", "text/plain; charset=utf-8")],
                                body: "Hello, world!\nVersion: 1.0.0\nHostname: \(r.podName)\n")
        }
        return nil
    }

    var network: PodNetworkContext {
        PodNetworkContext(dns: dns, namespace: "default", podName: "client", http: NetworkFixture.handler)
    }

    /// A shell in the client pod with the standard utilities plus `tools`.
    func shell(_ dialect: ShellDialect = .busyboxSh, tools: [String: ShellCommand]) -> ShellEnvironment {
        let fs = VirtualFileSystem()
        fs.installBaseLayout()
        try? fs.writeFile("/etc/hosts", text: "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n10.244.1.9\tclient\n")
        try? fs.writeFile("/etc/resolv.conf", text: ClusterDNS.resolvConf(namespace: "default"))
        var commands = StandardUtilities.commands(for: dialect)
        commands.merge(tools) { $1 }
        let cluster = self.cluster
        return ShellEnvironment(dialect: dialect, fileSystem: fs, commands: commands, cwd: "/", hostname: "client",
                                now: { cluster.now }, sleep: { ms in cluster.advance(by: ms); return true })
    }
}
