import Testing
@testable import Kubectl

/// `kubectl api-versions`: the served group/versions, sorted; arguments are refused as kubectl
/// refuses them (checked with /usr/bin/kubectl).
@Suite struct APIVersionsCommandTests {
    @Test func theServedGroupVersionsSorted() {
        let h = CommandHarness()
        #expect(h.run("api-versions").out
            == "apps/v1\nbatch/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\npolicy/v1\nrbac.authorization.k8s.io/v1\nstorage.k8s.io/v1\nv1\n")
        #expect(h.run("api-versions x") == .init(out: "", err: "error: unexpected arguments: [x]\nSee 'kubectl api-versions -h' for help and examples\n", code: 1))
    }
}
