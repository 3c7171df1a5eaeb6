import Testing
@testable import Kubectl

/// A StatefulSet is accepted whatever its claim templates say (apps validation does not look at
/// them); the claim the controller then creates is refused, so no pod starts and the set reports why.
@Suite struct InvalidClaimTemplateTests {
    static let manifest = Manifests.statefulSet("web") + """
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests:
                  storage: 1Gi
              storageClassName: \\"openebs-hostpath\\" #scraped from seed 000

        """

    @Test func scrapedStorageClassNameFailsTheClaimAndNoPodStarts() {
        let h = CommandHarness(files: ["sts.yaml": Self.manifest])
        #expect(h.run("apply -f sts.yaml") == .init(out: "statefulset.apps/web created\n", err: "", code: 0))
        h.cluster.advance(by: 30_000)
        #expect(h.run("get pods,pvc") == .init(out: "", err: "No resources found in default namespace.\n", code: 0))
        let invalid = "PersistentVolumeClaim \"data-web-0\" is invalid: spec.storageClassName: Invalid value: "
            + "\"\\\\\\\"openebs-hostpath\\\\\\\"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
        let events = h.run("describe sts web").out
        #expect(events.contains("Warning  FailedCreate"))
        #expect(events.contains("create Claim data-web-0 for Pod web-0 in StatefulSet web failed error: " + invalid))
        #expect(events.contains("create Pod web-0 in StatefulSet web failed error: failed to create PVC data-web-0: " + invalid))
    }
}
