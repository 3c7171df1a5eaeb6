import Testing

/// kubectl reads `--grace-period` and `--tail` as 64-bit integers, validates `--request-timeout`
/// as client-go's ParseTimeout does, and `kubectl cp` refuses a spec that is not
/// `[[namespace/]pod:]file/path` (all compared with /usr/bin/kubectl v1.32).
@Suite struct SixtyFourBitFlagAndTimeoutTests {
    @Test func gracePeriodAndTailTakeValuesPastThirtyTwoBits() {
        let h = CommandHarness()
        h.run("run web --image=nginx")
        let delete = h.run("delete pod web --grace-period=9999999999 --wait=false")
        #expect(delete == .init(out: "pod \"web\" deleted\n", err: "", code: 0))
        #expect(h.run("logs web --tail=9999999999").err.contains("--tail") == false)
    }

    @Test func valuesPastSixtyFourBitsAreStillRefusedAsPflagDoes() {
        let r = CommandHarness().run("delete pod x --grace-period=99999999999999999999")
        #expect(r.err == "Error: invalid argument \"99999999999999999999\" for \"--grace-period\" flag: strconv.ParseInt: parsing \"99999999999999999999\": value out of range\nSee 'kubectl delete --help' for usage.\n")
        #expect(r.code == 1)
    }

    @Test func anInvalidRequestTimeoutStopsTheCommand() {
        let h = CommandHarness()
        for bad in ["abc", "-1", "5x"] {
            #expect(h.run("get pods --request-timeout=\(bad)") == .init(out: "", err: "error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n", code: 1), "\(bad)")
        }
        for good in ["5", "0", "1m30s", "-1s"] {
            #expect(h.run("get pods --request-timeout=\(good)").code == 0, "\(good)")
        }
    }

    @Test func copyRefusesASpecOutsideTheCanonicalFormat() {
        let h = CommandHarness()
        for line in ["cp : :", "cp :/etc/hosts here", "cp a/b/c:/x here"] {
            #expect(h.run(line) == .init(out: "", err: "error: filespec must match the canonical format: [[namespace/]pod:]file/path\n", code: 1), "\(line)")
        }
    }
}
