import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl get endpointslices` (printEndpointSlice) and `kubectl describe endpointslice`
/// (describeEndpointSliceV1), cell and line rules taken from kubectl's printers.go and describe.go.
@Suite struct EndpointSlicePrinterTests {
    typealias F = Fixtures

    static func endpoint(_ ip: String, pod: String, ready: Bool = true, hostname: String? = nil) -> JSONValue {
        var e: JSONValue = ["addresses": [.string(ip)], "conditions": ["ready": .bool(ready), "serving": true, "terminating": .bool(!ready)],
                            "nodeName": "node1", "targetRef": ["kind": "Pod", "name": .string(pod), "namespace": "default"]]
        if let hostname { e["hostname"] = .string(hostname) }
        return e
    }

    static let nginx: JSONValue = [
        "metadata": F.meta("nginx-7xk2p", ago: 120, labels: ["kubernetes.io/service-name": "nginx"]),
        "addressType": "IPv4",
        "endpoints": [endpoint("10.244.1.5", pod: "web-0", hostname: "web-0"), endpoint("10.244.2.6", pod: "web-1", ready: false)],
        "ports": [["name": "web", "port": 80, "protocol": "TCP"], ["name": "", "port": 443, "protocol": "TCP"]],
    ]

    @Test func table() throws {
        let many: JSONValue = [
            "metadata": F.meta("many-abcde", ago: 5), "addressType": "IPv4",
            "endpoints": .array((1...5).map { Self.endpoint("10.244.1.\($0)", pod: "p\($0)") }),
            "ports": [["port": 1], ["port": 2], ["name": "named"], [:], ["port": 5]],
        ]
        let empty: JSONValue = ["metadata": F.meta("empty-fghjk", ago: 5), "addressType": "IPv4", "endpoints": .null, "ports": .null]
        let out = try TablePrinter.render(F.type("endpointslices"), [Self.nginx, many, empty], options: TableOptions(), now: F.now)
        #expect(out == """
            NAME          ADDRESSTYPE   PORTS                   ENDPOINTS                                      AGE
            nginx-7xk2p   IPv4          80,443                  10.244.1.5,10.244.2.6                          2m
            many-abcde    IPv4          1,2,named + 2 more...   10.244.1.1,10.244.1.2,10.244.1.3 + 2 more...   5s
            empty-fghjk   IPv4          <unset>                 <unset>                                        5s

            """)
    }

    @Test func describe() throws {
        let store = DescribeTests.store(DescribeTests.Clock())
        let stored = try store.create(F.type("endpointslices"), Self.nginx)
        #expect(Describer.describe(F.type("endpointslices"), stored, store: store, now: F.now) == """
            Name:         nginx-7xk2p
            Namespace:    default
            Labels:       kubernetes.io/service-name=nginx
            Annotations:  <none>
            AddressType:  IPv4
            Ports:
              Name     Port  Protocol
              ----     ----  --------
              web      80    TCP
              <unset>  443   TCP
            Endpoints:
              - Addresses:  10.244.1.5
                Conditions:
                  Ready:    true
                Hostname:   web-0
                TargetRef:  Pod/web-0
                NodeName:   node1
                Zone:       <unset>
              - Addresses:  10.244.2.6
                Conditions:
                  Ready:    false
                Hostname:   <unset>
                TargetRef:  Pod/web-1
                NodeName:   node1
                Zone:       <unset>
            Events:         <none>

            """)
        let empty = try store.create(F.type("endpointslices"), ["metadata": F.meta("empty-fghjk", ago: 5), "addressType": "IPv4"])
        #expect(Describer.describe(F.type("endpointslices"), empty, store: store, now: F.now) == """
            Name:         empty-fghjk
            Namespace:    default
            Labels:       <none>
            Annotations:  <none>
            AddressType:  IPv4
            Ports: <unset>
            Endpoints: <none>
            Events:  <none>

            """)
    }
}
