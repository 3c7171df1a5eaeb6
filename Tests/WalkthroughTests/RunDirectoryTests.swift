import Testing

/// `/var/run` is a link to `/run` in the images, so the service-account token is found under both.
@Suite struct RunDirectoryTests {
    static let transcript = WalkthroughHarness.run(folder: "files", script: """
        kubectl run web --image=nginx
        kubectl run bb --image=busybox -- sleep 3600
        sleep 10
        kubectl exec web -- ls /run/secrets/kubernetes.io/serviceaccount
        kubectl exec web -- ls /var/run/secrets/kubernetes.io/serviceaccount
        kubectl exec web -- ls -ld /var/run
        kubectl exec bb -- cat /run/secrets/kubernetes.io/serviceaccount/namespace
        """)

    @Test func serviceAccountTokenIsUnderRunAndVarRun() {
        let listing = ["ca.crt", "namespace", "token"]
        #expect(WalkthroughHarness.output(of: "kubectl exec web -- ls /run/secrets/kubernetes.io/serviceaccount", in: Self.transcript) == listing)
        #expect(WalkthroughHarness.output(of: "kubectl exec web -- ls /var/run/secrets/kubernetes.io/serviceaccount", in: Self.transcript) == listing)
        #expect(Self.transcript.contains("$ kubectl exec bb -- cat /run/secrets/kubernetes.io/serviceaccount/namespace\ndefault"))
        #expect(WalkthroughHarness.output(of: "kubectl exec web -- ls -ld /var/run", in: Self.transcript).first?.hasSuffix(" /var/run -> /run") == true)
    }
}
