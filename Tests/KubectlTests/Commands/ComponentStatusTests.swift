import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl get cs`, as a kubeadm cluster answers it: three healthy components computed on read
/// (nothing stored), the deprecation warning on every request, and 405 for any write.
@Suite struct ComponentStatusTests {
    static let warning = "Warning: v1 ComponentStatus is deprecated in v1.19+\n"

    @Test func theComponentsAreHealthy() {
        #expect(CommandHarness().run("get cs") == .init(out: """
            NAME                 STATUS    MESSAGE   ERROR
            scheduler            Healthy   ok        \n\
            controller-manager   Healthy   ok        \n\
            etcd-0               Healthy   ok        \n
            """, err: Self.warning, code: 0))
    }

    /// The REST returns the objects bare: no uid, resourceVersion or creation time.
    @Test func anObjectHasOnlyItsNameAndConditions() {
        #expect(CommandHarness().run("get componentstatus scheduler -o yaml") == .init(out: """
            apiVersion: v1
            conditions:
            - message: ok
              status: "True"
              type: Healthy
            kind: ComponentStatus
            metadata:
              creationTimestamp: null
              name: scheduler

            """, err: Self.warning, code: 0))
    }

    /// REST.Get answers a name it lacks with a plain error: a 500 Status with no reason, which
    /// kubectl prints without one, and which `--ignore-not-found` does not hide.
    @Test(arguments: ["get cs nope", "get cs nope --ignore-not-found", "describe cs nope"])
    func aMissingComponentIsThePlainError(line: String) {
        #expect(CommandHarness().run(line) == .init(
            out: "", err: Self.warning + "Error from server: Component not found: nope\n", code: 1))
    }

    @Test(arguments: ["delete cs scheduler", "label cs scheduler tier=x", "annotate cs etcd-0 a=b"])
    func writesAreNotAllowed(line: String) {
        #expect(CommandHarness().run(line) == .init(
            out: "", err: Self.warning + "Error from server (MethodNotAllowed): the server does not allow this method on the requested resource\n", code: 1))
    }

    /// Nothing is stored, so snapshots and the revision do not change; one warning per command.
    @Test func nothingIsStored() {
        let h = CommandHarness()
        let revision = h.cluster.store.revision
        #expect(h.cluster.store.allObjects().contains { $0.0.kind == "ComponentStatus" } == false)
        #expect(h.run("get cs,ns -o name").err == Self.warning)
        #expect(h.cluster.store.revision == revision)
        #expect(h.run("get pods").err.contains("ComponentStatus") == false)
    }
}
