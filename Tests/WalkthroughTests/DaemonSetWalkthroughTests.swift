import Testing

/// DaemonSets through `kubelab run` on the two-worker sandbox: one pod per eligible node (the
/// control plane's NoSchedule taint keeps pods off it unless tolerated), pods that stay on a
/// cordoned node and follow nodes that join and leave, a node selector, deletion, and the update
/// strategies (RollingUpdate one node at a time with maxUnavailable 1, surge, OnDelete).
@Suite struct DaemonSetWalkthroughTests {
    static func run(_ script: String) -> String { WalkthroughHarness.run(folder: "daemonset", script: script) }

    static let placement = run("""
        kubectl apply -f agent.yaml
        kubectl apply -f everywhere.yaml
        kubectl apply -f picky.yaml
        sleep 20
        kubectl get ds
        kubectl get ds -o wide
        kubectl get pods -o wide
        kubectl cordon k8s-node1
        sleep 10
        kubectl get pods -l app=agent -o wide
        kubectl get ds agent
        kubectl apply -f node3.yaml
        kubectl get pods -o wide --field-selector spec.nodeName=k8s-node3
        kubectl get ds
        kubectl delete node k8s-node3
        sleep 90
        kubectl get ds
        kubectl delete ds everywhere
        kubectl get pods -l app=everywhere
        sleep 40
        kubectl get pods -l app=everywhere
        kubectl describe ds picky
        """)

