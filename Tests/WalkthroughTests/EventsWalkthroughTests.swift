import Testing

/// `kubectl events`: events.go's list (oldest first, `--for`, `--types`, `-A`) in
/// event_printer.go's table, where OBJECT is `Kind/name` and repeated events count
/// `(xN over AGE)`; `-o` prints an EventList.
@Suite struct EventsWalkthroughTests {
    static let transcript = WalkthroughHarness.run(folder: "files", script: """
        kubectl create deployment web --image=nginx --replicas=2
        kubectl run crash --image=busybox -- sh -c 'exit 1'
        sleep 60
        kubectl events
        kubectl events --for deploy/web
        kubectl events --for pod/crash --types=Warning
        kubectl events -A --types=warning
        kubectl events --for pod/crash -o jsonpath='{.kind} {.items[0].kind} {.items[*].reason}{"\\n"}'
        """)

    func out(_ command: String) -> [String] { WalkthroughHarness.output(of: command, in: Self.transcript) }

    @Test func oldestFirstWithKindAndName() {
        let all = out("kubectl events")
        #expect(all.first == "LAST SEEN           TYPE      REASON              OBJECT                      MESSAGE")
        #expect(all.count == 23)
        let ages = all.dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(ages.count == 22 && ages == ages.sorted(by: >), "oldest first")
        #expect(all.contains("60s                 Normal    ScalingReplicaSet   Deployment/web              Scaled up replica set web-6dc5cd68db to 2"))
        #expect(all.contains("20s (x4 over 60s)   Normal    Pulling             Pod/crash                   Pulling image \"busybox\""))
    }

    @Test func filteredByObjectAndType() {
        #expect(out("kubectl events --for deploy/web") == [
            "LAST SEEN   TYPE     REASON              OBJECT           MESSAGE",
            "60s         Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set web-6dc5cd68db to 2",
        ])
        let warning = "19s (x3 over 51s)   Warning   BackOff   Pod/crash   Back-off restarting failed container crash in pod crash_default("
        let forCrash = out("kubectl events --for pod/crash --types=Warning")
        #expect(forCrash.count == 2 && forCrash[0] == "LAST SEEN           TYPE      REASON    OBJECT      MESSAGE" && forCrash[1].hasPrefix(warning))
        let everywhere = out("kubectl events -A --types=warning")
        #expect(everywhere.count == 2 && everywhere[0] == "NAMESPACE   LAST SEEN           TYPE      REASON    OBJECT      MESSAGE"
            && everywhere[1].hasPrefix("default     " + warning))
        #expect(out(#"kubectl events --for pod/crash -o jsonpath='{.kind} {.items[0].kind} {.items[*].reason}{"\n"}'"#)
            == ["EventList Event Scheduled Pulled Pulled Pulled Pulling Created Started BackOff Pulled"])
    }
}
