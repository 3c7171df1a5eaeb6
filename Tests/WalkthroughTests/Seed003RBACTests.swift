import Testing

/// Seed 003's RBAC part through `kubelab run`: the k8s-rbac folder applied, the admin role described,
/// the service account's permissions asked, and the liberator (its DaemonSet's pod template as a
/// plain pod) first refused the nodes list, then, once bound, deleting a node that stays NotReady.
@Suite struct Seed003RBACTests {
    static let sa = "--as=system:serviceaccount:tkr-system:high-availability"

    /// Without the binding first: the pod starts before `role-base-access-ctl.yml` is applied.
    static let transcript = WalkthroughHarness.run(folder: "seed003-rbac", script: """
        kubectl apply -f k8s-rbac/namespace.yml -f k8s-rbac/service-account.yml
        kubectl apply -f liberator-pod.yml
        sleep 12
        kubectl get po -n tkr-system
        kubectl logs liberator-7jq4m -n tkr-system
        kubectl auth can-i list nodes \(sa)
        kubectl apply -f k8s-rbac
        kubectl auth can-i list nodes \(sa)
        kubectl auth can-i delete nodes \(sa)
        kubectl auth can-i get nodes \(sa)
        kubectl auth can-i list pods -n tkr-system \(sa)
        kubectl get pods -n tkr-system \(sa)
        kubectl describe clusterrole admin -n kube-system
        kubectl exec -it liberator-7jq4m -n tkr-system bash
        kubectl exec -it liberator-7jq4m -n tkr-system -- bash
        df -h
        ls /run/secrets/kubernetes.io/serviceaccount/
        cat /run/secrets/kubernetes.io/serviceaccount/namespace
        exit
        kubectl exec -it liberator-7jq4m 0n tkr-system bash
        kubectl get no -o=custom-columns=NAME:.metadata.name,STATUS:.status.coditions[4].type
        kubectl auth whoami
        """)

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    @Test func theLiberatorIsRefusedUntilItsClusterRoleIsBound() {
        #expect(SeedScrape.masked(out("kubectl get po -n tkr-system")) == ["NAME READY STATUS RESTARTS AGE", "liberator-7jq4m 1/1 Running 0 AGE"])
        let log = out("kubectl logs liberator-7jq4m -n tkr-system")
        #expect(log.count == 4, "one refused round (the blank lines print adds end the output)")
        #expect(log[0] == "Exception when calling CoreV1Api->list_node: (403)")
        #expect(log[1] == "Reason: Forbidden")
        #expect(log[3] == #"HTTP response body: {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"nodes is forbidden: User \"system:serviceaccount:tkr-system:high-availability\" cannot list resource \"nodes\" in API group \"\" at the cluster scope","reason":"Forbidden","details":{"kind":"nodes"},"code":403}"#)
        #expect(out("kubectl auth can-i list nodes \(Self.sa)") == ["Warning: resource 'nodes' is not namespace scoped", "no"])
    }

    @Test func theFolderGrantsListAndDeleteOnNodesOnly() {
        #expect(out("kubectl apply -f k8s-rbac") == [
            "namespace/tkr-system unchanged",
            "clusterrole.rbac.authorization.k8s.io/nodes created",
            "clusterrolebinding.rbac.authorization.k8s.io/nodes created",
            "serviceaccount/high-availability unchanged",
        ])
        let warning = "Warning: resource 'nodes' is not namespace scoped"
        #expect(out("kubectl auth can-i list nodes \(Self.sa)", 2) == [warning, "yes"])
        #expect(out("kubectl auth can-i delete nodes \(Self.sa)") == [warning, "yes"])
        #expect(out("kubectl auth can-i get nodes \(Self.sa)") == [warning, "no"])
        #expect(out("kubectl auth can-i list pods -n tkr-system \(Self.sa)") == ["no"])
        #expect(out("kubectl get pods -n tkr-system \(Self.sa)") == [
            #"Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:tkr-system:high-availability" cannot list resource "pods" in API group "" in the namespace "tkr-system""#,
        ])
        #expect(out("kubectl auth whoami") == ["ATTRIBUTE   VALUE", "Username    kubernetes-admin", "Groups      [kubeadm:cluster-admins system:authenticated]"])
    }

    @Test func describeAdminShowsTheAggregatedRules() {
        let described = out("kubectl describe clusterrole admin -n kube-system")
        #expect(described.count == 76)
        #expect(described[3] == "PolicyRule:")
        #expect(described[6] == "  leases.coordination.k8s.io                      []                 []              [create delete deletecollection get list patch update watch]")
        #expect(described.last == "  serviceaccounts                                 []                 []              [impersonate create delete deletecollection patch update get list watch]")
    }

    @Test func insideTheLiberatorTheTokenIsMountedAsInAnyContainer() {
        // kubectl 1.31 and later refuse the seed's form without `--`; the learner retypes it.
        #expect(out("kubectl exec -it liberator-7jq4m -n tkr-system bash") == [
            "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead",
            "See 'kubectl exec -h' for help and examples",
        ])
        let df = WalkthroughHarness.output(of: "root@liberator-7jq4m:/# df -h", in: Self.transcript.replacingOccurrences(of: "\nroot@liberator-7jq4m:/# ", with: "\n$ root@liberator-7jq4m:/# "))
        #expect(df == [
            "Filesystem      Size  Used Avail Use% Mounted on",
            "overlay          64G  1.0K   64G   1% /",
            "tmpfs            64M     0   64M   0% /dev",
            "/dev/sda1        64G  1.0K   64G   1% /etc/hosts",
            "shm              64M     0   64M   0% /dev/shm",
            "tmpfs           200M  3.0K  200M   1% /run/secrets/kubernetes.io/serviceaccount",
            "tmpfs           2.0G     0  2.0G   0% /proc/acpi",
            "tmpfs           2.0G     0  2.0G   0% /proc/scsi",
            "tmpfs           2.0G     0  2.0G   0% /sys/firmware",
        ])
        #expect(Self.transcript.contains("root@liberator-7jq4m:/# ls /run/secrets/kubernetes.io/serviceaccount/\nca.crt  namespace  token\n"))
        // The file has no newline of its own, so the next prompt follows on its line.
        #expect(Self.transcript.contains("root@liberator-7jq4m:/# cat /run/secrets/kubernetes.io/serviceaccount/namespace\ntkr-systemroot@liberator-7jq4m:/# exit\n"))
    }

    @Test func theSeedsTypedLinesAnswerAsKubectlWould() {
        // `0n` for `-n` leaves four words and no `--`: refused before any pod is looked for.
        #expect(out("kubectl exec -it liberator-7jq4m 0n tkr-system bash") == [
            "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead",
            "See 'kubectl exec -h' for help and examples",
        ])
        #expect(SeedScrape.masked(out("kubectl get no -o=custom-columns=NAME:.metadata.name,STATUS:.status.coditions[4].type")) == [
            "NAME STATUS", "k8s-master <none>", "NODE <none>", "NODE <none>",
        ])
    }
}
