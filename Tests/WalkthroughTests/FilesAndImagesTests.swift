import Testing

/// `kubectl create secret|configmap`, `kubectl cp`, and what a pod whose image cannot be pulled shows.
@Suite struct FilesAndImagesTests {
    static let transcript = WalkthroughHarness.runWalkthrough("files")

    func out(_ command: String) -> [String] { WalkthroughHarness.output(of: command, in: Self.transcript) }

    @Test func secretsAndConfigMapsFromLiteralsAndFiles() {
        #expect(out("kubectl create secret generic demo --from-literal=user=admin --from-literal=pass=s3cret") == ["secret/demo created"])
        #expect(out("kubectl create configmap conf --from-file=note.txt --from-literal=mode=dev") == ["configmap/conf created"])
        #expect(out("kubectl get secret demo -o jsonpath='{.data.pass}{\"\\n\"}'") == ["czNjcmV0"])
        #expect(out("kubectl get cm conf -o jsonpath='{.data.note\\.txt}'") == ["hello from host"])
        #expect(out("kubectl create secret generic demo --from-literal=a=b") == ["error: failed to create secret secrets \"demo\" already exists"])
    }

    @Test func copyBothWays() {
        let pod = "$(kubectl get pods -l app=sleep -o name | cut -d/ -f2)"
        #expect(out("kubectl cp note.txt \(pod):/tmp/note.txt").isEmpty)
        #expect(out("kubectl exec deploy/sleep -- cat /tmp/note.txt") == ["hello from host"])
        #expect(out("kubectl cp \(pod):/tmp/out.txt out.txt") == ["tar: Removing leading `/' from member names"])
        #expect(out("cat out.txt") == ["made in pod"])
        #expect(out("kubectl cp nothere.txt \(pod):/tmp/x") == ["error: nothere.txt doesn't exist in local filesystem"])
        #expect(out("kubectl cp a b") == ["error: one of src or dest must be a local file specification"])
    }

    @Test func containersThatAreNotRunningRefuseExecAndLogs() {
        #expect(out("kubectl exec deploy/sleep -- ls") == ["error: unable to upgrade connection: container not found (\"sleep\")"])
        // `nginx:` cannot name an image: the kubelet never pulls it.
        #expect(out("kubectl get pods").contains { $0.hasPrefix("web ") && $0.contains(" InvalidImageName ") && $0.contains(" 0/1 ") })
        #expect(out("kubectl exec web -- ls") == ["error: unable to upgrade connection: container not found (\"web\")"])
        #expect(out("kubectl logs web") == ["Error from server (BadRequest): container \"web\" in pod \"web\" is waiting to start: InvalidImageName"])
    }
}

/// The images the Job examples use compute real digits of pi.
@Suite struct PiImagesTests {
    static let transcript = WalkthroughHarness.run(folder: "files", script: """
        kubectl run pi --image=perl:5.34 --restart=Never -- sleep 3600
        kubectl run pi2 --image=kiamol/ch05-pi --restart=Never -- sleep 3600
        sleep 20
        kubectl exec pi -- perl -Mbignum=bpi -wle "print bpi(20)"
        kubectl exec pi2 -- dotnet Pi.Web.dll -m console -dp 50
        """)

    @Test func perlAndDotnetPrintPi() {
        #expect(WalkthroughHarness.output(of: "kubectl exec pi -- perl -Mbignum=bpi -wle \"print bpi(20)\"", in: Self.transcript) == ["3.1415926535897932384"])
        #expect(WalkthroughHarness.output(of: "kubectl exec pi2 -- dotnet Pi.Web.dll -m console -dp 50", in: Self.transcript)
            == ["3.14159265358979323846264338327950288419716939937510"])
    }
}

/// Commands in a pod spec really run: an init container's file reaches the main container through
/// the shared emptyDir, and what the process prints is its log.
@Suite struct ContainerCommandTests {
    static let transcript = WalkthroughHarness.run(folder: "files", script: """
        kubectl apply -f pi-random.yaml
        kubectl run once --image=busybox --restart=Never -- sh -c "echo hello from busybox; sleep 5; exit 3"
        sleep 30
        kubectl get pod pi-random once
        kubectl logs pi-random -c pi
        kubectl logs once
        """)

    @Test func initContainerOutputFeedsTheMainContainer() {
        let rows = WalkthroughHarness.output(of: "kubectl get pod pi-random once", in: Self.transcript)
        #expect(rows.contains { $0.hasPrefix("pi-random ") && $0.contains(" Completed ") })
        #expect(rows.contains { $0.hasPrefix("once ") && $0.contains(" Error ") })
        let digits = WalkthroughHarness.output(of: "kubectl logs pi-random -c pi", in: Self.transcript)
        #expect(digits.count == 1 && digits[0].hasPrefix("3.14159265358979"))
        #expect(WalkthroughHarness.output(of: "kubectl logs once", in: Self.transcript) == ["hello from busybox"])
    }
}
