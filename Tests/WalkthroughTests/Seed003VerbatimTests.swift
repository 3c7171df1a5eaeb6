import Testing

/// Seed 003 typed as the seed shows it, the `exit`s that leave mysql and bash added and a sleep
/// before each exec so MySQL has started. The seed's VMs are `node1`/`node2` (kubelab's are
/// `k8s-node1`...): typed verbatim in the default sandbox they are not found, by kubectl and by
/// vagrant, as on any cluster without them (Seed003NodeFailureTests runs the same part on nodes
/// named as the seed's). The liberator DaemonSet runs a pod on each worker (what its image does
/// is not simulated). The `while true` loops run until the script's loop budget. The seed's
/// `kubectl exec -it mysql-0 bash` (no `--`) is refused by kubectl 1.31 and later, so it is
/// followed by the form with `--`, as a learner retypes it.
@Suite struct Seed003VerbatimTests {
    static let transcript = WalkthroughHarness.run(folder: "seed003", script: """
        kubectl apply -f mysql-sts.yml
        kubectl get svc,sts,po
        sleep 70
        kubectl exec -it mysql-0 -- bash
        mysql -u root -pqwerty
        create database hello;
        show databases;
        exit
        exit
        kubectl delete -f mysql-sts.yml
        kubectl get svc,sts,po
        kubectl get pvc,pv
        kubectl apply -f mysql-sts.yml
        sleep 70
        kubectl exec -it mysql-0 -- bash
        mysql -u root -pqwerty
        show databases;
        exit
        exit
        kubectl get po mysql-0 -o wide
        kubectl cordon node2
        kubectl drain node2 --ignore-daemonsets
        kubectl get po mysql-0 -o wide
        kubectl uncordon node2
        vagrant halt node1
        while true; do date; kubectl get no; echo; kubectl get po -o wide; echo; sleep 60; done
        kubectl delete node node1
        kubectl get po -o wide
        vagrant up
        kubectl get po -n tkr-system
        kubectl exec -it liberator-7j.. 0n tkr-system bash
        kubectl get no -o=custom-columns=NAME:.metadata.name,STATUS:.status.coditions[4].type
        kubectl apply -f k8s-rbac
        kubectl apply -f daemonset.yml
        kubectl get ds
        kubectl get ds -n tkr-system
        kubectl get node
        kubectl exec -it mysql-0 bash
        kubectl exec -it mysql-0 -- bash
        mysql -u root -pqwerty
        create database test123;
        show databases;
        exit
        exit
        kubectl get ep mysql
        """)

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    @Test func theDatabaseSurvivesDeletingAndReapplyingTheStatefulSet() {
        #expect(out("kubectl apply -f mysql-sts.yml") == ["service/mysql created", "statefulset.apps/mysql created"])
        #expect(out("kubectl delete -f mysql-sts.yml") == ["service \"mysql\" deleted", "statefulset.apps \"mysql\" deleted"])
        let claims = SeedScrape.masked(out("kubectl get pvc,pv"))
        #expect(claims.contains("persistentvolumeclaim/pvc-mysql-0 Bound pvc-UID 2Gi RWO standard AGE"))
        #expect(claims.contains("persistentvolume/pvc-UID 2Gi RWO Delete Bound default/pvc-mysql-0 standard AGE"))
        #expect(Self.transcript.components(separatedBy: "| hello              |").count == 4, "created, listed after the re-apply, listed with test123")
        #expect(Self.transcript.contains("| test123            |"))
    }

    @Test func theSeedsNodeNamesAreNotFound() {
        #expect(out("kubectl cordon node2") == ["Error from server (NotFound): nodes \"node2\" not found"])
        #expect(out("kubectl drain node2 --ignore-daemonsets") == ["Error from server (NotFound): nodes \"node2\" not found"])
        #expect(out("kubectl uncordon node2") == ["Error from server (NotFound): nodes \"node2\" not found"])
        #expect(out("kubectl delete node node1") == ["Error from server (NotFound): nodes \"node1\" not found"])
    }

    @Test func vagrantKnowsOnlyTheSandboxesMachines() {
        #expect(out("vagrant halt node1") == ["The machine with the name 'node1' was not found configured for", "this Vagrant environment."])
        #expect(out("vagrant up").prefix(3) == [
            "Bringing machine 'k8s-master' up with 'virtualbox' provider...",
            "Bringing machine 'k8s-node1' up with 'virtualbox' provider...",
            "Bringing machine 'k8s-node2' up with 'virtualbox' provider...",
        ])
    }

    @Test func theEndlessWatchLoopStopsAtTheScriptsBudget() {
        let loop = out("while true; do date; kubectl get no; echo; kubectl get po -o wide; echo; sleep 60; done")
        #expect(loop.first?.hasSuffix(" UTC 2025") == true, "date first, as the loop's body does")
        #expect(loop.filter { $0.hasSuffix(" UTC 2025") }.count == 11, "at 0 s, 60 s, ... 600 s")
        #expect(loop.last == "kubelab: loop stopped after 600 s of cluster time")
    }

    @Test func theRBACObjectsAreStoredAndTheDaemonSetRunsOnTheWorkers() {
        #expect(out("kubectl apply -f k8s-rbac") == [
            "namespace/tkr-system created",
            "clusterrole.rbac.authorization.k8s.io/nodes created",
            "clusterrolebinding.rbac.authorization.k8s.io/nodes created",
            "serviceaccount/high-availability created",
        ])
        #expect(out("kubectl apply -f daemonset.yml") == ["daemonset.apps/liberator created"])
        #expect(out("kubectl get ds") == ["No resources found in default namespace."])
        #expect(SeedScrape.masked(out("kubectl get ds -n tkr-system")) == [
            "NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE", "liberator 2 2 0 2 0 <none> AGE",
        ])
        #expect(out("kubectl get po -n tkr-system") == ["No resources found in tkr-system namespace."], "typed before the DaemonSet exists")
    }

    /// The seed's typo `.status.coditions` finds nothing: custom-columns prints `<none>`.
    @Test func aMisspeltColumnPathPrintsNone() {
        #expect(SeedScrape.masked(out("kubectl get no -o=custom-columns=NAME:.metadata.name,STATUS:.status.coditions[4].type")) == [
            "NAME STATUS", "k8s-master <none>", "NODE <none>", "NODE <none>",
        ])
    }

    @Test func execWithoutTheDashesIsRefusedAsKubectl132Does() {
        let refused = ["error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead",
                       "See 'kubectl exec -h' for help and examples"]
        #expect(out("kubectl exec -it mysql-0 bash") == refused)
        #expect(out("kubectl exec -it liberator-7j.. 0n tkr-system bash") == refused)
    }

    @Test func theEndpointsListTheRunningPod() {
        #expect(SeedScrape.masked(out("kubectl get ep mysql")) == ["NAME ENDPOINTS AGE", "mysql IP:3306 AGE"])
    }
}
