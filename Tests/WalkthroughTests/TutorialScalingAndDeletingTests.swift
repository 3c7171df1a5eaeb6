import Testing

/// The StatefulSet Basics tutorial's storage, scaling, deleting and pod management sections, run
/// as the page types them (fixture `tutorial-scaling`): nginx forbids the empty volume until
/// index.html is written, scale-up goes in order, a patch scales down from the highest ordinal,
/// claims stay, `--cascade=orphan` leaves the pods, a new set adopts every orphan and deletes the
/// one past its replicas, and Parallel creates and scales pods at once.
@Suite struct TutorialScalingAndDeletingTests {
    static let transcript = WalkthroughHarness.runWalkthrough("tutorial-scaling")

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    func names(_ lines: [String]) -> [String] { lines.dropFirst().map { $0.split(separator: " ").prefix(3).joined(separator: " ") } }

    static let curl = "for i in 0 1; do kubectl exec -i -t \"web-$i\" -- curl http://localhost/; done"

    @Test func nginxForbidsTheEmptyVolumeThenServesTheHostname() {
        // nginx ends its lines with CRLF, as curl prints them.
        let forbidden = "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n"
        #expect(Self.transcript.contains("$ \(Self.curl)\n" + forbidden + forbidden + "$ for i in 0 1"))
        #expect(out(Self.curl, 2) == ["web-0", "web-1"])
    }

    @Test func scalingGoesInOrderAndKeepsTheClaims() {
        let up = names(out("kubectl get pods --watch -l app=nginx"))
        #expect(up.filter { $0.hasSuffix("Running") }.map { $0.prefix(5) } == ["web-0", "web-1", "web-2", "web-3", "web-4"])
        let down = names(out("kubectl get pods --watch -l app=nginx", 2))
        // Since 1.27 the kubelet gives a deleted pod a terminal phase before it goes: nginx exits 0
        // on SIGTERM, so the status write, the kubelet's grace-0 delete and the removal show Completed.
        #expect(down.filter { $0.contains("Terminating") || $0.contains("Completed") } == [
            "web-4 1/1 Terminating", "web-4 0/1 Completed", "web-4 0/1 Completed", "web-4 0/1 Completed",
            "web-3 1/1 Terminating", "web-3 0/1 Completed", "web-3 0/1 Completed", "web-3 0/1 Completed",
        ])
        #expect(out("kubectl get pvc -l app=nginx").dropFirst().map { String($0.prefix(9)) }
            == ["www-web-0", "www-web-1", "www-web-2", "www-web-3", "www-web-4"])
    }

    @Test func aNewSetAdoptsEveryOrphanAndDeletesTheOnePastItsReplicas() {
        #expect(out("kubectl delete statefulset web --cascade=orphan") == ["statefulset.apps \"web\" deleted"])
        #expect(names(out("kubectl get pods -l app=nginx")) == ["web-0 1/1 Running", "web-1 1/1 Running", "web-2 1/1 Running"])
        let adopted = names(out("kubectl get pods --watch -l app=nginx", 3))
        #expect(adopted.first == "web-0 0/1 Pending")
        #expect(adopted.last == "web-2 0/1 Completed")
        #expect(adopted.firstIndex(of: "web-0 1/1 Running")! < adopted.firstIndex(of: "web-2 1/1 Terminating")!)
        let deleted = names(out("kubectl get pods --watch -l app=nginx", 4))
        #expect(Set(deleted.map { String($0.prefix(5)) }) == ["web-0", "web-1"], "the adopted web-1 goes with the set")
    }

    @Test func parallelCreatesAndScalesAtOnce() {
        let created = names(out("kubectl get pod --watch -l app=nginx"))
        #expect(Array(created.prefix(2)) == ["web-0 0/1 Pending", "web-1 0/1 Pending"])
        let scaled = names(out("kubectl get pod --watch -l app=nginx", 2))
        #expect(Array(scaled[2...3]) == ["web-2 0/1 Pending", "web-3 0/1 Pending"])
        #expect(scaled.filter { $0.hasSuffix("Running") }.count == 4)
        #expect(out("kubectl delete pvc www-web-0 www-web-1 www-web-2 www-web-3 www-web-4").count == 5)
    }
}
