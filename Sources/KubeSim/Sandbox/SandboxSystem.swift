import KubeAPI

/// kube-system as kubeadm leaves it: the control-plane static pods, CoreDNS behind the kube-dns
/// Service, kube-proxy on every node, and the `kubernetes` Service in default.
enum SandboxSystem {
    static let corednsHash = "668d6bf9bc"
    static let kubeProxyHash = "7bb84c4984"
    static let corednsImage = "registry.k8s.io/coredns/coredns:v1.11.3"
    static let suffixAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    static func suffix(_ rng: inout SeededGenerator) -> String {
        var s = ""
        for _ in 0..<5 { s.append(suffixAlphabet[Int(rng.next() % UInt64(suffixAlphabet.count))]) }
        return s
    }

    static func container(name: String, image: String, command: [String] = [], args: [String] = [], ports: [JSONValue] = [],
                          requests: JSONValue? = nil, limits: JSONValue? = nil, extra: JSONValue = [:]) -> JSONValue
    {
        var c: JSONValue = [:]
        if !args.isEmpty { c["args"] = .array(args.map { .string($0) }) }
        if !command.isEmpty { c["command"] = .array(command.map { .string($0) }) }
        c["image"] = .string(image)
        c["imagePullPolicy"] = "IfNotPresent"
        c["name"] = .string(name)
        if !ports.isEmpty { c["ports"] = .array(ports) }
        var resources: JSONValue = [:]
        if let limits { resources["limits"] = limits }
        if let requests { resources["requests"] = requests }
        c["resources"] = resources
        c["terminationMessagePath"] = "/dev/termination-log"
        c["terminationMessagePolicy"] = "File"
        for (k, v) in extra.object ?? [:] { c[k] = v }
        return c
    }

    static func podDefaults(_ spec: inout JSONValue) {
        let defaults: [(String, JSONValue)] = [
            ("dnsPolicy", "ClusterFirst"), ("enableServiceLinks", true), ("preemptionPolicy", "PreemptLowerPriority"),
            ("restartPolicy", "Always"), ("schedulerName", "default-scheduler"), ("securityContext", .emptyObject),
            ("terminationGracePeriodSeconds", 30),
        ]
        for (k, v) in defaults where spec[k].isNull { spec[k] = v }
    }

    // MARK: default/kubernetes

    static func kubernetesService() -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Service",
            "metadata": ["labels": ["component": "apiserver", "provider": "kubernetes"], "name": "kubernetes", "namespace": "default"],
            "spec": [
                "clusterIP": "10.96.0.1", "internalTrafficPolicy": "Cluster",
                "ports": [["name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443]],
                "sessionAffinity": "None", "type": "ClusterIP",
            ],
            "status": ["loadBalancer": [:]],
        ]
    }

