import Testing

/// `kubectl run -it`: the session is the container's main process, so leaving it ends the container
/// the way the restart policy says, and kubectl says what real kubectl says.
@Suite struct AttachedSessionTests {
    static let transcript = WalkthroughHarness.run(folder: "files", script: """
        kubectl run -i --tty --image busybox done --restart=Never -- sh
        exit
        kubectl run -it --image busybox again -- sh
        exit 3
        sleep 5
        kubectl run -it --image busybox broken --restart=Never -- sh
        exit 4
        echo $?
        kubectl run -it --rm --image busybox gone --restart=Never -- sh
        exit 5
        kubectl get pods
        """)

    /// The lines printed after the session's last line, up to the next host prompt.
    static func after(_ line: String) -> [String] {
        ContainerWalkthroughTests.lines(after: line, in: transcript)
    }

    @Test func neverRestartedSessionsCompleteOrFail() {
        let pods = WalkthroughHarness.output(of: "kubectl get pods", in: Self.transcript)
        #expect(pods.first { $0.hasPrefix("done ") }?.contains("0/1     Completed   0 ") == true)
        #expect(pods.first { $0.hasPrefix("broken ") }?.contains("0/1     Error       0 ") == true)
        #expect(!pods.contains { $0.hasPrefix("gone ") })
        #expect(Self.after("/ # exit 4") == ["pod default/broken terminated (Error)"])
        #expect(WalkthroughHarness.output(of: "echo $?", in: Self.transcript) == ["4"])
        // With --rm the pod is deleted before kubectl reports the failure.
        #expect(Self.after("/ # exit 5") == ["pod \"gone\" deleted", "pod default/gone terminated (Error)"])
    }

    @Test func alwaysRestartedSessionsRestartTheContainer() {
        #expect(Self.after("/ # exit 3")
            == ["Session ended, resume using 'kubectl attach again -c again -i -t' command when the pod is running"])
        let again = WalkthroughHarness.output(of: "kubectl get pods", in: Self.transcript).first { $0.hasPrefix("again ") }
        #expect(again?.contains("1/1     Running     1 (") == true)
    }

    static let removed = WalkthroughHarness.run(folder: "files", script: """
        kubectl run -it --rm --image busybox gone -- sh
        exit
        kubectl get pods
        kubectl run -it --rm -q --image busybox hushed --restart=Never -- sh
        exit
        """)

    /// `--rm` deletes without waiting (kubectl's run sets WaitForDeletion off); `-q` drops both notices.
    @Test func removalDoesNotWaitAndQuietSaysNothing() {
        let pods = WalkthroughHarness.output(of: "kubectl get pods", in: Self.removed)
        #expect(pods.contains { $0.hasPrefix("gone ") && $0.contains("Terminating") })
        #expect(ContainerWalkthroughTests.lines(after: "/ # exit", in: Self.removed)
            == ["Session ended, resume using 'kubectl attach gone -c gone -i -t' command when the pod is running", "pod \"gone\" deleted"])
        let quiet = Self.removed.components(separatedBy: "$ kubectl run -it --rm -q").last ?? ""
        #expect(!quiet.contains("If you don't see") && !quiet.contains("deleted"))
    }

    static let reattached = WalkthroughHarness.run(folder: "files", script: """
        kubectl run -it --image busybox bb -- sh
        exit
        sleep 3
        kubectl attach bb -c bb -i -t
        echo back again
        exit
        kubectl attach
        kubectl attach nope
        kubectl run web --image nginx
        kubectl attach web -it
        """)

    /// The hint kubectl prints works: `kubectl attach -it` reaches the restarted shell.
    @Test func attachReachesTheRestartedShell() {
        #expect(WalkthroughHarness.output(of: "kubectl attach bb -c bb -i -t", in: Self.reattached)
            == ["If you don't see a command prompt, try pressing enter.", "/ # echo back again", "back again", "/ # exit",
                "Session ended, resume using 'kubectl attach bb -c bb -i -t' command when the pod is running"])
        #expect(WalkthroughHarness.output(of: "kubectl attach", in: Self.reattached) == ["error: at least 1 argument is required for attach"])
        #expect(WalkthroughHarness.output(of: "kubectl attach nope", in: Self.reattached) == ["Error from server (NotFound): pods \"nope\" not found"])
        // A container without a TTY or a shell: kubectl says so and stays attached to its output.
        #expect(WalkthroughHarness.output(of: "kubectl attach web -it", in: Self.reattached)
            == ["error: Unable to use a TTY - container web did not allocate one", "If you don't see a command prompt, try pressing enter."])
    }

    /// `kubectl exec -it x -- bash && echo ok`: the shell waits for the session before `&&` decides.
    static let execThenAnd = WalkthroughHarness.run(folder: "files", script: """
        kubectl run web --image nginx
        sleep 10
        kubectl exec -it web -- bash && echo ok || echo failed
        hostname
        exit 3
        kubectl exec -it web -- bash && echo ok
        exit
        """)

    @Test func commandsAfterAnInteractiveExecWaitForItsExitStatus() {
        #expect(WalkthroughHarness.output(of: "kubectl exec -it web -- bash && echo ok || echo failed", in: Self.execThenAnd)
            == ["root@web:/# hostname", "web", "root@web:/# exit 3", "exit", "command terminated with exit code 3", "failed"])
        #expect(WalkthroughHarness.output(of: "kubectl exec -it web -- bash && echo ok", in: Self.execThenAnd)
            == ["root@web:/# exit", "exit", "ok"])
    }

    /// A main process that ends before kubectl attaches: its output (the logs), then the pod's fate.
    static let quickExits = WalkthroughHarness.run(folder: "files", script: """
        kubectl run -it --rm x --image=busybox --restart=Never -- false
        echo $?
        kubectl run -i --rm z --image=busybox --restart=Never -- sh -c 'echo hi; exit 3'
        echo $?
        kubectl get pods
        """)

    @Test func aMainProcessThatEndsAtOnceReportsItsPodNotATimeout() {
        let x = WalkthroughHarness.output(of: "kubectl run -it --rm x --image=busybox --restart=Never -- false", in: Self.quickExits)
        #expect(x.suffix(2) == ["pod \"x\" deleted", "pod default/x terminated (Error)"])
        #expect(!x.contains("error: timed out waiting for the condition"))
        let z = WalkthroughHarness.output(of: "kubectl run -i --rm z --image=busybox --restart=Never -- sh -c 'echo hi; exit 3'", in: Self.quickExits)
        #expect(z.suffix(3) == ["hi", "pod \"z\" deleted", "pod default/z terminated (Error)"])
        #expect(WalkthroughHarness.output(of: "echo $?", in: Self.quickExits, occurrence: 1) == ["1"])
        #expect(WalkthroughHarness.output(of: "echo $?", in: Self.quickExits, occurrence: 2) == ["3"])
        #expect(WalkthroughHarness.output(of: "kubectl get pods", in: Self.quickExits) == ["No resources found in default namespace."])
    }
}
