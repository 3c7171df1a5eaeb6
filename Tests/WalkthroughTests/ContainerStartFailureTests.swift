import Testing

/// A command the image does not have never runs: containerd's OCI error is the `Failed` event, there is
/// no `Started` event and no log, and the pod shows StartError (restartPolicy Never) or backs off.
/// The DNS images tutorials use bring bind's tools.
@Suite struct ContainerStartFailureTests {
    static let transcript = WalkthroughHarness.run(folder: "files", script: """
        kubectl run bad --image=busybox -- foo
        kubectl run once --image=busybox --restart=Never -- foo
        kubectl run dns --image=tutum/dnsutils -- sleep 3600
        kubectl run jessie --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 -- sleep 3600
        kubectl run shoot --image=nicolaka/netshoot -- sleep 3600
        sleep 30
        kubectl get pod once bad
        kubectl logs once
        kubectl get events --field-selector involvedObject.name=once -o custom-columns=REASON:.reason,MESSAGE:.message
        kubectl exec dns -- dig +short kubernetes.default.svc.cluster.local
        kubectl exec jessie -- host kubernetes
        kubectl exec shoot -- bash -c 'nslookup kubernetes | tail -3'
        """)

    func out(_ command: String) -> [String] { WalkthroughHarness.output(of: command, in: Self.transcript) }

    @Test func aMissingExecutableIsAStartError() {
        let rows = out("kubectl get pod once bad")
        #expect(rows.contains { $0.hasPrefix("once ") && $0.contains(" 0/1 ") && $0.contains(" StartError ") })
        #expect(rows.contains { $0.hasPrefix("bad ") && $0.contains(" CrashLoopBackOff ") })
        #expect(out("kubectl logs once").isEmpty)
        #expect(out("kubectl get events --field-selector involvedObject.name=once -o custom-columns=REASON:.reason,MESSAGE:.message") == [
            "REASON      MESSAGE",
            "Scheduled   Successfully assigned default/once to k8s-node1",
            "Pulling     Pulling image \"busybox\"",
            "Pulled      Successfully pulled image \"busybox\" in 1.554s (1.554s including waiting). Image size: 19483421 bytes.",
            "Created     Created container: once",
            "Failed      Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"foo\": executable file not found in $PATH: unknown",
        ])
    }

    @Test func dnsImagesHaveBindsTools() {
        #expect(out("kubectl exec dns -- dig +short kubernetes.default.svc.cluster.local") == ["10.96.0.1"])
        #expect(out("kubectl exec jessie -- host kubernetes") == ["kubernetes.default.svc.cluster.local has address 10.96.0.1"])
        #expect(out("kubectl exec shoot -- bash -c 'nslookup kubernetes | tail -3'") == ["Name:\tkubernetes.default.svc.cluster.local", "Address: 10.96.0.1"])
    }
}
