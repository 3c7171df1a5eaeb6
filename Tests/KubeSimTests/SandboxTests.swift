import KubeAPI
import Testing
@testable import KubeSim

@Suite struct SandboxTests {
    @Test func sandboxHasTheKubeadmObjects() {
        let cluster = Sandbox.make(seed: 1, workerNodes: 2)
        #expect(Timestamp.rfc3339(cluster.now) == "2025-06-02T09:00:00Z")
        let nodes = cluster.store.list(Sim.type("Node"))
        #expect(nodes.map(\.name) == ["k8s-master", "k8s-node1", "k8s-node2"])
        let master = nodes[0]
        #expect(master.labels["node-role.kubernetes.io/control-plane"] == "")
        #expect(master["spec"]["taints"][0]["key"].string == "node-role.kubernetes.io/control-plane")
        #expect(master["status"]["nodeInfo"]["kubeletVersion"].string == "v1.32.4")
        #expect(nodes[2]["spec"]["podCIDR"].string == "10.244.2.0/24")
        #expect(humanDuration(cluster.now - Timestamp.parse(master.creationTimestamp ?? "")!) == "12d")
        let namespaces = cluster.store.list(Sim.type("Namespace")).map(\.name)
        #expect(namespaces == ["default", "kube-node-lease", "kube-public", "kube-system"])
        for ns in namespaces {
            #expect(cluster.store.get(Sim.type("ServiceAccount"), namespace: ns, name: "default") != nil)
            #expect(cluster.store.get(Sim.type("ConfigMap"), namespace: ns, name: "kube-root-ca.crt") != nil)
        }
        let dns = cluster.store.get(Sim.type("Service"), namespace: "kube-system", name: "kube-dns")
        #expect(dns?["spec"]["clusterIP"].string == "10.96.0.10")
        let dnsEndpoints = cluster.store.get(Sim.type("Endpoints"), namespace: "kube-system", name: "kube-dns")
        #expect(dnsEndpoints?["subsets"][0]["addresses"].items.compactMap { $0["ip"].string } == ["10.244.0.2", "10.244.0.3"])
        #expect(dnsEndpoints?["subsets"][0]["ports"].items.count == 3)
        let kubernetes = cluster.store.get(Sim.type("Endpoints"), namespace: "default", name: "kubernetes")
        #expect(kubernetes?["subsets"][0]["addresses"][0]["ip"].string == "192.168.56.10")
        let systemPods = cluster.store.list(Sim.type("Pod"), namespace: "kube-system")
        let names = systemPods.map(\.name)
        for p in ["etcd-k8s-master", "kube-apiserver-k8s-master", "kube-controller-manager-k8s-master", "kube-scheduler-k8s-master"] {
            #expect(names.contains(p))
        }
        #expect(names.filter { $0.hasPrefix("coredns-668d6bf9bc-") }.count == 2)
        #expect(names.filter { $0.hasPrefix("kube-proxy-") }.count == 3)
        #expect(systemPods.allSatisfy { $0["status"]["phase"].string == "Running" })
        // Every ownerReference resolves.
        for pod in systemPods {
            for ref in pod.ownerReferences {
                let type = ResourceRegistry.forKind(ref["kind"].string ?? "")!
                #expect(cluster.store.get(type, namespace: "kube-system", name: ref["name"].string ?? "")?.uid == ref["uid"].string)
            }
        }
        let classes = cluster.store.list(Sim.type("StorageClass"))
        #expect(classes.map(\.name) == ["nfs", "openebs-hostpath", "standard"])
        #expect(classes[0]["reclaimPolicy"].string == "Retain" && classes[0]["volumeBindingMode"].string == "Immediate")
        #expect(classes[2].annotations["storageclass.kubernetes.io/is-default-class"] == "true")
        #expect(cluster.store.count(Sim.type("Event")) == 0)
    }

    @Test func workerCountIsHonoured() {
        let cluster = Sandbox.make(seed: 1, workerNodes: 5)
        #expect(cluster.store.list(Sim.type("Node")).count == 6)
        #expect(cluster.store.get(Sim.type("Node"), namespace: nil, name: "k8s-node5")?["status"]["addresses"][0]["address"].string
            == "192.168.56.15")
    }

    @Test func newNamespacesGetTheirDefaults() throws {
        let cluster = Sandbox.make(seed: 1, workerNodes: 1)
        try Sim.create(cluster, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n")
        cluster.settle()
        #expect(cluster.store.get(Sim.type("ServiceAccount"), namespace: "team", name: "default") != nil)
        #expect(cluster.store.get(Sim.type("ConfigMap"), namespace: "team", name: "kube-root-ca.crt") != nil)
        let ns = cluster.store.get(Sim.type("Namespace"), namespace: nil, name: "team")
        #expect(ns?["status"]["phase"].string == "Active")
        #expect(ns?.labels["kubernetes.io/metadata.name"] == "team")
    }
}
