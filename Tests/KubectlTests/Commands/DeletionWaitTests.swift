import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl delete` waits for the objects to go: in a script a wait that cannot end stops after a
/// quiet minute and says why, and `--timeout` ends with kubectl's own error.
@Suite struct DeletionWaitTests {
    static let claimed = Manifests.statefulSet("web") + """
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests:
                  storage: 1Gi

        """

    func runningSet() -> CommandHarness {
        let h = CommandHarness(files: ["sts.yaml": Self.claimed])
        h.run("apply -f sts.yaml")
        h.cluster.advance(by: 30_000)
        return h
    }

    @Test func aClaimInUseStopsTheScriptWaitAfterAQuietMinute() {
        let h = runningSet()
        let before = h.cluster.now
        let r = h.run("delete pvc data-web-0")
        #expect(r == .init(out: "persistentvolumeclaim \"data-web-0\" deleted\n",
                           err: "kubelab: stopped waiting after 60s with nothing changing: persistentvolumeclaims \"data-web-0\" "
                               + "is held by its finalizer kubernetes.io/pvc-protection (kubectl would keep waiting until Ctrl-C)\n",
                           code: 0))
        let waited = h.cluster.now - before
        #expect(waited >= 60_000 && waited < 70_000, "waited \(waited) ms")
        #expect(h.run("get pvc data-web-0 -o jsonpath={.metadata.deletionTimestamp}").out.isEmpty == false)
    }

    /// A pod's finalizer outlives its containers: the kubelet's final delete leaves it Terminating,
    /// and it goes when the finalizer does (also for `--force --grace-period=0`).
    @Test func aFinalizerHoldsATerminatedPod() throws {
        let h = CommandHarness(files: ["f.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: f\n  finalizers: [example.com/keep]\nspec:\n  containers: [{name: c, image: nginx}]\n"])
        h.run("apply -f f.yaml")
        h.cluster.advance(by: 10_000)
        #expect(h.run("delete pod f --timeout=3s") == .init(
            out: "pod \"f\" deleted\n", err: "error: timed out waiting for the condition on pods/f\n", code: 1))
        h.cluster.advance(by: 60_000)
        #expect(h.run("get pod f -o jsonpath={.metadata.deletionGracePeriodSeconds}").out == "0")
        #expect(h.run("delete pod f --force --grace-period=0").code == 0)
        #expect(h.names("pods") == ["f"])
        let ref = ObjectRef(ResourceRegistry.forKind("Pod")!, namespace: "default", name: "f")
        try h.cluster.store.modify(ref) { $0["metadata"]["finalizers"] = .null }
        #expect(h.names("pods") == [])
    }

    @Test func anExpiredTimeoutIsAnError() {
        let h = runningSet()
        let before = h.cluster.now
        #expect(h.run("delete pvc data-web-0 --timeout=5s") == .init(
            out: "persistentvolumeclaim \"data-web-0\" deleted\n",
            err: "error: timed out waiting for the condition on persistentvolumeclaims/data-web-0\n", code: 1))
        #expect(h.cluster.now - before <= 5_250)
    }

    @Test func aMissingNameFailsWithoutWaiting() {
        let h = runningSet()
        let before = h.cluster.now
        #expect(h.run("delete pvc data-web-0 nope") == .init(
            out: "persistentvolumeclaim \"data-web-0\" deleted\n",
            err: "Error from server (NotFound): persistentvolumeclaims \"nope\" not found\n", code: 1))
        #expect(h.cluster.now == before)
    }

    @Test func aPodThatStopsIsWaitedFor() {
        let h = runningSet()
        #expect(h.run("delete pod web-0") == .init(out: "pod \"web-0\" deleted\n", err: "", code: 0))
    }
}
