import KubeAPI

/// Node objects as a kubeadm-joined kubelet registers them (Ubuntu VMs with 2 CPUs and 4 GiB).
enum SandboxNodes {
    static func hex(_ count: Int, _ rng: inout SeededGenerator) -> String {
        var s = ""
        while s.count < count { s += HexText.padded16(rng.next()) }
        return String(s.prefix(count))
    }

    static func node(name: String, ip: String, index: Int, controlPlane: Bool, created: Millis,
                     rng: inout SeededGenerator) -> JSONValue
    {
        var labels: [String: String] = [
            "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
            "kubernetes.io/hostname": name, "kubernetes.io/os": "linux",
        ]
        if controlPlane {
            labels["node-role.kubernetes.io/control-plane"] = ""
            labels["node.kubernetes.io/exclude-from-external-load-balancers"] = ""
        }
        let registered = Timestamp.rfc3339(created)
        let ready = Timestamp.rfc3339(created + 38_000)
        func condition(_ type: String, _ status: String, _ reason: String, _ message: String, _ since: String) -> JSONValue {
            ["lastHeartbeatTime": .string(since), "lastTransitionTime": .string(since), "message": .string(message),
             "reason": .string(reason), "status": .string(status), "type": .string(type)]
        }
        let cidr = "10.244.\(index).0/24"
        var spec: JSONValue = ["podCIDR": .string(cidr), "podCIDRs": [.string(cidr)]]
        if controlPlane {
            spec["taints"] = [["effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"]]
        }
        let capacity: JSONValue = ["cpu": "2", "ephemeral-storage": "40581564Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0",
                                   "memory": "4005100Ki", "pods": "110"]
        let allocatable: JSONValue = ["cpu": "2", "ephemeral-storage": "37399969321", "hugepages-1Gi": "0", "hugepages-2Mi": "0",
                                      "memory": "3902700Ki", "pods": "110"]
        return [
            "apiVersion": "v1", "kind": "Node",
            "metadata": [
                "annotations": [
                    "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
                    "node.alpha.kubernetes.io/ttl": "0",
                    "volumes.kubernetes.io/controller-managed-attach-detach": "true",
                ],
                "labels": .stringMap(labels),
                "name": .string(name),
            ],
            "spec": spec,
            "status": [
                "addresses": [["address": .string(ip), "type": "InternalIP"], ["address": .string(name), "type": "Hostname"]],
                "allocatable": allocatable,
                "capacity": capacity,
                "conditions": [
                    condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", registered),
                    condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", registered),
                    condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", registered),
                    condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", ready),
                ],
                "daemonEndpoints": ["kubeletEndpoint": ["Port": 10250]],
                "nodeInfo": [
                    "architecture": "amd64",
                    "bootID": .string(rng.uuid()),
                    "containerRuntimeVersion": .string(Sandbox.containerRuntime),
                    "kernelVersion": "5.15.0-139-generic",
                    "kubeProxyVersion": .string(Sandbox.kubernetesVersion),
                    "kubeletVersion": .string(Sandbox.kubernetesVersion),
                    "machineID": .string(hex(32, &rng)),
                    "operatingSystem": "linux",
                    "osImage": "Ubuntu 22.04.5 LTS",
                    "systemUUID": .string(rng.uuid()),
                ],
            ],
        ]
    }
}
