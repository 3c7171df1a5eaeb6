import Testing
@testable import Kubectl

/// The size limits between kubectl and etcd: the annotation total (256 KiB, validation), the
/// API server's request body (3 MiB, 413) and etcd's request (1.5 MiB, passed on with no reason).
/// Each refused write leaves the cluster as it was, and the session goes on.
@Suite struct RequestSizeLimitTests {
    /// A pod (as JSON, which kubectl reads as well) whose one environment value is `envBytes` long.
    static func pod(_ name: String, envBytes: Int) -> String {
        let value = String(repeating: "x", count: envBytes)
        return #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "\#(name)"}, "spec": {"containers": "#
            + #"[{"name": "c", "image": "busybox", "env": [{"name": "A", "value": "\#(value)"}]}]}}"#
    }

    @Test func aBodyOverThreeMebibytesIsRefusedByTheAPIServer() {
        let h = CommandHarness(files: ["big.yaml": Self.pod("big", envBytes: 3_200_000)])
        #expect(h.run("create -f big.yaml") == .init(out: "", err: """
            Error from server (RequestEntityTooLarge): error when creating "big.yaml": Request entity too large: limit is 3145728

            """, code: 1))
        #expect(h.names("pods").isEmpty)
    }

    @Test func anObjectOverOneAndAHalfMebibytesIsRefusedByEtcd() {
        let h = CommandHarness(files: ["mid.yaml": Self.pod("mid", envBytes: 1_600_000)])
        #expect(h.run("create -f mid.yaml") == .init(out: "", err: """
            Error from server: error when creating "mid.yaml": etcdserver: request is too large

            """, code: 1))
        #expect(h.names("pods").isEmpty)
        // Server-side dry run never reaches etcd.
        #expect(h.run("create -f mid.yaml --dry-run=server").out == "pod/mid created (server dry run)\n")
    }

    @Test func justUnderEtcdsLimitIsStored() {
        let h = CommandHarness(files: ["ok.yaml": Self.pod("ok", envBytes: 1_500_000)])
        #expect(h.run("create -f ok.yaml") == .init(out: "pod/ok created\n", err: "", code: 0))
    }

    @Test func applyOfALargeManifestMeetsTheAnnotationLimit() {
        // The last-applied-configuration annotation repeats the manifest, so 300 KB is too much for apply but not create.
        let h = CommandHarness(files: ["p.yaml": Self.pod("p", envBytes: 300_000)])
        #expect(h.run("apply -f p.yaml") == .init(out: "", err: """
            The Pod "p" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes

            """, code: 1))
        #expect(h.run("create -f p.yaml").out == "pod/p created\n")
    }

    @Test func annotationKeysAreQualifiedNamesInAnyCase() {
        let h = CommandHarness()
        #expect(h.run("create configmap c").code == 0)
        #expect(h.run("annotate configmap c Example.COM/Owner=me").out == "configmap/c annotated\n")
        #expect(h.run("annotate configmap c bad_key!=x") == .init(out: "", err: """
            The ConfigMap "c" is invalid: metadata.annotations: Invalid value: "bad_key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')

            """, code: 1))
    }

    @Test func aPatchBodyOverThreeMebibytesIsRefused() {
        let h = CommandHarness()
        #expect(h.run("create configmap c").code == 0)
        let patch = "{\"data\":{\"a\":\"" + String(repeating: "y", count: 3_200_000) + "\"}}"
        #expect(h.run(args: ["patch", "configmap", "c", "-p", patch]) == .init(out: "", err: """
            Error from server (RequestEntityTooLarge): Request entity too large: limit is 3145728

            """, code: 1))
    }
}
