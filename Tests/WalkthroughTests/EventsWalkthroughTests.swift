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

    /// runWatch: the events there are first (store order, unsorted), then each new one, each row
    /// flushed as it comes (so the columns widen as rows need); the header comes once.
    @Test func aWatchPrintsTheEventsThereThenTheNewOnes() {
        let transcript = WalkthroughHarness.run(folder: "files", script: """
            kubectl create deployment web --image=nginx
            sleep 5
            kubectl events -w
            """)
        #expect(WalkthroughHarness.output(of: "kubectl events -w", in: transcript) == [
            "LAST SEEN   TYPE     REASON      OBJECT                     MESSAGE",
            "5s          Normal   Scheduled   Pod/web-6dc5cd68db-b7cc9   Successfully assigned default/web-6dc5cd68db-b7cc9 to k8s-node1",
            "5s          Normal   Pulling     Pod/web-6dc5cd68db-b7cc9   Pulling image \"nginx\"",
            "5s          Normal   SuccessfulCreate   ReplicaSet/web-6dc5cd68db   Created pod: web-6dc5cd68db-b7cc9",
            "5s          Normal   ScalingReplicaSet   Deployment/web              Scaled up replica set web-6dc5cd68db to 1",
            "0s          Normal   Pulled              Pod/web-6dc5cd68db-b7cc9    Successfully pulled image \"nginx\" in 5.66s (5.66s including waiting). Image size: 117287807 bytes.",
            "0s          Normal   Created             Pod/web-6dc5cd68db-b7cc9    Created container: nginx",
            "0s          Normal   Started             Pod/web-6dc5cd68db-b7cc9    Started container nginx",
        ])
    }
}