    static func kubernetesEndpoints(masterIP: String) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Endpoints",
            "metadata": ["labels": ["endpointslice.kubernetes.io/skip-mirror": "true"], "name": "kubernetes", "namespace": "default"],
            "subsets": [["addresses": [["ip": .string(masterIP)]], "ports": [["name": "https", "port": 6443, "protocol": "TCP"]]]],
        ]
    }

    // MARK: Control plane

    struct Component {
        let name: String
        let image: String
        let cpu: String
        let memory: String?
        let command: [String]
    }

    static let controlPlaneComponents: [Component] = [
        Component(name: "etcd", image: "registry.k8s.io/etcd:3.5.16-0", cpu: "100m", memory: "100Mi",
                  command: ["etcd", "--advertise-client-urls=https://192.168.56.10:2379", "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
                            "--data-dir=/var/lib/etcd", "--listen-client-urls=https://127.0.0.1:2379,https://192.168.56.10:2379",
                            "--name=k8s-master"]),
        Component(name: "kube-apiserver", image: "registry.k8s.io/kube-apiserver:\(Sandbox.kubernetesVersion)", cpu: "250m", memory: nil,
                  command: ["kube-apiserver", "--advertise-address=192.168.56.10", "--allow-privileged=true",
                            "--authorization-mode=Node,RBAC", "--enable-admission-plugins=NodeRestriction",
                            "--etcd-servers=https://127.0.0.1:2379", "--secure-port=6443", "--service-cluster-ip-range=10.96.0.0/12"]),
        Component(name: "kube-controller-manager", image: "registry.k8s.io/kube-controller-manager:\(Sandbox.kubernetesVersion)",
                  cpu: "200m", memory: nil,
                  command: ["kube-controller-manager", "--allocate-node-cidrs=true", "--cluster-cidr=10.244.0.0/16",
                            "--cluster-name=kubernetes", "--controllers=*,bootstrapsigner,tokencleaner", "--leader-elect=true",
                            "--service-cluster-ip-range=10.96.0.0/12", "--use-service-account-credentials=true"]),
        Component(name: "kube-scheduler", image: "registry.k8s.io/kube-scheduler:\(Sandbox.kubernetesVersion)", cpu: "100m", memory: nil,
                  command: ["kube-scheduler", "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
                            "--bind-address=127.0.0.1", "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true"]),
    ]

    static func staticPod(_ component: Component, node: JSONValue, nodeIP: String, rng: inout SeededGenerator, now: Millis) -> JSONValue {
        let hash = SandboxNodes.hex(32, &rng)
        var requests: JSONValue = ["cpu": .string(component.cpu)]
        if let memory = component.memory { requests["memory"] = .string(memory) }
        var spec: JSONValue = [
            "containers": [container(name: component.name, image: component.image, command: component.command, requests: requests)],
            "hostNetwork": true,
            "nodeName": .string(node.name),
            "priority": 2_000_001_000,
            "priorityClassName": "system-node-critical",
            "securityContext": ["seccompProfile": ["type": "RuntimeDefault"]],
            "tolerations": [["effect": "NoExecute", "operator": "Exists"]],
        ]
        podDefaults(&spec)
        var pod: JSONValue = [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": [
                "annotations": [
                    "kubernetes.io/config.hash": .string(hash), "kubernetes.io/config.mirror": .string(hash),
                    "kubernetes.io/config.seen": .string(Timestamp.rfc3339(now - 9_000)), "kubernetes.io/config.source": "file",
                ],
                "labels": ["component": .string(component.name), "tier": "control-plane"],
                "name": .string("\(component.name)-\(node.name)"),
                "namespace": "kube-system",
                "ownerReferences": [["apiVersion": "v1", "controller": true, "kind": "Node", "name": .string(node.name),
                                     "uid": .string(node.uid)]],
            ],
            "spec": spec,
        ]
        pod["status"] = SandboxPods.runningStatus(for: pod, hostIP: nodeIP, podIP: nodeIP, created: now - 9_000, rng: &rng)
        return pod
    }

    // MARK: CoreDNS

    static func corednsConfigMap() -> JSONValue {
        let corefile = """
            .:53 {
                errors
                health {
                   lameduck 5s
                }
                ready
                kubernetes cluster.local in-addr.arpa ip6.arpa {
                   pods insecure
                   fallthrough in-addr.arpa ip6.arpa
                   ttl 30
                }
                prometheus :9153
                forward . /etc/resolv.conf {
                   max_concurrent 1000
                }
                cache 30 {
                   disable success cluster.local
                   disable denial cluster.local
                }
                loop
                reload
                loadbalance
            }

            """
        return ["apiVersion": "v1", "kind": "ConfigMap", "data": ["Corefile": .string(corefile)],
                "metadata": ["name": "coredns", "namespace": "kube-system"]]
    }

    static func corednsPodSpec() -> JSONValue {
        var spec: JSONValue = [
            "affinity": ["podAntiAffinity": ["preferredDuringSchedulingIgnoredDuringExecution": [[
                "podAffinityTerm": ["labelSelector": ["matchExpressions": [["key": "k8s-app", "operator": "In", "values": ["kube-dns"]]]],
                                    "topologyKey": "kubernetes.io/hostname"],
                "weight": 100,
            ]]]],
            "containers": [container(
                name: "coredns", image: corednsImage, args: ["-conf", "/etc/coredns/Corefile"],
                ports: [["containerPort": 53, "name": "dns", "protocol": "UDP"], ["containerPort": 53, "name": "dns-tcp", "protocol": "TCP"],
                        ["containerPort": 9153, "name": "metrics", "protocol": "TCP"]],
                requests: ["cpu": "100m", "memory": "70Mi"], limits: ["memory": "170Mi"],
                extra: [
                    "livenessProbe": ["failureThreshold": 5, "httpGet": ["path": "/health", "port": 8080, "scheme": "HTTP"],
                                      "initialDelaySeconds": 60, "periodSeconds": 10, "successThreshold": 1, "timeoutSeconds": 5],
                    "readinessProbe": ["failureThreshold": 3, "httpGet": ["path": "/ready", "port": 8181, "scheme": "HTTP"],
                                       "periodSeconds": 10, "successThreshold": 1, "timeoutSeconds": 1],
                    "volumeMounts": [["mountPath": "/etc/coredns", "name": "config-volume", "readOnly": true]],
                ])],
            "dnsPolicy": "Default",
            "nodeSelector": ["kubernetes.io/os": "linux"],
            "priorityClassName": "system-cluster-critical",
            "serviceAccountName": "coredns",
            "tolerations": [["key": "CriticalAddonsOnly", "operator": "Exists"],
                            ["effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"]],
            "volumes": [["configMap": ["defaultMode": 420, "items": [["key": "Corefile", "path": "Corefile"]], "name": "coredns"],
                         "name": "config-volume"]],
        ]
        podDefaults(&spec)
        return spec
    }

    static func corednsDeployment() -> JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["annotations": ["deployment.kubernetes.io/revision": "1"], "labels": ["k8s-app": "kube-dns"],
                         "name": "coredns", "namespace": "kube-system"],
            "spec": [
                "progressDeadlineSeconds": 600, "replicas": 2, "revisionHistoryLimit": 10,
                "selector": ["matchLabels": ["k8s-app": "kube-dns"]],
                "strategy": ["rollingUpdate": ["maxSurge": "25%", "maxUnavailable": 1], "type": "RollingUpdate"],
                "template": ["metadata": ["labels": ["k8s-app": "kube-dns"]], "spec": corednsPodSpec()],
            ],
            "status": ["availableReplicas": 2, "observedGeneration": 1, "readyReplicas": 2, "replicas": 2, "updatedReplicas": 2],
        ]
    }

    static func corednsReplicaSet(owner: JSONValue) -> JSONValue {
        let labels: JSONValue = ["k8s-app": "kube-dns", "pod-template-hash": .string(corednsHash)]
        return [
            "apiVersion": "apps/v1", "kind": "ReplicaSet",
            "metadata": [
                "annotations": ["deployment.kubernetes.io/desired-replicas": "2", "deployment.kubernetes.io/max-replicas": "3",
                                "deployment.kubernetes.io/revision": "1"],
                "labels": labels, "name": .string("coredns-\(corednsHash)"), "namespace": "kube-system",
                "ownerReferences": [owner.ownerReference()],
            ],
            "spec": ["replicas": 2, "selector": ["matchLabels": labels],
                     "template": ["metadata": ["labels": labels], "spec": corednsPodSpec()]],
            "status": ["availableReplicas": 2, "fullyLabeledReplicas": 2, "observedGeneration": 1, "readyReplicas": 2, "replicas": 2],
        ]
    }

    static func corednsPod(owner: JSONValue, rng: inout SeededGenerator) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": [
                "labels": ["k8s-app": "kube-dns", "pod-template-hash": .string(corednsHash)],
                "name": .string("coredns-\(corednsHash)-\(suffix(&rng))"), "namespace": "kube-system",
                "ownerReferences": [owner.ownerReference()],
            ],
            "spec": corednsPodSpec(),
        ]
    }

    static func kubeDNSService() -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Service",
            "metadata": [
                "annotations": ["prometheus.io/port": "9153", "prometheus.io/scrape": "true"],
                "labels": ["k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS"],
                "name": "kube-dns", "namespace": "kube-system",
            ],
            "spec": [
                "clusterIP": "10.96.0.10", "internalTrafficPolicy": "Cluster",
                "ports": [["name": "dns", "port": 53, "protocol": "UDP", "targetPort": 53],
                          ["name": "dns-tcp", "port": 53, "protocol": "TCP", "targetPort": 53],
                          ["name": "metrics", "port": 9153, "protocol": "TCP", "targetPort": 9153]],
                "selector": ["k8s-app": "kube-dns"], "sessionAffinity": "None", "type": "ClusterIP",
            ],
            "status": ["loadBalancer": [:]],
        ]
    }

    // MARK: kube-proxy

    static func kubeProxyPodSpec(node: String?) -> JSONValue {
        var spec: JSONValue = [
            "containers": [container(
                name: "kube-proxy", image: "registry.k8s.io/kube-proxy:\(Sandbox.kubernetesVersion)",
                command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
                extra: [
                    "env": [["name": "NODE_NAME", "valueFrom": ["fieldRef": ["apiVersion": "v1", "fieldPath": "spec.nodeName"]]]],
                    "securityContext": ["privileged": true],
                    "volumeMounts": [["mountPath": "/var/lib/kube-proxy", "name": "kube-proxy"],
                                     ["mountPath": "/run/xtables.lock", "name": "xtables-lock"],
                                     ["mountPath": "/lib/modules", "name": "lib-modules", "readOnly": true]],
                ])],
            "hostNetwork": true,
            "nodeSelector": ["kubernetes.io/os": "linux"],
            "priorityClassName": "system-node-critical",
            "serviceAccountName": "kube-proxy",
            "tolerations": [["operator": "Exists"]],
            "volumes": [["configMap": ["defaultMode": 420, "name": "kube-proxy"], "name": "kube-proxy"],
                        ["hostPath": ["path": "/run/xtables.lock", "type": "FileOrCreate"], "name": "xtables-lock"],
                        ["hostPath": ["path": "/lib/modules", "type": ""], "name": "lib-modules"]],
        ]
        if let node {
            spec["affinity"] = ["nodeAffinity": ["requiredDuringSchedulingIgnoredDuringExecution": ["nodeSelectorTerms": [[
                "matchFields": [["key": "metadata.name", "operator": "In", "values": [.string(node)]]],
            ]]]]]
        }
        podDefaults(&spec)
        return spec
    }

    static func kubeProxyDaemonSet(desired: Int) -> JSONValue {
        [
            "apiVersion": "apps/v1", "kind": "DaemonSet",
            "metadata": ["annotations": ["deprecated.daemonset.template.generation": "1"], "labels": ["k8s-app": "kube-proxy"],
                         "name": "kube-proxy", "namespace": "kube-system"],
            "spec": [
                "revisionHistoryLimit": 10, "selector": ["matchLabels": ["k8s-app": "kube-proxy"]],
                "template": ["metadata": ["labels": ["k8s-app": "kube-proxy"]], "spec": kubeProxyPodSpec(node: nil)],
                "updateStrategy": ["rollingUpdate": ["maxSurge": 0, "maxUnavailable": 1], "type": "RollingUpdate"],
            ],
            "status": [
                "currentNumberScheduled": .int(desired), "desiredNumberScheduled": .int(desired), "numberAvailable": .int(desired),
                "numberMisscheduled": 0, "numberReady": .int(desired), "observedGeneration": 1, "updatedNumberScheduled": .int(desired),
            ],
        ]
    }

    /// The revision the DaemonSet controller keeps of kube-proxy's template; its hash is the one
    /// kube-proxy's pods carry, so the controller finds them up to date.
    static func kubeProxyRevision(owner: JSONValue) -> JSONValue {
        var labels = owner.spec["template"]["metadata"]["labels"].stringMap
        labels[DaemonSetPodControl.revisionLabel] = kubeProxyHash
        return [
            "apiVersion": "apps/v1", "kind": "ControllerRevision",
            "data": ControllerRevisionHistory.patch(for: owner.spec["template"]),
            "metadata": ["annotations": .stringMap(owner.annotations), "labels": .stringMap(labels),
                         "name": .string("kube-proxy-\(kubeProxyHash)"), "namespace": "kube-system",
                         "ownerReferences": [owner.ownerReference()]],
            "revision": 1,
        ]
    }

    static func kubeProxyPod(owner: JSONValue, node: String, rng: inout SeededGenerator) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": [
                "labels": ["controller-revision-hash": .string(kubeProxyHash), "k8s-app": "kube-proxy", "pod-template-generation": "1"],
                "name": .string("kube-proxy-\(suffix(&rng))"), "namespace": "kube-system",
                "ownerReferences": [owner.ownerReference()],
            ],
            "spec": kubeProxyPodSpec(node: node),
        ]
    }
}
