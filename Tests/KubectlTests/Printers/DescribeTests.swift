import KubeAPI
import Testing
@testable import Kubectl

/// Layouts follow real `kubectl describe` output (v1.32), including its quirks: the `IPs:` block
/// aligning with `Controlled By:`, trailing spaces after condition cells, `QoS Class:` aligned with
/// the volume fields above it.
@Suite struct DescribeTests {
    typealias F = Fixtures

    final class Clock: @unchecked Sendable { var now: Millis = F.now }

    static func store(_ clock: Clock) -> ObjectStore {
        var n = 0
        return ObjectStore(now: { clock.now }, makeUID: { n += 1; return "uid-\(n)" })
    }

    static func statefulSetPod() -> JSONValue {
        [
            "metadata": [
                "name": "web-0", "namespace": "default",
                "labels": ["app": "nginx", "apps.kubernetes.io/pod-index": "0",
                           "controller-revision-hash": "web-6bc8d7b9f5", "statefulset.kubernetes.io/pod-name": "web-0"],
                "ownerReferences": [["apiVersion": "apps/v1", "kind": "StatefulSet", "name": "web", "uid": "uid-sts",
                                     "controller": true, "blockOwnerDeletion": true]],
            ],
            "spec": [
                "priority": 0, "serviceAccountName": "default", "nodeName": "node1",
                "containers": [[
                    "name": "nginx", "image": "registry.k8s.io/nginx-slim:0.24",
                    "ports": [["containerPort": 80, "name": "web", "protocol": "TCP"]],
                    "volumeMounts": [
                        ["name": "www", "mountPath": "/usr/share/nginx/html"],
                        ["name": "kube-api-access-7xk2q", "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "readOnly": true],
                    ],
                ]],
                "volumes": [
                    ["name": "www", "persistentVolumeClaim": ["claimName": "www-web-0"]],
                    ["name": "kube-api-access-7xk2q", "projected": ["sources": [
                        ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
                        ["configMap": ["name": "kube-root-ca.crt", "items": [["key": "ca.crt", "path": "ca.crt"]]]],
                        ["downwardAPI": ["items": [["path": "namespace", "fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"]]]]],
                    ]]],
                ],
                "tolerations": [
                    ["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
                    ["key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
                ],
            ],
            "status": [
                "phase": "Running", "hostIP": "172.18.0.3", "podIP": "10.244.1.5", "podIPs": [["ip": "10.244.1.5"]],
                "startTime": F.ts(0),
                "conditions": [
                    ["type": "PodReadyToStartContainers", "status": "True"], ["type": "Initialized", "status": "True"],
                    ["type": "Ready", "status": "True"], ["type": "ContainersReady", "status": "True"],
                    ["type": "PodScheduled", "status": "True"],
                ],
                "containerStatuses": [[
                    "name": "nginx", "ready": true, "restartCount": 0, "started": true,
                    "containerID": "containerd://4f1c", "image": "registry.k8s.io/nginx-slim:0.24",
                    "imageID": "registry.k8s.io/nginx-slim@sha256:a8b3",
                    "state": ["running": ["startedAt": F.ts(-2)]],
                ]],
            ],
        ]
    }

    static func event(_ name: String, involved: JSONValue, type: String = "Normal", reason: String, message: String,
                      from: String, first: Int, last: Int? = nil, count: Int = 1) -> JSONValue
    {
        [
            "metadata": ["name": .string(name), "namespace": "default"],
            "involvedObject": involved, "type": .string(type), "reason": .string(reason), "message": .string(message),
            "source": ["component": .string(from)], "firstTimestamp": F.ts(first), "lastTimestamp": F.ts(last ?? first),
            "count": .int(count),
        ]
    }

    @Test func pod() throws {
        let clock = Clock()
        clock.now = F.now - 10_000
        let store = Self.store(clock)
        let pod = try store.create(F.type("pods"), Self.statefulSetPod())
        let involved: JSONValue = ["kind": "Pod", "name": "web-0", "namespace": "default", "uid": .string(pod.uid)]
        try store.create(F.type("events"), Self.event("e1", involved: involved, reason: "Scheduled",
            message: "Successfully assigned default/web-0 to node1", from: "default-scheduler", first: 5))
        try store.create(F.type("events"), Self.event("e2", involved: involved, reason: "Pulled",
            message: "Container image \"registry.k8s.io/nginx-slim:0.24\" already present on machine", from: "kubelet", first: 4))
        try store.create(F.type("events"), Self.event("e3", involved: ["kind": "Pod", "name": "other", "uid": "nope"],
            reason: "Scheduled", message: "unrelated", from: "default-scheduler", first: 4))
        let out = Describer.describe(F.type("pods"), pod, store: store, now: F.now)
        #expect(out == """
            Name:             web-0
            Namespace:        default
            Priority:         0
            Service Account:  default
            Node:             node1/172.18.0.3
            Start Time:       Mon, 10 Mar 2025 09:00:00 +0000
            Labels:           app=nginx
                              apps.kubernetes.io/pod-index=0
                              controller-revision-hash=web-6bc8d7b9f5
                              statefulset.kubernetes.io/pod-name=web-0
            Annotations:      <none>
            Status:           Running
            IP:               10.244.1.5
            IPs:
              IP:           10.244.1.5
            Controlled By:  StatefulSet/web
            Containers:
              nginx:
                Container ID:   containerd://4f1c
                Image:          registry.k8s.io/nginx-slim:0.24
                Image ID:       registry.k8s.io/nginx-slim@sha256:a8b3
                Port:           80/TCP
                Host Port:      0/TCP
                State:          Running
                  Started:      Mon, 10 Mar 2025 09:00:02 +0000
                Ready:          True
                Restart Count:  0
                Environment:    <none>
                Mounts:
                  /usr/share/nginx/html from www (rw)
                  /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xk2q (ro)
            Conditions:
              Type                        Status
              PodReadyToStartContainers   True 
              Initialized                 True 
              Ready                       True 
              ContainersReady             True 
              PodScheduled                True 
            Volumes:
              www:
                Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
                ClaimName:  www-web-0
                ReadOnly:   false
              kube-api-access-7xk2q:
                Type:                    Projected (a volume that contains injected data from multiple sources)
                TokenExpirationSeconds:  3607
                ConfigMapName:           kube-root-ca.crt
                ConfigMapOptional:       <nil>
                DownwardAPI:             true
            QoS Class:                   BestEffort
            Node-Selectors:              <none>
            Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                                         node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
            Events:
              Type    Reason     Age   From               Message
              ----    ------     ----  ----               -------
              Normal  Scheduled  5s    default-scheduler  Successfully assigned default/web-0 to node1
              Normal  Pulled     4s    kubelet            Container image "registry.k8s.io/nginx-slim:0.24" already present on machine

            """)
        let quiet = Describer.describe(F.type("pods"), pod, store: store, now: F.now, showEvents: false)
        #expect(!quiet.contains("Events"))
    }
}

extension DescribeTests {
    @Test func terminatingPodAndNoEvents() throws {
        let clock = Clock()
        let store = Self.store(clock)
        var pod = Self.statefulSetPod()
        pod["metadata"]["deletionTimestamp"] = F.ts(-30)
        pod["metadata"]["deletionGracePeriodSeconds"] = 30
        let created = try store.create(F.type("pods"), pod)
        let out = Describer.describe(F.type("pods"), created, store: store, now: F.now)
        // The grace-period label widens the first column block for every line in it.
        #expect(out.contains("\nStatus:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n"))
        #expect(out.hasSuffix("Events:                      <none>\n"))
    }
}

extension DescribeTests {
    /// Sorted by the rule's Go `String()` (verbs first), so `[get list ...]` sorts before `[get]`.
    @Test func clusterRoleRulesAreBrokenDownMergedAndSorted() throws {
        let store = Self.store(Clock())
        let role = try store.create(F.type("clusterroles"), [
            "metadata": ["name": "pod-reader", "labels": ["rbac.example.com/aggregate": "true"]],
            "rules": [
                ["apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get", "list", "watch"]],
                ["apiGroups": ["apps"], "resources": ["statefulsets"], "verbs": ["get"], "resourceNames": ["web"]],
                ["apiGroups": [""], "resources": ["pods"], "verbs": ["delete", "get"]],
                ["nonResourceURLs": ["/healthz"], "verbs": ["get"]],
            ],
        ])
        #expect(Describer.describe(F.type("clusterroles"), role, store: store, now: F.now) == """
            Name:         pod-reader
            Labels:       rbac.example.com/aggregate=true
            Annotations:  <none>
            PolicyRule:
              Resources          Non-Resource URLs  Resource Names  Verbs
              ---------          -----------------  --------------  -----
              pods               []                 []              [get list watch delete]
              pods/log           []                 []              [get list watch]
                                 [/healthz]         []              [get]
              statefulsets.apps  []                 [web]           [get]

            """)
        let binding = try store.create(F.type("rolebindings"), [
            "metadata": ["name": "read-pods", "namespace": "default"],
            "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "pod-reader"],
            "subjects": [["kind": "ServiceAccount", "name": "app", "namespace": "default"], ["kind": "User", "name": "jane"]],
        ])
        #expect(Describer.describe(F.type("rolebindings"), binding, store: store, now: F.now) == """
            Name:         read-pods
            Labels:       <none>
            Annotations:  <none>
            Role:
              Kind:  ClusterRole
              Name:  pod-reader
            Subjects:
              Kind            Name  Namespace
              ----            ----  ---------
              ServiceAccount  app   default
              User            jane  

            """)
    }
}

extension DescribeTests {
    /// `Kind:` shares a column block with the nested `Image:`/`Name:` lines just above it, as in Go.
    @Test func genericDescriberForControllerRevision() throws {
        let store = Self.store(Clock())
        let cr = try store.create(F.type("controllerrevisions"), [
            "metadata": ["name": "web-6bc8d7b9f5", "namespace": "default", "labels": ["controller.kubernetes.io/hash": "6bc8d7b9f5"]],
            "data": ["spec": ["template": ["spec": ["containers": [["name": "nginx", "image": "nginx"]]]]]],
            "revision": 1,
        ])
        #expect(Describer.describe(F.type("controllerrevisions"), cr, store: store, now: F.now) == """
            Name:         web-6bc8d7b9f5
            Namespace:    default
            Labels:       controller.kubernetes.io/hash=6bc8d7b9f5
            Annotations:  <none>
            API Version:  apps/v1
            Data:
              Spec:
                Template:
                  Spec:
                    Containers:
                      Image:  nginx
                      Name:   nginx
            Kind:             ControllerRevision
            Metadata:
              Creation Timestamp:  2025-03-10T09:00:00Z
              Resource Version:    2
              UID:                 uid-1
            Revision:              1
            Events:                <none>

            """)
        #expect(Describer.smartLabel("podIP") == "Pod IP" && Describer.smartLabel("ABCDef") == "ABC Def")
        #expect(Describer.smartLabel("ca.crt") == "ca.crt")
    }
}
