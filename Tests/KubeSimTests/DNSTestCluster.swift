import KubeAPI
@testable import KubeSim

/// A bare cluster holding the objects a real one would have for DNS tests: the built-in
/// Services, a headless `nginx` with StatefulSet pods `web-0`/`web-1`, and a ClusterIP `hello`.
struct DNSTestCluster {
    let cluster = Cluster(seed: 42, start: 1_700_000_000_000)
    var store: ObjectStore { cluster.store }
    let services = ResourceRegistry.forKind("Service")!
    let endpoints = ResourceRegistry.forKind("Endpoints")!
    let pods = ResourceRegistry.forKind("Pod")!

    static func standard() throws -> (DNSTestCluster, ClusterDNS) {
        let t = DNSTestCluster()
        try t.addService("kubernetes", namespace: "default", clusterIP: "10.96.0.1", ports: [["name": "https", "port": 443, "protocol": "TCP"]])
        try t.addService("kube-dns", namespace: "kube-system", clusterIP: "10.96.0.10",
                         ports: [["name": "dns", "port": 53, "protocol": "UDP"], ["name": "dns-tcp", "port": 53, "protocol": "TCP"]])
        try t.addService("nginx", clusterIP: "None", ports: [["name": "web", "port": 80, "protocol": "TCP"]])
        try t.addPod("web-0", ip: "10.244.1.5", hostname: "web-0", subdomain: "nginx")
        try t.addPod("web-1", ip: "10.244.2.6", hostname: "web-1", subdomain: "nginx")
        try t.setEndpoints("nginx", ready: [("10.244.1.5", "web-0", "web-0"), ("10.244.2.6", "web-1", "web-1")], portName: "web", port: 80)
        try t.addService("hello", clusterIP: "10.96.45.7", ports: [["name": "http", "port": 80, "protocol": "TCP", "targetPort": 8080]])
        try t.addPod("hello-abc", ip: "10.244.2.9")
        try t.setEndpoints("hello", ready: [("10.244.2.9", nil, "hello-abc")], portName: "http", port: 8080)
        return (t, ClusterDNS(cluster: t.cluster))
    }

    func addService(_ name: String, namespace: String = "default", clusterIP: String, ports: [JSONValue],
                    publishNotReady: Bool = false) throws {
        var spec: JSONValue = ["clusterIP": .string(clusterIP), "ports": .array(ports), "type": "ClusterIP"]
        if publishNotReady { spec["publishNotReadyAddresses"] = true }
        try store.create(services, ["metadata": ["name": .string(name), "namespace": .string(namespace)], "spec": spec])
    }

    func addPod(_ name: String, namespace: String = "default", ip: String, hostname: String? = nil, subdomain: String? = nil) throws {
        var spec: JSONValue = ["containers": [["name": "c", "image": "busybox"]], "nodeName": "node-1"]
        if let hostname { spec["hostname"] = .string(hostname) }
        if let subdomain { spec["subdomain"] = .string(subdomain) }
        try store.create(pods, ["metadata": ["name": .string(name), "namespace": .string(namespace)], "spec": spec,
                                "status": ["phase": "Running", "podIP": .string(ip)]])
    }

    /// Writes the Endpoints object the endpoints controller would: (ip, hostname, pod name).
    func setEndpoints(_ name: String, namespace: String = "default", ready: [(String, String?, String)],
                      notReady: [(String, String?, String)] = [], portName: String, port: Int) throws {
        func address(_ a: (String, String?, String)) -> JSONValue {
            var v: JSONValue = ["ip": .string(a.0), "nodeName": "node-1",
                                "targetRef": ["kind": "Pod", "name": .string(a.2), "namespace": .string(namespace)]]
            if let h = a.1 { v["hostname"] = .string(h) }
            return v
        }
        var subset: JSONValue = ["ports": [["name": .string(portName), "port": .int(port), "protocol": "TCP"]]]
        if !ready.isEmpty { subset["addresses"] = .array(ready.map(address)) }
        if !notReady.isEmpty { subset["notReadyAddresses"] = .array(notReady.map(address)) }
        let object: JSONValue = ["metadata": ["name": .string(name), "namespace": .string(namespace)],
                                 "subsets": ready.isEmpty && notReady.isEmpty ? [] : [subset]]
        if var existing = store.get(endpoints, namespace: namespace, name: name) {
            existing["subsets"] = object["subsets"]
            try store.update(endpoints, existing)
        } else {
            try store.create(endpoints, object)
        }
    }
}
