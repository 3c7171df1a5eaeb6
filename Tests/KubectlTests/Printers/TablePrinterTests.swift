import KubeAPI
import Testing
@testable import Kubectl

@Suite struct TablePrinterTests {
    typealias F = Fixtures

    /// Reference §1.2, observed from real kubectl against a fake server.
    @Test func multiKindBlocks() throws {
        let groups = [
            ResourceGroup(F.type("sts"), [F.statefulSet("web", replicas: 2, ready: 1, ago: 300)]),
            ResourceGroup(F.type("svc"), [F.headlessService("nginx", port: 80, ago: 300, selector: ["app": "nginx"])]),
            ResourceGroup(F.type("pvc"), []),
            ResourceGroup(F.type("po"), [F.runningPod("web-0", ago: 312), F.creatingPod("web-1", ago: 3)]),
        ]
        let out = try TablePrinter.render(groups, options: TableOptions(), now: F.now)
        #expect(out == """
            NAME                   READY   AGE
            statefulset.apps/web   1/2     5m

            NAME            TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
            service/nginx   ClusterIP   None         <none>        80/TCP    5m

            NAME        READY   STATUS              RESTARTS   AGE
            pod/web-0   1/1     Running             0          5m12s
            pod/web-1   0/1     ContainerCreating   0          3s

            """)
    }

    @Test func singleKindHasNoPrefixAndEmptyPrintsNothing() throws {
        let pods = [F.runningPod("web-0", ago: 312)]
        #expect(try TablePrinter.render(F.type("po"), pods, options: TableOptions(), now: F.now) == """
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   1/1     Running   0          5m12s

            """)
        #expect(try TablePrinter.render(F.type("po"), [], options: TableOptions(), now: F.now) == "")
        let noHeaders = TableOptions(noHeaders: true)
        #expect(try TablePrinter.render(F.type("po"), pods, options: noHeaders, now: F.now)
            == "web-0   1/1   Running   0     5m12s\n")
    }

    /// seeds/000: `kubectl get sts,po,svc,pv -o wide | grep visit` after scaling to 4
    /// (v1.32 adds the VOLUMEATTRIBUTESCLASS column the seed's older cluster did not have).
    @Test func seed000WideRows() throws {
        let name = "visit-cnt-stfs"
        let pods = [
            F.runningPod("\(name)-0", ago: 162, ip: "10.111.156.102", node: "k8s-node1"),
            F.runningPod("\(name)-1", ago: 146, ip: "10.109.131.27", node: "k8s-node2"),
            F.runningPod("\(name)-2", ago: 68, ip: "10.109.131.29", node: "k8s-node2"),
            F.runningPod("\(name)-3", ago: 62, ip: "10.111.156.104", node: "k8s-node1"),
        ]
        let pvs = [
            F.persistentVolume("pvc-02ea5060-56b1-45f3-80b2-8fa66bd43481", claim: "data-\(name)-3",
                               storageClass: "openebs-hostpath", ago: 58),
            F.persistentVolume("pvc-1ef8c4b4-467c-4fd8-8b0d-b42afc561316", claim: "data-\(name)-1",
                               storageClass: "openebs-hostpath", ago: 143),
        ]
        let groups = [
            ResourceGroup(F.type("sts"), [F.statefulSet(name, replicas: 4, ready: 4, ago: 162,
                                                        container: "stfs-container", image: "dbgurum/mynode:fc.stfs")]),
            ResourceGroup(F.type("po"), pods),
            ResourceGroup(F.type("svc"), [F.headlessService("\(name)-svc", port: 8080, ago: 162,
                                                            selector: ["app": .string(name)])]),
            ResourceGroup(F.type("pv"), pvs),
        ]
        let out = try TablePrinter.render(groups, options: TableOptions(wide: true), now: F.now)
        #expect(out == """
            NAME                              READY   AGE     CONTAINERS       IMAGES
            statefulset.apps/visit-cnt-stfs   4/4     2m42s   stfs-container   dbgurum/mynode:fc.stfs

            NAME                   READY   STATUS    RESTARTS   AGE     IP               NODE        NOMINATED NODE   READINESS GATES
            pod/visit-cnt-stfs-0   1/1     Running   0          2m42s   10.111.156.102   k8s-node1   <none>           <none>
            pod/visit-cnt-stfs-1   1/1     Running   0          2m26s   10.109.131.27    k8s-node2   <none>           <none>
            pod/visit-cnt-stfs-2   1/1     Running   0          68s     10.109.131.29    k8s-node2   <none>           <none>
            pod/visit-cnt-stfs-3   1/1     Running   0          62s     10.111.156.104   k8s-node1   <none>           <none>

            NAME                         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE     SELECTOR
            service/visit-cnt-stfs-svc   ClusterIP   None         <none>        8080/TCP   2m42s   app=visit-cnt-stfs

            NAME                                                        CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                           STORAGECLASS       VOLUMEATTRIBUTESCLASS   REASON   AGE     VOLUMEMODE
            persistentvolume/pvc-02ea5060-56b1-45f3-80b2-8fa66bd43481   1Gi        RWO            Delete           Bound    default/data-visit-cnt-stfs-3   openebs-hostpath   <unset>                          58s     Filesystem
            persistentvolume/pvc-1ef8c4b4-467c-4fd8-8b0d-b42afc561316   1Gi        RWO            Delete           Bound    default/data-visit-cnt-stfs-1   openebs-hostpath   <unset>                          2m23s   Filesystem

            """)
    }

    /// Reference §6.8.
    @Test func claimAndVolumeRows() throws {
        let volume = "pvc-5f0c2b1e-8a7d-4c1e-9b7a-2f6d3c1a9e01"
        let pvc = F.boundClaim("www-web-0", volume: volume, storageClass: "standard", ago: 120)
        #expect(try TablePrinter.render(F.type("pvc"), [pvc], options: TableOptions(), now: F.now) == """
            NAME        STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
            www-web-0   Bound    \(volume)   1Gi        RWO            standard       <unset>                 2m

            """)
        let pv = F.persistentVolume(volume, claim: "www-web-0", storageClass: "standard", ago: 120)
        #expect(try TablePrinter.render(F.type("pv"), [pv], options: TableOptions(), now: F.now) == """
            NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
            \(volume)   1Gi        RWO            Delete           Bound    default/www-web-0   standard       <unset>                          2m

            """)
        var pending = F.boundClaim("www-web-1", volume: "", storageClass: "standard", ago: 5)
        pending["spec"]["volumeName"] = nil
        pending["status"] = ["phase": "Pending"]
        let pendingRow = try TablePrinter.render(F.type("pvc"), [pending], options: TableOptions(noHeaders: true), now: F.now)
        // Empty cells still take the minimum width of 6.
        #expect(pendingRow == "www-web-1   Pending" + String(repeating: " ", count: 21) + "standard   <unset>   5s\n")
    }

    @Test func namespaceLabelsAndLabelColumns() throws {
        var pod = F.runningPod("web-0", ago: 10)
        pod["metadata"]["labels"] = ["app": "web", "app.kubernetes.io/tier": "db"]
        let options = TableOptions(withNamespace: true, showLabels: true, labelColumns: ["app.kubernetes.io/tier", "x"])
        let labelled = try TablePrinter.render(F.type("po"), [pod], options: options, now: F.now)
        #expect(labelled == """
            NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE   TIER   X     LABELS
            default     web-0   1/1     Running   0          10s   db           app=web,app.kubernetes.io/tier=db

            """)
        let node: JSONValue = ["kind": "Node", "metadata": F.meta("node1", ago: 100, namespace: nil)]
        let nodeOut = try TablePrinter.render(F.type("nodes"), [node], options: TableOptions(withNamespace: true), now: F.now)
        #expect(nodeOut == "NAME    STATUS    ROLES    AGE    VERSION\nnode1   Unknown   <none>   100s   \n")
    }

    @Test func sortBy() throws {
        let pods = [F.runningPod("web-10", ago: 1), F.runningPod("web-2", ago: 50), F.runningPod("web-1", ago: 9)]
        let byName = try TablePrinter.render(F.type("po"), pods, options: TableOptions(noHeaders: true, sortBy: ".metadata.name"), now: F.now)
        // Plain byte order, as kubectl compares strings that are not quantities.
        #expect(byName.split(separator: "\n").map { $0.prefix(6) } == ["web-1 ", "web-10", "web-2 "])
        let byTime = try TablePrinter.render(F.type("po"), pods, options: TableOptions(noHeaders: true, sortBy: "{.metadata.creationTimestamp}"), now: F.now)
        #expect(byTime.split(separator: "\n").map { $0.prefix(6) } == ["web-2 ", "web-1 ", "web-10"])
        #expect(ObjectSorter.quantity("1500Mi")! < ObjectSorter.quantity("2Gi")!)
        #expect(ObjectSorter.less("9", "10") && ObjectSorter.less("500Mi", "1Gi") && ObjectSorter.less("b", "c"))
        #expect(ObjectSorter.quantity("web-0") == nil && ObjectSorter.quantity("1e3") == 1000)
        #expect(throws: JSONPathError("couldn't find any field with path \"{.nope}\" in the list of objects")) {
            try TablePrinter.render(F.type("po"), pods, options: TableOptions(sortBy: ".nope"), now: F.now)
        }
    }

    /// Reference §1.4: later rows keep the remembered widths and only grow.
    @Test func watchRows() {
        var w = WatchPrinter(type: F.type("po"))
        var pending = F.creatingPod("web-0", ago: 0)
        pending["status"] = ["phase": "Pending"]
        var out = w.initial([], now: F.now)
        out += w.event("ADDED", pending, now: F.now)
        out += w.event("MODIFIED", pending, now: F.now)
        out += w.event("MODIFIED", F.creatingPod("web-0", ago: 0), now: F.now)
        out += w.event("MODIFIED", F.runningPod("web-0", ago: 2), now: F.now)
        var next = F.creatingPod("web-1", ago: 0)
        next["status"] = ["phase": "Pending"]
        out += w.event("ADDED", next, now: F.now)
        #expect(out == """
            NAME    READY   STATUS    RESTARTS   AGE
            web-0   0/1     Pending   0          0s
            web-0   0/1     Pending   0          0s
            web-0   0/1     ContainerCreating   0          0s
            web-0   1/1     Running             0          2s
            web-1   0/1     Pending             0          0s

            """)
        var events = WatchPrinter(type: F.type("po"), outputWatchEvents: true)
        #expect(events.initial([F.runningPod("web-0", ago: 2)], now: F.now) == """
            EVENT   NAME    READY   STATUS    RESTARTS   AGE
            ADDED   web-0   1/1     Running   0          2s

            """)
    }
}
