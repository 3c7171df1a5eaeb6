import Testing

/// How the images kubelab knows answer the SIGTERM of `kubectl delete pod`, as `get -w` shows it
/// on a 1.27+ cluster: nginx exits 0 (Completed), hello-app is a Go program without a handler and
/// exits 2 (Error), a `sleep` command as PID 1 ignores the signal and is killed with exit code 137
/// when the grace period ends.
@Suite struct PodTerminationWalkthroughTests {
    static let jsonpath = #"'{.status.phase} {.metadata.deletionGracePeriodSeconds} {.status.containerStatuses[0].state.terminated.exitCode}{"\n"}'"#

    static let transcript = WalkthroughHarness.run(folder: "files", script: """
        kubectl run web --image=nginx
        kubectl run hello --image=gcr.io/google-samples/hello-app:1.0
        kubectl run sleeper --image=busybox -- sleep 3600
        sleep 20
        kubectl delete pod web --wait=false
        kubectl get pod web -w
        kubectl delete pod hello --wait=false
        kubectl get pod hello -w -o jsonpath=\(jsonpath)
        kubectl delete pod sleeper --wait=false
        kubectl get pod sleeper -w -o jsonpath=\(jsonpath)
        kubectl run sleeper2 --image=busybox -- sleep 3600
        sleep 20
        kubectl delete pod sleeper2 --wait=false
        kubectl get pod sleeper2 -w
        """)

    func out(_ command: String) -> [String] { WalkthroughHarness.output(of: command, in: Self.transcript) }

    @Test func nginxStopsOnSIGTERMAndTheDeletedPodShowsCompleted() {
        #expect(out("kubectl get pod web -w") == [
            "NAME   READY   STATUS        RESTARTS   AGE",
            "web    1/1     Terminating   0          20s",
            "web    0/1     Completed     0          20s",
            "web    0/1     Completed     0          21s",
            "web    0/1     Completed     0          21s",
        ])
    }

    @Test func helloAppExitsTwoAndShowsError() {
        #expect(out("kubectl get pod hello -w -o jsonpath=\(Self.jsonpath)") == [
            "Running 30 ", "Failed 30 2", "Failed 0 2", "Failed 0 2",
        ])
    }

    @Test func aSleepCommandIgnoresSIGTERMAndIsKilledAfterThirtySeconds() {
        #expect(out("kubectl get pod sleeper -w -o jsonpath=\(Self.jsonpath)") == [
            "Running 30 ", "Failed 30 137", "Failed 0 137", "Failed 0 137",
        ])
        #expect(out("kubectl get pod sleeper2 -w") == [
            "NAME       READY   STATUS        RESTARTS   AGE",
            "sleeper2   1/1     Terminating   0          20s",
            "sleeper2   0/1     Error         0          50s",
            "sleeper2   0/1     Error         0          50s",
            "sleeper2   0/1     Error         0          50s",
        ])
    }
}
