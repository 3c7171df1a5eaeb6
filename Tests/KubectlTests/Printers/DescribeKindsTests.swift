import Foundation
import KubeAPI
import Testing
@testable import Kubectl

/// Describe output per kind, compared with the reviewed kubelab goldens under `Golden/kubelab/describe/`
/// (`KUBELAB_RECORD_GOLDENS=1` rewrites them and fails, see Golden/README.md).
@Suite struct DescribeKindsTests {
    typealias F = Fixtures
    typealias D = DescribeTests

    static func expectGolden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) {
        GoldenFiles.expectKubelab(actual, "describe/\(name).txt", sourceLocation: sourceLocation)
    }

    /// A small cluster: a StatefulSet `web` with two pods, its headless service, claims and volumes.
    static func cluster() throws -> (ObjectStore, D.Clock) {
        let clock = D.Clock()
        clock.now = F.now - 300_000
        let store = D.store(clock)
        try store.create(F.type("nodes"), [
            "metadata": ["name": "node1", "labels": ["kubernetes.io/hostname": "node1", "kubernetes.io/os": "linux"],
                         "annotations": ["node.alpha.kubernetes.io/ttl": "0"]],
            "spec": ["podCIDR": "10.244.1.0/24", "podCIDRs": ["10.244.1.0/24"],
                     "taints": [["key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"]], "unschedulable": true],
            "status": [
                "conditions": [
                    ["type": "MemoryPressure", "status": "False", "lastHeartbeatTime": F.ts(10), "lastTransitionTime": F.ts(300),
                     "reason": "KubeletHasSufficientMemory", "message": "kubelet has sufficient memory available"],
                    ["type": "Ready", "status": "True", "lastHeartbeatTime": F.ts(10), "lastTransitionTime": F.ts(290),
                     "reason": "KubeletReady", "message": "kubelet is posting ready status"],
                ],
                "addresses": [["type": "InternalIP", "address": "172.18.0.3"], ["type": "Hostname", "address": "node1"]],
                "capacity": ["cpu": "4", "ephemeral-storage": "102626232Ki", "memory": "8137152Ki", "pods": "110"],
                "allocatable": ["cpu": "4", "ephemeral-storage": "102626232Ki", "memory": "8137152Ki", "pods": "110"],
                "nodeInfo": ["machineID": "m1", "systemUUID": "s1", "bootID": "b1", "kernelVersion": "6.8.0",
                             "osImage": "Debian GNU/Linux 12 (bookworm)", "operatingSystem": "linux", "architecture": "amd64",
                             "containerRuntimeVersion": "containerd://1.7.24", "kubeletVersion": "v1.32.0",
                             "kubeProxyVersion": "v1.32.0"],
            ],
        ])
        // The kubelet's lease, renewed 10 s ago like the Ready condition's heartbeat.
        try store.create(F.type("leases"), [
            "metadata": ["name": "node1", "namespace": "kube-node-lease"],
            "spec": ["holderIdentity": "node1", "leaseDurationSeconds": 40, "renewTime": F.ts(10)],
        ])
        try store.create(F.type("storageclasses"), [
            "metadata": ["name": "standard", "annotations": ["storageclass.kubernetes.io/is-default-class": "true"]],
            "provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete", "volumeBindingMode": "WaitForFirstConsumer",
        ])
        let sts = try store.create(F.type("sts"), [
            "metadata": ["name": "web", "namespace": "default"],
            "spec": [
                "replicas": 2, "serviceName": "nginx", "selector": ["matchLabels": ["app": "nginx"]],
                "podManagementPolicy": "OrderedReady",
                "updateStrategy": ["type": "RollingUpdate", "rollingUpdate": ["partition": 0]],
                "template": [
                    "metadata": ["labels": ["app": "nginx"]],
                    "spec": ["containers": [[
                        "name": "nginx", "image": "registry.k8s.io/nginx-slim:0.24",
                        "ports": [["containerPort": 80, "name": "web", "protocol": "TCP"]],
                        "volumeMounts": [["name": "www", "mountPath": "/usr/share/nginx/html"]],
                    ]]],
                ],
                "volumeClaimTemplates": [[
                    "metadata": ["name": "www"],
                    "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]],
                ]],
            ],
            "status": ["replicas": 2, "readyReplicas": 2],
        ])
        clock.now = F.now - 100_000
        for i in 0..<2 {
            var pod = DescribeTests.statefulSetPod()
            pod["metadata"]["name"] = .string("web-\(i)")
            pod["metadata"]["ownerReferences"] = [sts.ownerReference()]
            pod["spec"]["volumes"] = [["name": "www", "persistentVolumeClaim": ["claimName": .string("www-web-\(i)")]]]
            pod["spec"]["containers"][0]["resources"] = ["requests": ["cpu": "100m", "memory": "64Mi"],
                                                         "limits": ["cpu": "250m", "memory": "128Mi"]]
            try store.create(F.type("pods"), pod)
            try store.create(F.type("pvc"), [
                "metadata": ["name": .string("www-web-\(i)"), "namespace": "default", "labels": ["app": "nginx"],
                             "annotations": ["pv.kubernetes.io/bind-completed": "yes", "volume.kubernetes.io/selected-node": "node1"],
                             "finalizers": ["kubernetes.io/pvc-protection"]],
                "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]],
                         "storageClassName": "standard", "volumeMode": "Filesystem", "volumeName": .string("pvc-0\(i)")],
                "status": ["phase": "Bound", "accessModes": ["ReadWriteOnce"], "capacity": ["storage": "1Gi"]],
            ])
            try store.create(F.type("pv"), [
                "metadata": ["name": .string("pvc-0\(i)"), "finalizers": ["kubernetes.io/pv-protection"],
                             "annotations": ["pv.kubernetes.io/provisioned-by": "rancher.io/local-path"]],
                "spec": [
                    "capacity": ["storage": "1Gi"], "accessModes": ["ReadWriteOnce"], "persistentVolumeReclaimPolicy": "Delete",
                    "storageClassName": "standard", "volumeMode": "Filesystem",
                    "claimRef": ["kind": "PersistentVolumeClaim", "namespace": "default", "name": .string("www-web-\(i)")],
                    "hostPath": ["path": .string("/var/local-path-provisioner/pvc-0\(i)_default_www-web-\(i)"), "type": "DirectoryOrCreate"],
                    "nodeAffinity": ["required": ["nodeSelectorTerms": [["matchExpressions": [
                        ["key": "kubernetes.io/hostname", "operator": "In", "values": ["node1"]],
                    ]]]]],
                ],
                "status": ["phase": "Bound"],
            ])
        }
        try store.create(F.type("svc"), [
            "metadata": ["name": "nginx", "namespace": "default", "labels": ["app": "nginx"]],
            "spec": ["clusterIP": "None", "clusterIPs": ["None"], "type": "ClusterIP", "selector": ["app": "nginx"],
                     "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack", "sessionAffinity": "None",
                     "internalTrafficPolicy": "Cluster",
                     "ports": [["name": "web", "port": 80, "protocol": "TCP", "targetPort": 80]]],
        ])
        try store.create(F.type("ep"), [
            "metadata": ["name": "nginx", "namespace": "default", "labels": ["app": "nginx", "service.kubernetes.io/headless": ""]],
            "subsets": [[
                "addresses": [["ip": "10.244.1.5", "hostname": "web-0"], ["ip": "10.244.2.6", "hostname": "web-1"]],
                "notReadyAddresses": [["ip": "10.244.2.9"]],
                "ports": [["name": "web", "port": 80, "protocol": "TCP"]],
            ]],
        ])
        try store.create(F.type("ns"), ["metadata": ["name": "default", "labels": ["kubernetes.io/metadata.name": "default"]],
                                        "status": ["phase": "Active"]])
        try store.create(F.type("cm"), ["metadata": ["name": "kube-root-ca.crt", "namespace": "default",
                                                     "annotations": ["kubernetes.io/description": "Contains a CA bundle."]],
                                        "data": ["ca.crt": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
                                                 "mode": "fast"]])
        try store.create(F.type("secret"), ["metadata": ["name": "mysql-pass", "namespace": "default"], "type": "Opaque",
                                            "data": ["password": "cGFzc3dvcmQ=", "user": "cm9vdA=="]])
        try store.create(F.type("sa"), ["metadata": ["name": "default", "namespace": "default"]])
        let involved: JSONValue = ["kind": "StatefulSet", "name": "web", "namespace": "default", "uid": .string(sts.uid)]
        try store.create(F.type("events"), D.event("s1", involved: involved, reason: "SuccessfulCreate",
            message: "create Claim www-web-0 Pod web-0 in StatefulSet web success", from: "statefulset-controller", first: 300))
        try store.create(F.type("events"), D.event("s2", involved: involved, reason: "SuccessfulCreate",
            message: "create Pod web-0 in StatefulSet web successful", from: "statefulset-controller", first: 300, last: 100, count: 3))
        let deploy = try store.create(F.type("deploy"), [
            "metadata": ["name": "nginx", "namespace": "default", "labels": ["app": "nginx"],
                         "annotations": ["deployment.kubernetes.io/revision": "2"]],
            "spec": ["replicas": 3, "selector": ["matchLabels": ["app": "nginx"]],
                     "strategy": ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "25%", "maxSurge": "25%"]],
                     "template": ["metadata": ["labels": ["app": "nginx"]],
                                  "spec": ["containers": [["name": "nginx", "image": "nginx:1.25"]]]]],
            "status": ["replicas": 3, "updatedReplicas": 3, "availableReplicas": 3, "readyReplicas": 3,
                       "conditions": [["type": "Available", "status": "True", "reason": "MinimumReplicasAvailable"],
                                      ["type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable"]]],
        ])
        for (hash, image, replicas) in [("7854ff8877", "nginx:1.25", 3), ("5d59d67564", "nginx:1.24", 0)] {
            try store.create(F.type("rs"), [
                "metadata": ["name": .string("nginx-\(hash)"), "namespace": "default",
                             "labels": ["app": "nginx", "pod-template-hash": .string(hash)],
                             "ownerReferences": [deploy.ownerReference()]],
                "spec": ["replicas": .int(replicas), "selector": ["matchLabels": ["app": "nginx", "pod-template-hash": .string(hash)]],
                         "template": ["metadata": ["labels": ["app": "nginx", "pod-template-hash": .string(hash)]],
                                      "spec": ["containers": [["name": "nginx", "image": .string(image)]]]]],
                "status": ["replicas": .int(replicas), "readyReplicas": .int(replicas)],
            ])
        }
        try store.create(F.type("jobs"), [
            "metadata": ["name": "pi", "namespace": "default", "labels": ["batch.kubernetes.io/job-name": "pi"]],
            "spec": ["parallelism": 1, "completions": 1, "backoffLimit": 6, "completionMode": "NonIndexed", "suspend": false,
                     "selector": ["matchLabels": ["batch.kubernetes.io/controller-uid": "c1"]],
                     "template": ["metadata": ["labels": ["batch.kubernetes.io/job-name": "pi"]],
                                  "spec": ["restartPolicy": "Never",
                                           "containers": [["name": "pi", "image": "perl:5.34", "command": ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]]]]]],
            "status": ["startTime": F.ts(60), "completionTime": F.ts(40), "succeeded": 1, "ready": 0],
        ])
        try store.create(F.type("cj"), [
            "metadata": ["name": "hello", "namespace": "default"],
            "spec": ["schedule": "*/1 * * * *", "concurrencyPolicy": "Allow", "suspend": false,
                     "successfulJobsHistoryLimit": 3, "failedJobsHistoryLimit": 1,
                     "jobTemplate": ["spec": ["template": ["spec": ["restartPolicy": "OnFailure",
                                                                    "containers": [["name": "hello", "image": "busybox:1.28", "command": ["date"]]]]]]]],
            "status": ["lastScheduleTime": F.ts(45), "active": [["name": "hello-28948930", "kind": "Job"]]],
        ])
        clock.now = F.now
        return (store, clock)
    }

    @Test(arguments: [
        ("statefulset", "sts", "default", "web"), ("service", "svc", "default", "nginx"),
        ("endpoints", "ep", "default", "nginx"), ("pvc", "pvc", "default", "www-web-0"), ("pv", "pv", "", "pvc-00"),
        ("node", "nodes", "", "node1"), ("namespace", "ns", "", "default"), ("configmap", "cm", "default", "kube-root-ca.crt"),
        ("secret", "secret", "default", "mysql-pass"), ("storageclass", "sc", "", "standard"),
        ("serviceaccount", "sa", "default", "default"), ("deployment", "deploy", "default", "nginx"),
        ("replicaset", "rs", "default", "nginx-7854ff8877"), ("job", "jobs", "default", "pi"), ("cronjob", "cj", "default", "hello"),
    ])
    func kind(golden: String, type: String, namespace: String, name: String) throws {
        let (store, _) = try Self.cluster()
        let t = F.type(type)
        let object = try #require(store.get(t, namespace: t.namespaced ? namespace : "", name: name))
        Self.expectGolden(golden, Describer.describe(t, object, store: store, now: F.now))
    }
}
