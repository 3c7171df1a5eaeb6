import KubeAPI
import Testing
@testable import Kubectl

/// Flag values at and past Int64's limits. Go durations are int64 nanoseconds, so kubectl v1.32
/// refuses `--timeout=2562048h` (checked offline against /usr/bin/kubectl); kubelab once trapped on them.
@Suite struct NumericFlagLimitTests {
    static let refused: [(String, String)] = [
        ("delete pod x --timeout=9223372036854775807s", "Error: invalid argument \"9223372036854775807s\" for \"--timeout\" flag: time: invalid duration \"9223372036854775807s\"\nSee 'kubectl delete --help' for usage.\n"),
        ("delete pod x --timeout=2562048h", "Error: invalid argument \"2562048h\" for \"--timeout\" flag: time: invalid duration \"2562048h\"\nSee 'kubectl delete --help' for usage.\n"),
        ("scale sts web --replicas=1 --timeout=9223372036854775807h", "Error: invalid argument \"9223372036854775807h\" for \"--timeout\" flag: time: invalid duration \"9223372036854775807h\"\nSee 'kubectl scale --help' for usage.\n"),
        ("delete pod x --grace-period=9223372036854775808", "Error: invalid argument \"9223372036854775808\" for \"--grace-period\" flag: strconv.ParseInt: parsing \"9223372036854775808\": value out of range\nSee 'kubectl delete --help' for usage.\n"),
        ("logs x --tail=9223372036854775808", "Error: invalid argument \"9223372036854775808\" for \"--tail\" flag: strconv.ParseInt: parsing \"9223372036854775808\": value out of range\nSee 'kubectl logs --help' for usage.\n"),
        ("run p --image=nginx --pod-running-timeout=9999999999h", "Error: invalid argument \"9999999999h\" for \"--pod-running-timeout\" flag: time: invalid duration \"9999999999h\"\nSee 'kubectl run --help' for usage.\n"),
        ("attach p --pod-running-timeout=2562048h", "Error: invalid argument \"2562048h\" for \"--pod-running-timeout\" flag: time: invalid duration \"2562048h\"\nSee 'kubectl attach --help' for usage.\n"),
    ]

    @Test(arguments: 0..<refused.count)
    func durationAndIntegerOverflowIsAFlagError(_ index: Int) {
        let (line, expected) = Self.refused[index]
        #expect(CommandHarness().run(line) == .init(out: "", err: expected, code: 1), "\(line)")
    }

    @Test func largestGoDurationIsAccepted() {
        #expect(Duration.parseGo("2562047h") == 9_223_369_200_000)
        #expect(Duration.parseGo("2562047h47m16s") == 9_223_372_036_000)
        #expect(Duration.parseGo("2562047h47m17s") == nil)
    }

    /// A wait the cluster never satisfies (a finalizer nobody removes) stops at kubelab's wait
    /// limit, saying so, instead of stepping the clock through 292 years.
    @Test func deleteWaitStopsAtTheWaitLimit() {
        let h = CommandHarness(files: ["cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: held\n  finalizers: [example.com/keep]\n"])
        #expect(h.run("apply -f cm.yaml").code == 0)
        let start = h.cluster.now
        let r = h.run("delete configmap held --timeout=2562047h")
        #expect(r == .init(out: "configmap \"held\" deleted\n",
                           err: "kubelab: kubectl delete: stopped waiting at the wait limit (1 h of cluster time per command)\n", code: 0))
        #expect(h.cluster.now - start >= 3_600_000)
        #expect(h.cluster.now - start < 3_700_000)
    }
}
