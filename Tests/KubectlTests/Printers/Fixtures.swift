import KubeAPI
@testable import Kubectl

/// Hand-built API objects for printer tests; times are offsets from `Fixtures.now`.
enum Fixtures {
    /// 2025-03-10T09:00:00Z
    static let now: Millis = 1_741_597_200_000

    static func ts(_ secondsAgo: Int) -> JSONValue { .string(Timestamp.rfc3339(now - Millis(secondsAgo) * 1000)) }

    static func type(_ plural: String) -> ResourceType { ResourceRegistry.lookup(plural)! }

    static func meta(_ name: String, ago: Int, namespace: String? = "default", labels: JSONValue = nil) -> JSONValue {
        var m: JSONValue = ["name": .string(name), "creationTimestamp": ts(ago), "uid": .string("uid-\(name)")]
        if let namespace { m["namespace"] = .string(namespace) }
        if !labels.isNull { m["labels"] = labels }
        return m
    }

    static func statefulSet(_ name: String, replicas: Int, ready: Int, ago: Int, container: String = "nginx",
                            image: String = "nginx") -> JSONValue
    {
        [
            "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": meta(name, ago: ago),
            "spec": [
                "replicas": .int(replicas), "serviceName": .string(name),
                "selector": ["matchLabels": ["app": .string(name)]],
                "template": ["spec": ["containers": [["name": .string(container), "image": .string(image)]]]],
            ],
            "status": ["replicas": .int(replicas), "readyReplicas": .int(ready)],
        ]
    }

    static func runningPod(_ name: String, ago: Int, ip: String = "10.244.1.5", node: String = "node1",
                           ready: Bool = true, restarts: Int = 0) -> JSONValue
    {
        [
            "apiVersion": "v1", "kind": "Pod", "metadata": meta(name, ago: ago),
            "spec": ["nodeName": .string(node), "containers": [["name": "nginx", "image": "nginx"]]],
            "status": [
                "phase": "Running", "podIP": .string(ip), "podIPs": [["ip": .string(ip)]],
                "conditions": [["type": "Ready", "status": ready ? "True" : "False"]],
                "containerStatuses": [[
                    "name": "nginx", "ready": .bool(ready), "restartCount": .int(restarts),
                    "state": ["running": ["startedAt": ts(ago)]],
                ]],
            ],
        ]
    }

    static func creatingPod(_ name: String, ago: Int, node: String = "node2") -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Pod", "metadata": meta(name, ago: ago),
            "spec": ["nodeName": .string(node), "containers": [["name": "nginx", "image": "nginx"]]],
            "status": [
                "phase": "Pending",
                "containerStatuses": [[
                    "name": "nginx", "ready": false, "restartCount": 0,
                    "state": ["waiting": ["reason": "ContainerCreating"]],
                ]],
            ],
        ]
    }

    static func headlessService(_ name: String, port: Int, ago: Int, selector: JSONValue) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Service", "metadata": meta(name, ago: ago),
            "spec": [
                "type": "ClusterIP", "clusterIP": "None", "clusterIPs": ["None"],
                "ports": [["port": .int(port), "protocol": "TCP", "targetPort": .int(port)]], "selector": selector,
            ],
        ]
    }

    static func persistentVolume(_ name: String, claim: String, storageClass: String, ago: Int) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "PersistentVolume", "metadata": meta(name, ago: ago, namespace: nil),
            "spec": [
                "capacity": ["storage": "1Gi"], "accessModes": ["ReadWriteOnce"],
                "persistentVolumeReclaimPolicy": "Delete", "storageClassName": .string(storageClass),
                "volumeMode": "Filesystem",
                "claimRef": ["kind": "PersistentVolumeClaim", "namespace": "default", "name": .string(claim)],
            ],
            "status": ["phase": "Bound"],
        ]
    }

    static func boundClaim(_ name: String, volume: String, storageClass: String, ago: Int) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": meta(name, ago: ago),
            "spec": [
                "accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]],
                "storageClassName": .string(storageClass), "volumeName": .string(volume), "volumeMode": "Filesystem",
            ],
            "status": ["phase": "Bound", "accessModes": ["ReadWriteOnce"], "capacity": ["storage": "1Gi"]],
        ]
    }
}
