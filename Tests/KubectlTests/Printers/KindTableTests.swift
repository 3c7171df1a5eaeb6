import KubeAPI
import Testing
@testable import Kubectl

/// One table per kind, with the cell rules of reference §1.6.
@Suite struct KindTableTests {
    typealias F = Fixtures

    static func render(_ plural: String, _ objects: [JSONValue], wide: Bool = false) throws -> String {
        try TablePrinter.render(F.type(plural), objects, options: TableOptions(wide: wide), now: F.now)
    }

    @Test func services() throws {
        let nodePort: JSONValue = [
            "metadata": F.meta("web", ago: 60),
            "spec": ["type": "NodePort", "clusterIP": "10.96.12.34", "clusterIPs": ["10.96.12.34"],
                     "ports": [["port": 80, "nodePort": 30080, "protocol": "TCP"], ["port": 53, "protocol": "UDP"]],
                     "selector": ["app": "web", "tier": "fe"]],
        ]
        let lb: JSONValue = [
            "metadata": F.meta("lb", ago: 60),
            "spec": ["type": "LoadBalancer", "clusterIP": "10.96.0.9", "clusterIPs": ["10.96.0.9"], "ports": []],
            "status": ["loadBalancer": ["ingress": [["hostname": "a-very-long-hostname.example.com"]]]],
        ]
        let pending: JSONValue = [
            "metadata": F.meta("lb2", ago: 60),
            "spec": ["type": "LoadBalancer", "clusterIP": "10.96.0.10", "clusterIPs": ["10.96.0.10"], "ports": [["port": 443]]],
        ]
        let external: JSONValue = ["metadata": F.meta("ext", ago: 60), "spec": ["type": "ExternalName", "externalName": "db.example.com"]]
        let out = try Self.render("svc", [nodePort, lb, pending, external])
        #expect(out == """
            NAME   TYPE           CLUSTER-IP    EXTERNAL-IP        PORT(S)               AGE
            web    NodePort       10.96.12.34   <none>             80:30080/TCP,53/UDP   60s
            lb     LoadBalancer   10.96.0.9     a-very-long-h...   <none>                60s
            lb2    LoadBalancer   10.96.0.10    <pending>          443/TCP               60s
            ext    ExternalName   <none>        db.example.com     <none>                60s

            """)
        let wide = try Self.render("svc", [nodePort, lb], wide: true)
        #expect(wide.contains("a-very-long-hostname.example.com"))
        #expect(wide.contains("app=web,tier=fe"))
    }

    @Test func endpoints() throws {
        let many: JSONValue = [
            "metadata": F.meta("web", ago: 5),
            "subsets": [["addresses": [["ip": "10.244.1.5"], ["ip": "10.244.2.6"], ["ip": "10.244.1.7"], ["ip": "10.244.2.8"]],
                         "ports": [["port": 80]]]],
        ]
        let headless: JSONValue = ["metadata": F.meta("h", ago: 5), "subsets": [["addresses": [["ip": "10.244.1.5"]]]]]
        let none: JSONValue = ["metadata": F.meta("empty", ago: 5)]
        let out = try Self.render("ep", [many, headless, none])
        #expect(out == """
            NAME    ENDPOINTS                                               AGE
            web     10.244.1.5:80,10.244.2.6:80,10.244.1.7:80 + 1 more...   5s
            h       10.244.1.5                                              5s
            empty   <none>                                                  5s

            """)
    }

    @Test func storageClassesNodesNamespaces() throws {
        let sc: JSONValue = ["metadata": F.meta("standard", ago: 864_000, namespace: nil,
                                                labels: nil).merging(["annotations": ["storageclass.kubernetes.io/is-default-class": "true"]]),
                             "provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete",
                             "volumeBindingMode": "WaitForFirstConsumer"]
        let plain: JSONValue = ["metadata": F.meta("fast", ago: 60, namespace: nil), "provisioner": "csi.example.com",
                                "allowVolumeExpansion": true]
        #expect(try Self.render("sc", [sc, plain]) == """
            NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
            standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  10d
            fast                 csi.example.com         Delete          Immediate              true                   60s

            """)
        func node(_ name: String, ready: String?, unschedulable: Bool = false, labels: JSONValue = nil) -> JSONValue {
            var n: JSONValue = ["metadata": F.meta(name, ago: 3600, namespace: nil, labels: labels),
                                "spec": ["unschedulable": .bool(unschedulable)],
                                "status": ["nodeInfo": ["kubeletVersion": "v1.32.0", "containerRuntimeVersion": "containerd://1.7.24"],
                                           "addresses": [["type": "InternalIP", "address": "172.18.0.2"]]]]
            if let ready { n["status"]["conditions"] = [["type": "Ready", "status": .string(ready)]] }
            return n
        }
        let nodes = [
            node("control-plane", ready: "True", labels: ["node-role.kubernetes.io/control-plane": ""]),
            node("node1", ready: "True", unschedulable: true),
            node("node2", ready: "Unknown", labels: ["kubernetes.io/role": "worker", "node-role.kubernetes.io/infra": ""]),
            node("node3", ready: nil),
        ]
        #expect(try Self.render("nodes", nodes) == """
            NAME            STATUS                     ROLES           AGE   VERSION
            control-plane   Ready                      control-plane   60m   v1.32.0
            node1           Ready,SchedulingDisabled   <none>          60m   v1.32.0
            node2           NotReady                   infra,worker    60m   v1.32.0
            node3           Unknown                    <none>          60m   v1.32.0

            """)
        #expect(try Self.render("nodes", [nodes[0]], wide: true) == """
            NAME            STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE    KERNEL-VERSION   CONTAINER-RUNTIME
            control-plane   Ready    control-plane   60m   v1.32.0   172.18.0.2    <none>        <unknown>   <unknown>        containerd://1.7.24

            """)
        let ns: [JSONValue] = [["metadata": F.meta("default", ago: 120, namespace: nil), "status": ["phase": "Active"]],
                               ["metadata": F.meta("old", ago: 7200, namespace: nil), "status": ["phase": "Terminating"]]]
        #expect(try Self.render("ns", ns) == "NAME      STATUS        AGE\ndefault   Active        2m\nold       Terminating   120m\n")
    }

    @Test func workloads() throws {
        let deploy: JSONValue = [
            "metadata": F.meta("nginx", ago: 90),
            "spec": ["replicas": 3, "selector": ["matchLabels": ["app": "nginx"]],
                     "template": ["spec": ["containers": [["name": "nginx", "image": "nginx:1.25"], ["name": "side", "image": "busybox"]]]]],
            "status": ["readyReplicas": 2, "updatedReplicas": 3, "availableReplicas": 2],
        ]
        #expect(try Self.render("deploy", [deploy], wide: true) == """
            NAME    READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES               SELECTOR
            nginx   2/3     3            2           90s   nginx,side   nginx:1.25,busybox   app=nginx

            """)
        let rs: JSONValue = ["metadata": F.meta("nginx-7854ff8877", ago: 90),
                             "spec": ["replicas": 3, "selector": ["matchLabels": ["app": "nginx", "pod-template-hash": "7854ff8877"]]],
                             "status": ["replicas": 3, "readyReplicas": 2]]
        #expect(try Self.render("rs", [rs]) == "NAME               DESIRED   CURRENT   READY   AGE\nnginx-7854ff8877   3         3         2       90s\n")
        let ds: JSONValue = ["metadata": F.meta("fluentd", ago: 90),
                             "spec": ["template": ["spec": ["nodeSelector": ["kubernetes.io/os": "linux"], "containers": []]]],
                             "status": ["desiredNumberScheduled": 2, "currentNumberScheduled": 2, "numberReady": 1,
                                        "updatedNumberScheduled": 2, "numberAvailable": 1]]
        #expect(try Self.render("ds", [ds]) == """
            NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
            fluentd   2         2         1       2            1           kubernetes.io/os=linux   90s

            """)
        let complete: JSONValue = ["metadata": F.meta("pi", ago: 30),
                                   "spec": ["completions": 1, "parallelism": 1],
                                   "status": ["succeeded": 1, "startTime": F.ts(29), "completionTime": F.ts(21),
                                              "conditions": [["type": "Complete", "status": "True"]]]]
        let running: JSONValue = ["metadata": F.meta("work", ago: 5), "spec": ["parallelism": 3],
                                  "status": ["startTime": F.ts(5)]]
        let failed: JSONValue = ["metadata": F.meta("bad", ago: 400), "spec": ["completions": 3],
                                 "status": ["startTime": F.ts(400), "conditions": [["type": "Failed", "status": "True"]]]]
        #expect(try Self.render("jobs", [complete, running, failed]) == """
            NAME   STATUS     COMPLETIONS   DURATION   AGE
            pi     Complete   1/1           8s         30s
            work   Running    0/1 of 3      5s         5s
            bad    Failed     0/3           6m40s      6m40s

            """)
        let cj: JSONValue = ["metadata": F.meta("hello", ago: 300),
                             "spec": ["schedule": "*/1 * * * *", "suspend": false,
                                      "jobTemplate": ["spec": ["template": ["spec": ["containers": [["name": "hello", "image": "busybox:1.28"]]]]]]],
                             "status": ["lastScheduleTime": F.ts(45)]]
        #expect(try Self.render("cj", [cj]) == """
            NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
            hello   */1 * * * *   <none>     False     0        45s             5m

            """)
        let cr: JSONValue = ["metadata": F.meta("web-6bc8d7b9f5", ago: 300).merging([
            "ownerReferences": [["apiVersion": "apps/v1", "kind": "StatefulSet", "name": "web", "uid": "u", "controller": true]]]),
                             "revision": 1]
        #expect(try Self.render("controllerrevisions", [cr]) == """
            NAME             CONTROLLER             REVISION   AGE
            web-6bc8d7b9f5   statefulset.apps/web   1          5m

            """)
    }

    @Test func configAndRBAC() throws {
        let cm: JSONValue = ["metadata": F.meta("kube-root-ca.crt", ago: 300), "data": ["ca.crt": "x"]]
        #expect(try Self.render("cm", [cm]) == "NAME               DATA   AGE\nkube-root-ca.crt   1      5m\n")
        let secret: JSONValue = ["metadata": F.meta("s", ago: 300), "type": "Opaque", "data": ["a": "", "b": ""]]
        #expect(try Self.render("secrets", [secret]) == "NAME   TYPE     DATA   AGE\ns      Opaque   2      5m\n")
        let sa: JSONValue = ["metadata": F.meta("default", ago: 300)]
        #expect(try Self.render("sa", [sa]) == "NAME      SECRETS   AGE\ndefault   0         5m\n")
        let role: JSONValue = ["metadata": F.meta("admin", ago: 300, namespace: nil)]
        #expect(try Self.render("clusterroles", [role]) == "NAME    CREATED AT\nadmin   2025-03-10T08:55:00Z\n")
        let binding: JSONValue = [
            "metadata": F.meta("read", ago: 300), "roleRef": ["kind": "ClusterRole", "name": "view"],
            "subjects": [["kind": "User", "name": "jane"], ["kind": "ServiceAccount", "name": "app", "namespace": "default"],
                         ["kind": "Group", "name": "devs"], ["kind": "User", "name": "joe"]],
        ]
        #expect(try Self.render("rolebindings", [binding], wide: true) == """
            NAME   ROLE               AGE   USERS       GROUPS   SERVICEACCOUNTS
            read   ClusterRole/view   5m    jane, joe   devs     default/app

            """)
        let pdb: JSONValue = ["metadata": F.meta("web", ago: 300), "spec": ["minAvailable": 2], "status": ["disruptionsAllowed": 1]]
        #expect(try Self.render("pdb", [pdb]) == """
            NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE
            web    2               N/A               1                     5m

            """)
    }

    @Test func events() throws {
        let e: JSONValue = [
            "metadata": F.meta("web-0.17f", ago: 30),
            "involvedObject": ["kind": "Pod", "name": "web-0", "fieldPath": "spec.containers{nginx}"],
            "type": "Normal", "reason": "Pulled", "message": " Container image already present on machine \n",
            "source": ["component": "kubelet", "host": "node1"], "firstTimestamp": F.ts(30), "lastTimestamp": F.ts(10),
            "count": 2,
        ]
        #expect(try Self.render("events", [e]) == """
            LAST SEEN   TYPE     REASON   OBJECT      MESSAGE
            10s         Normal   Pulled   pod/web-0   Container image already present on machine

            """)
        #expect(try Self.render("events", [e], wide: true) == """
            LAST SEEN   TYPE     REASON   OBJECT      SUBOBJECT                SOURCE           MESSAGE                                      FIRST SEEN   COUNT   NAME
            10s         Normal   Pulled   pod/web-0   spec.containers{nginx}   kubelet, node1   Container image already present on machine   30s          2       web-0.17f

            """)
    }
}

extension JSONValue {
    /// Adds keys to an object (test helper).
    func merging(_ other: JSONValue) -> JSONValue {
        var copy = self
        for (k, v) in other.object ?? [:] { copy[k] = v }
        return copy
    }
}