    static func placement(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: placement, occurrence: occurrence)
    }

    @Test func onePodPerWorkerAndTheControlPlaneOnlyWhenTolerated() {
        #expect(Self.placement("kubectl get ds") == [
            "NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR                      AGE",
            "agent        2         2         2       2            2           <none>                             20s",
            "everywhere   3         3         3       3            3           <none>                             20s",
            "picky        1         1         1       1            1           kubernetes.io/hostname=k8s-node2   20s",
        ])
        #expect(Self.placement("kubectl get ds -o wide") == [
            "NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR                      AGE   CONTAINERS   IMAGES         SELECTOR",
            "agent        2         2         2       2            2           <none>                             20s   agent        nginx:1.25     app=agent",
            "everywhere   3         3         3       3            3           <none>                             20s   log          busybox:1.28   app=everywhere",
            "picky        1         1         1       1            1           kubernetes.io/hostname=k8s-node2   20s   c            nginx:1.25     app=picky",
        ])
        #expect(Self.placement("kubectl get pods -o wide") == [
            "NAME               READY   STATUS    RESTARTS   AGE   IP           NODE         NOMINATED NODE   READINESS GATES",
            "agent-7fms4        1/1     Running   0          20s   10.244.1.2   k8s-node1    <none>           <none>",
            "agent-g8q4z        1/1     Running   0          20s   10.244.2.3   k8s-node2    <none>           <none>",
            "everywhere-gpbh9   1/1     Running   0          20s   10.244.0.4   k8s-master   <none>           <none>",
            "everywhere-qmxb2   1/1     Running   0          20s   10.244.2.4   k8s-node2    <none>           <none>",
            "everywhere-xnvgc   1/1     Running   0          20s   10.244.1.3   k8s-node1    <none>           <none>",
            "picky-lpxjn        1/1     Running   0          20s   10.244.2.2   k8s-node2    <none>           <none>",
        ])
    }

    @Test func aCordonedNodeKeepsItsDaemonPod() {
        #expect(Self.placement("kubectl cordon k8s-node1") == ["node/k8s-node1 cordoned"])
        #expect(Self.placement("kubectl get pods -l app=agent -o wide") == [
            "NAME          READY   STATUS    RESTARTS   AGE   IP           NODE        NOMINATED NODE   READINESS GATES",
            "agent-7fms4   1/1     Running   0          30s   10.244.1.2   k8s-node1   <none>           <none>",
            "agent-g8q4z   1/1     Running   0          30s   10.244.2.3   k8s-node2   <none>           <none>",
        ])
        #expect(Self.placement("kubectl get ds agent") == [
            "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
            "agent   2         2         2       2            2           <none>          30s",
        ])
    }

    /// A node object without a kubelet gets its pods bound but never started; once it is deleted,
    /// the pod garbage collector removes them and the sets want one pod fewer.
    @Test func podsFollowNodesThatJoinAndLeave() {
        #expect(Self.placement("kubectl get pods -o wide --field-selector spec.nodeName=k8s-node3") == [
            "NAME               READY   STATUS    RESTARTS   AGE   IP       NODE        NOMINATED NODE   READINESS GATES",
            "agent-xfh5j        0/1     Pending   0          0s    <none>   k8s-node3   <none>           <none>",
            "everywhere-vvd9g   0/1     Pending   0          0s    <none>   k8s-node3   <none>           <none>",
        ])
        #expect(Self.placement("kubectl get ds", 2) == [
            "NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR                      AGE",
            "agent        3         3         2       3            2           <none>                             30s",
            "everywhere   4         4         3       4            3           <none>                             30s",
            "picky        1         1         1       1            1           kubernetes.io/hostname=k8s-node2   30s",
        ])
        #expect(Self.placement("kubectl get ds", 3) == [
            "NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR                      AGE",
            "agent        2         2         2       2            2           <none>                             2m",
            "everywhere   3         3         3       3            3           <none>                             2m",
            "picky        1         1         1       1            1           kubernetes.io/hostname=k8s-node2   2m",
        ])
    }

    @Test func deletingTheDaemonSetRemovesItsPods() {
        #expect(Self.placement("kubectl delete ds everywhere") == ["daemonset.apps \"everywhere\" deleted"])
        #expect(Self.placement("kubectl get pods -l app=everywhere") == [
            "NAME               READY   STATUS        RESTARTS   AGE",
            "everywhere-gpbh9   1/1     Terminating   0          2m",
            "everywhere-qmxb2   1/1     Terminating   0          2m",
            "everywhere-xnvgc   1/1     Terminating   0          2m",
        ])
        #expect(Self.placement("kubectl get pods -l app=everywhere", 2) == ["No resources found in default namespace."])
    }

    @Test func describeShowsTheNodeCountsAndTheControllersEvents() {
        let describe = Self.placement("kubectl describe ds picky")
        #expect(Array(describe.prefix(11)) == [
            "Name:           picky",
            "Selector:       app=picky",
            "Node-Selector:  kubernetes.io/hostname=k8s-node2",
            "Labels:         <none>",
            "Annotations:    deprecated.daemonset.template.generation: 1",
            "Desired Number of Nodes Scheduled: 1",
            "Current Number of Nodes Scheduled: 1",
            "Number of Nodes Scheduled with Up-to-date Pods: 1",
            "Number of Nodes Scheduled with Available Pods: 1",
            "Number of Nodes Misscheduled: 0",
            "Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed",
        ])
        #expect(Array(describe.suffix(4)) == [
            "Events:",
            "  Type    Reason            Age    From                  Message",
            "  ----    ------            ----   ----                  -------",
            "  Normal  SuccessfulCreate  2m40s  daemonset-controller  Created pod: picky-lpxjn",
        ])
    }

    // MARK: Updates

    static let rolling = run("""
        kubectl apply -f agent.yaml
        sleep 20
        kubectl apply -f agent-v2.yaml
        kubectl get pods -l app=agent -o wide
        sleep 3
        kubectl get pods -l app=agent -o wide
        kubectl get ds agent
        sleep 10
        kubectl get pods -l app=agent -o wide
        sleep 30
        kubectl get ds agent
        kubectl get controllerrevisions
        kubectl get pods -l app=agent -o jsonpath='{range .items[*]}{.spec.nodeName} {.spec.containers[0].image} {.metadata.labels.controller-revision-hash} {.metadata.labels.pod-template-generation}{"\\n"}{end}'
        kubectl describe ds agent | grep -A8 ^Events
        """)

    static func rolling(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: rolling, occurrence: occurrence)
    }

    /// maxUnavailable 1 (the default): the old pod on one node goes, its replacement starts, and
    /// only once it is available does the next node's old pod go.
    @Test func aNewImageRollsOneNodeAtATime() {
        #expect(Self.rolling("kubectl apply -f agent-v2.yaml") == ["daemonset.apps/agent configured"])
        #expect(Self.rolling("kubectl get pods -l app=agent -o wide") == [
            "NAME          READY   STATUS        RESTARTS   AGE   IP           NODE        NOMINATED NODE   READINESS GATES",
            "agent-7fms4   1/1     Terminating   0          20s   10.244.1.2   k8s-node1   <none>           <none>",
            "agent-g8q4z   1/1     Running       0          20s   10.244.2.2   k8s-node2   <none>           <none>",
        ])
        #expect(Self.rolling("kubectl get pods -l app=agent -o wide", 2) == [
            "NAME          READY   STATUS              RESTARTS   AGE   IP           NODE        NOMINATED NODE   READINESS GATES",
            "agent-g8q4z   1/1     Running             0          23s   10.244.2.2   k8s-node2   <none>           <none>",
            "agent-pn594   0/1     ContainerCreating   0          2s    <none>       k8s-node1   <none>           <none>",
        ])
        #expect(Self.rolling("kubectl get ds agent") == [
            "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
            "agent   2         2         1       1            1           <none>          23s",
        ])
        #expect(Self.rolling("kubectl get pods -l app=agent -o wide", 3) == [
            "NAME          READY   STATUS              RESTARTS   AGE   IP           NODE        NOMINATED NODE   READINESS GATES",
            "agent-m77w7   0/1     ContainerCreating   0          5s    <none>       k8s-node2   <none>           <none>",
            "agent-pn594   1/1     Running             0          12s   10.244.1.3   k8s-node1   <none>           <none>",
        ])
        #expect(Self.rolling("kubectl get ds agent", 2) == [
            "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
            "agent   2         2         2       2            2           <none>          63s",
        ])
        #expect(Self.rolling("kubectl describe ds agent | grep -A8 ^Events") == [
            "Events:",
            "  Type    Reason            Age   From                  Message",
            "  ----    ------            ----  ----                  -------",
            "  Normal  SuccessfulCreate  63s   daemonset-controller  Created pod: agent-7fms4",
            "  Normal  SuccessfulCreate  63s   daemonset-controller  Created pod: agent-g8q4z",
            "  Normal  SuccessfulDelete  43s   daemonset-controller  Deleted pod: agent-7fms4",
            "  Normal  SuccessfulCreate  42s   daemonset-controller  Created pod: agent-pn594",
            "  Normal  SuccessfulDelete  36s   daemonset-controller  Deleted pod: agent-g8q4z",
            "  Normal  SuccessfulCreate  35s   daemonset-controller  Created pod: agent-m77w7",
        ])
    }

    @Test func eachTemplateIsARevisionAndPodsCarryItsHashAndGeneration() {
        #expect(Self.rolling("kubectl get controllerrevisions") == [
            "NAME               CONTROLLER             REVISION   AGE",
            "agent-67bc9c9cf8   daemonset.apps/agent   1          63s",
            "agent-7955b5956c   daemonset.apps/agent   2          43s",
        ])
        let labels = "kubectl get pods -l app=agent -o jsonpath='{range .items[*]}{.spec.nodeName} {.spec.containers[0].image} "
            + "{.metadata.labels.controller-revision-hash} {.metadata.labels.pod-template-generation}{\"\\n\"}{end}'"
        #expect(Self.rolling(labels) == ["k8s-node2 nginx:1.26 7955b5956c 2", "k8s-node1 nginx:1.26 7955b5956c 2"])
    }

    static let otherStrategies = run("""
        kubectl apply -f agent-ondelete.yaml
        sleep 20
        kubectl apply -f agent-ondelete-v2.yaml
        sleep 30
        kubectl get ds agent
        kubectl get pods -l app=agent -o jsonpath='{range .items[*]}{.metadata.name} {.spec.containers[0].image}{"\\n"}{end}'
        kubectl delete pod agent-7fms4
        sleep 40
        kubectl get ds agent
        kubectl get pods -l app=agent -o jsonpath='{range .items[*]}{.metadata.name} {.spec.nodeName} {.spec.containers[0].image}{"\\n"}{end}'
        kubectl apply -f surge.yaml
        sleep 20
        kubectl apply -f surge-v2.yaml
        sleep 1
        kubectl get pods -l app=surge -o wide
        sleep 40
        kubectl get pods -l app=surge -o wide
        """)

    static func other(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: otherStrategies, occurrence: occurrence)
    }

    @Test func onDeleteReplacesOnlyThePodsDeletedByHand() {
        #expect(Self.other("kubectl get ds agent") == [
            "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
            "agent   2         2         2       0            2           <none>          50s",
        ])
        #expect(Self.other("kubectl get pods -l app=agent -o jsonpath='{range .items[*]}{.metadata.name} {.spec.containers[0].image}{\"\\n\"}{end}'")
            == ["agent-7fms4 nginx:1.25", "agent-g8q4z nginx:1.25"])
        #expect(Self.other("kubectl get ds agent", 2) == [
            "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
            "agent   2         2         2       1            2           <none>          92s",
        ])
        #expect(Self.other("kubectl get pods -l app=agent -o jsonpath='{range .items[*]}{.metadata.name} {.spec.nodeName} {.spec.containers[0].image}{\"\\n\"}{end}'")
            == ["agent-4nsg7 k8s-node1 nginx:1.26", "agent-g8q4z k8s-node2 nginx:1.25"])
    }

    /// maxSurge 1, maxUnavailable 0: the new pod starts beside the old one, which goes once the new
    /// one is available.
    @Test func surgeStartsTheNewPodBesideTheOld() {
        #expect(Self.other("kubectl get pods -l app=surge -o wide") == [
            "NAME          READY   STATUS              RESTARTS   AGE   IP           NODE        NOMINATED NODE   READINESS GATES",
            "surge-2zdlt   1/1     Running             0          21s   10.244.1.4   k8s-node1   <none>           <none>",
            "surge-ht2jg   0/1     ContainerCreating   0          1s    <none>       k8s-node1   <none>           <none>",
            "surge-sljqj   1/1     Running             0          21s   10.244.2.3   k8s-node2   <none>           <none>",
        ])
        #expect(Self.other("kubectl get pods -l app=surge -o wide", 2) == [
            "NAME          READY   STATUS    RESTARTS   AGE   IP           NODE        NOMINATED NODE   READINESS GATES",
            "surge-fjgf5   1/1     Running   0          40s   10.244.2.4   k8s-node2   <none>           <none>",
            "surge-ht2jg   1/1     Running   0          41s   10.244.1.5   k8s-node1   <none>           <none>",
        ])
    }

    // MARK: Seed 003

    static let seed003 = WalkthroughHarness.run(folder: "seed003", script: """
        kubectl apply -f k8s-rbac
        kubectl apply -f daemonset.yml
        kubectl get ds
        kubectl get ds -n tkr-system
        sleep 20
        kubectl get po -n tkr-system -o wide
        kubectl get ds -n tkr-system
        """)

    /// The liberator's image is unknown to kubelab: its pods run as any unknown image does.
    @Test func seed003sLiberatorRunsOnEachWorkerInTkrSystem() {
        func out(_ command: String, _ occurrence: Int = 1) -> [String] {
            WalkthroughHarness.output(of: command, in: Self.seed003, occurrence: occurrence)
        }
        #expect(out("kubectl apply -f daemonset.yml") == ["daemonset.apps/liberator created"])
        #expect(out("kubectl get ds") == ["No resources found in default namespace."])
        #expect(out("kubectl get ds -n tkr-system") == [
            "NAME        DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
            "liberator   2         2         0       2            0           <none>          0s",
        ])
        #expect(out("kubectl get po -n tkr-system -o wide") == [
            "NAME              READY   STATUS    RESTARTS   AGE   IP           NODE        NOMINATED NODE   READINESS GATES",
            "liberator-65wfn   1/1     Running   0          20s   10.244.2.2   k8s-node2   <none>           <none>",
            "liberator-g8q4z   1/1     Running   0          20s   10.244.1.2   k8s-node1   <none>           <none>",
        ])
        #expect(out("kubectl get ds -n tkr-system", 2) == [
            "NAME        DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
            "liberator   2         2         2       2            2           <none>          20s",
        ])
    }

    static let missingAccount = WalkthroughHarness.run(folder: "seed003", script: """
        kubectl apply -f k8s-rbac/namespace.yml
        kubectl apply -f daemonset.yml
        kubectl get ds -n tkr-system
        kubectl describe ds liberator -n tkr-system | grep -A3 ^Events
        kubectl apply -f k8s-rbac/service-account.yml
        sleep 20
        kubectl get ds -n tkr-system
        """)

    /// Without its ServiceAccount the API server refuses the pods; the controller says so in an
    /// event and retries with back-off, so the pods appear soon after the account does.
    @Test func aMissingServiceAccountIsRetriedUntilItExists() {
        func out(_ command: String, _ occurrence: Int = 1) -> [String] {
            WalkthroughHarness.output(of: command, in: Self.missingAccount, occurrence: occurrence)
        }
        #expect(out("kubectl get ds -n tkr-system") == [
            "NAME        DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
            "liberator   2         0         0       0            0           <none>          0s",
        ])
        #expect(out("kubectl describe ds liberator -n tkr-system | grep -A3 ^Events").last
            == "  Warning  FailedCreate  0s (x2 over 0s)  daemonset-controller  Error creating: pods \"liberator-\" is forbidden: "
            + "error looking up service account tkr-system/high-availability: serviceaccount \"high-availability\" not found")
        #expect(out("kubectl get ds -n tkr-system", 2) == [
            "NAME        DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
            "liberator   2         2         2       2            2           <none>          20s",
        ])
    }
}
