import Testing

/// Each `kubectl exec` is a new process beside the container's main process (PID 1): its `$$` is
/// not 1, and `kill 1` says plainly that signalling the main process is not simulated.
@Suite struct ExecProcessTests {
    static let transcript = WalkthroughHarness.run(folder: "files", script: """
        kubectl run deb --image=debian -- sleep 3600
        sleep 20
        kubectl exec deb -- bash -c 'echo $$'
        kubectl exec deb -- bash -c 'echo $$; kill -0 1 && kill 1; echo $?'
        kubectl exec deb -- bash -c 'kill -9 $$; echo not reached'
        """)

    func out(_ command: String) -> [String] { WalkthroughHarness.output(of: command, in: Self.transcript) }

    @Test func execShellsAreNotTheMainProcess() {
        #expect(out("kubectl exec deb -- bash -c 'echo $$'") == ["7"])
        #expect(out("kubectl exec deb -- bash -c 'echo $$; kill -0 1 && kill 1; echo $?'") == [
            "8", "kubelab: kill: signalling the container's main process (PID 1) is not simulated; `kubectl delete pod` restarts it", "1",
        ])
        #expect(out("kubectl exec deb -- bash -c 'kill -9 $$; echo not reached'") == ["command terminated with exit code 137"])
    }
}
