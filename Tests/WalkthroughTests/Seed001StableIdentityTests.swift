import Testing

/// Seed 001's claims: pods have stable names and their own claims; scaling follows ordinals.
@Suite struct Seed001StableIdentityTests {
    static let transcript = WalkthroughHarness.runWalkthrough("seed001")

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    static func names(_ rows: [String]) -> [String] { rows.dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) } }

    @Test func eachPodHasItsOwnClaim() {
        #expect(Self.names(out("kubectl get pods -l app=nginx")) == ["web-0", "web-1"])
        let claims = out("kubectl get pvc -l app=nginx")
        #expect(Self.names(claims) == ["www-web-0", "www-web-1"])
        #expect(claims.dropFirst().allSatisfy { $0.contains(" Bound ") && $0.contains("1Gi") && $0.contains("RWO") })
    }

    @Test func aDeletedPodComesBackUnderTheSameName() {
        #expect(out("kubectl delete pod web-1") == ["pod \"web-1\" deleted"])
        let rows = out("kubectl get pods -l app=nginx", 2)
        #expect(Self.names(rows) == ["web-0", "web-1"])
        #expect(rows.dropFirst().allSatisfy { $0.contains(" Running ") })
    }

    @Test func scaleUpCreatesOnePodAtATimeInOrdinalOrder() {
        let watch = out("kubectl get pods -w -l app=nginx")
        let firstSeen = { (name: String) in watch.firstIndex { $0.hasPrefix(name + " ") } ?? Int.max }
        let running = { (name: String) in watch.firstIndex { $0.hasPrefix(name + " ") && $0.contains("Running") && $0.contains("1/1") } ?? Int.max }
        #expect(firstSeen("web-2") < Int.max && firstSeen("web-3") < Int.max)
        #expect(running("web-2") < firstSeen("web-3"), "web-3 must wait until web-2 is Running and Ready")
    }

    @Test func scaleDownRemovesTheHighestOrdinalFirst() {
        let watch = out("kubectl get pods -w -l app=nginx", 2)
        let terminating = { (name: String) in watch.firstIndex { $0.hasPrefix(name + " ") && $0.contains("Terminating") } ?? Int.max }
        #expect(terminating("web-3") < Int.max)
        #expect(terminating("web-3") < terminating("web-2"))
        #expect(terminating("web-1") == Int.max && terminating("web-0") == Int.max)
    }

    @Test func claimsOutliveScaleDown() {
        let claims = out("kubectl get pvc -l app=nginx", 2)
        #expect(Self.names(claims) == ["www-web-0", "www-web-1", "www-web-2", "www-web-3"])
    }
}
