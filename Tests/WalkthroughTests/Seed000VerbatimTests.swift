import Testing

/// Seed 000 typed as the seed shows it, its `explain` typo included, compared with the rows the
/// seed shows (see `SeedScrape` for what is masked). The sleeps bring the clock to the ages the
/// seed's own rows show (46s, 2m42s, 6m24s).
@Suite struct Seed000VerbatimTests {
    static let transcript = WalkthroughHarness.run(folder: "seed000", script: """
        kubectl explain statefulset.spe.podManagementPolicy
        kubectl apply -f visit-cnt-stfs.yaml
        sleep 46
        kubectl get sts,po,svc -o wide | grep visit
        kubectl scale sts visit-cnt-stfs --replicas 4
        sleep 116
        kubectl get sts,po,svc,pv -o wide | grep visit
        kubectl scale sts visit-cnt-stfs --replicas 2
        sleep 222
        kubectl get sts,po,svc,pv -o wide | grep visit
        """)

    func rows(_ command: String, _ occurrence: Int = 1) -> [String] {
        SeedScrape.masked(WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence))
    }

    /// kubectl's explain template names the last field of the path, not the misspelt `spe`.
    @Test func theExplainTypoIsAnsweredAsKubectlDoes() {
        #expect(WalkthroughHarness.output(of: "kubectl explain statefulset.spe.podManagementPolicy", in: Self.transcript)
                == ["error: field \"podManagementPolicy\" does not exist"])
    }

    @Test func applyPrintsTheSeedsLineAndTheOneItsScrapeDropped() {
        #expect(WalkthroughHarness.output(of: "kubectl apply -f visit-cnt-stfs.yaml", in: Self.transcript)
                == ["service/visit-cnt-stfs-svc created", "statefulset.apps/visit-cnt-stfs created"])
    }

    @Test func twoReplicasMatchTheSeed() {
        #expect(rows("kubectl get sts,po,svc -o wide | grep visit") == SeedScrape.masked([
            "statefulset.apps/visit-cnt-stfs   2/2     46s   stfs-container   dbgurum/mynode:fc.stfs",
            "pod/visit-cnt-stfs-0                    1/1     Running   0          46s     10.111.156.102   k8s-node1    <none>           <none>",
            "pod/visit-cnt-stfs-1                    1/1     Running   0          30s     10.109.131.27    k8s-node2    <none>           <none>",
            "service/visit-cnt-stfs-svc         ClusterIP   None            <none>        8080/TCP    46s   app=visit-cnt-stfs",
        ]))
    }

    static let volumes = [
        "persistentvolume/pvc-02ea5060-56b1-45f3-80b2-8fa66bd43481   1Gi        RWO            Delete           Bound    default/data-visit-cnt-stfs-3   openebs-hostpath            58s     Filesystem",
        "persistentvolume/pvc-1ef8c4b4-467c-4fd8-8b0d-b42afc561316   1Gi        RWO            Delete           Bound    default/data-visit-cnt-stfs-1   openebs-hostpath            2m23s   Filesystem",
        "persistentvolume/pvc-50de5316-9381-4341-8a0e-c934888756b2   1Gi        RWO            Delete           Bound    default/data-visit-cnt-stfs-2   openebs-hostpath            64s     Filesystem",
        "persistentvolume/pvc-5ddc0d34-5183-4f7a-84a8-a10106d93b6d   1Gi        RWO            Delete           Bound    default/data-visit-cnt-stfs-0   openebs-hostpath            2m39s   Filesystem",
    ]

    @Test func scalingToFourMatchesTheSeed() {
        #expect(WalkthroughHarness.output(of: "kubectl scale sts visit-cnt-stfs --replicas 4", in: Self.transcript)
                == ["statefulset.apps/visit-cnt-stfs scaled"])
        #expect(rows("kubectl get sts,po,svc,pv -o wide | grep visit") == SeedScrape.masked([
            "statefulset.apps/visit-cnt-stfs   4/4     2m42s   stfs-container   dbgurum/mynode:fc.stfs",
            "pod/visit-cnt-stfs-0                    1/1     Running   0          2m42s   10.111.156.102   k8s-node1    <none>           <none>",
            "pod/visit-cnt-stfs-1                    1/1     Running   0          2m26s   10.109.131.27    k8s-node2    <none>           <none>",
            "pod/visit-cnt-stfs-2                    1/1     Running   0          68s     10.109.131.29    k8s-node2    <none>           <none>",
            "pod/visit-cnt-stfs-3                    1/1     Running   0          62s     10.111.156.104   k8s-node1    <none>           <none>",
            "service/visit-cnt-stfs-svc         ClusterIP   None            <none>        8080/TCP    2m42s   app=visit-cnt-stfs",
        ] + Self.volumes))
    }

    @Test func scalingBackToTwoKeepsTheFourVolumesAsTheSeedShows() {
        #expect(rows("kubectl get sts,po,svc,pv -o wide | grep visit", 2) == SeedScrape.masked([
            "statefulset.apps/visit-cnt-stfs   2/2     6m24s   stfs-container   dbgurum/mynode:fc.stfs",
            "pod/visit-cnt-stfs-0                    1/1     Running   0          6m24s   10.111.156.102   k8s-node1    <none>           <none>",
            "pod/visit-cnt-stfs-1                    1/1     Running   0          6m8s    10.109.131.27    k8s-node2    <none>           <none>",
            "service/visit-cnt-stfs-svc         ClusterIP   None            <none>        8080/TCP    6m24s   app=visit-cnt-stfs",
        ] + Self.volumes))
    }
}
