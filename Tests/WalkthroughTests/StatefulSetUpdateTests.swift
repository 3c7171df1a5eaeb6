import Testing

/// The StatefulSet Basics tutorial's update section through `kubelab run`: the partition and image
/// patches as the page types them, `rollout status`, `rollout history` and `rollout undo`, and bad input.
@Suite struct TutorialStatefulSetUpdateTests {
    static let transcript = WalkthroughHarness.runWalkthrough("tutorial-update")

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    static let images = #"kubectl get pods -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.spec.containers[0].image}{"\n"}{end}'"#
    static func partition(_ n: Int) -> String {
        #"kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":\#(n)}}}}'"#
    }

    @Test func thePatchesAsThePageTypesThem() {
        #expect(out(Self.partition(3)) == ["statefulset.apps/web patched"])
        #expect(out(#"kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.24"}]'"#)
            == ["statefulset.apps/web patched"])
        #expect(out(#"kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete", "rollingUpdate": null}}}'"#)
            == ["statefulset.apps/web patched"])
        #expect(out(#"kubectl get sts web -o jsonpath='{.spec.updateStrategy}{"\n"}'"#) == [#"{"type":"OnDelete"}"#], "the null removed rollingUpdate")
    }

    @Test func aPartitionAboveTheReplicasHoldsTheUpdate() {
        #expect(out("kubectl rollout status sts web", 2) == ["partitioned roll out complete: 0 new pods have been updated..."])
        #expect(out(Self.images) == ["web-0 registry.k8s.io/nginx-slim:0.21", "web-1 registry.k8s.io/nginx-slim:0.21",
                                     "web-2 registry.k8s.io/nginx-slim:0.21"])
    }

    @Test func loweringThePartitionRollsFromTheTopOrdinal() {
        let canary = out("kubectl rollout status sts web", 3)
        #expect(canary.first == "Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...")
        #expect(canary.last == "partitioned roll out complete: 1 new pods have been updated...")
        #expect(out(Self.images, 2) == ["web-0 registry.k8s.io/nginx-slim:0.21", "web-1 registry.k8s.io/nginx-slim:0.21",
                                        "web-2 registry.k8s.io/nginx-slim:0.24"])
        let phased = out("kubectl rollout status sts web", 4)
        #expect(phased.filter { $0.hasPrefix("Waiting for partitioned") } == [
            "Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...",
            "Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...",
        ])
        #expect(phased.last == "partitioned roll out complete: 3 new pods have been updated...")
        #expect(Set(phased.dropLast()).isSubset(of: [
            "Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...",
            "Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...",
            "Waiting for 1 pods to be ready...",
        ]))
        #expect(out(Self.images, 3) == ["web-0 registry.k8s.io/nginx-slim:0.24", "web-1 registry.k8s.io/nginx-slim:0.24",
                                        "web-2 registry.k8s.io/nginx-slim:0.24"])
    }

    @Test func historyAndUndo() {
        #expect(out("kubectl rollout history sts web") == ["statefulset.apps/web ", "REVISION  CHANGE-CAUSE", "1         <none>", "2         <none>"])
        let revision = out("kubectl rollout history sts web --revision=2")
        #expect(revision.prefix(6) == ["statefulset.apps/web with revision #2", "Pod Template:", "  Labels:\tapp=nginx", "  Containers:", "   nginx:",
                                       "    Image:\tregistry.k8s.io/nginx-slim:0.24"])
        #expect(out("kubectl rollout undo sts web --to-revision=9") == ["error: unable to find specified revision 9 in history"])
        #expect(out("kubectl rollout undo sts web") == ["statefulset.apps/web rolled back"])
        #expect(out("kubectl rollout status sts web", 5).last == "partitioned roll out complete: 3 new pods have been updated...")
        #expect(out(Self.images, 4) == ["web-0 registry.k8s.io/nginx-slim:0.21", "web-1 registry.k8s.io/nginx-slim:0.21",
                                        "web-2 registry.k8s.io/nginx-slim:0.21"])
        #expect(out("kubectl rollout history sts web", 2) == ["statefulset.apps/web ", "REVISION  CHANGE-CAUSE", "2         <none>", "3         <none>"])
    }

    @Test func badInputIsRefusedAndTheSessionGoesOn() {
        #expect(out("kubectl rollout status sts web", 6) == ["error: rollout status is only available for RollingUpdate strategy type"])
        #expect(out(#"kubectl patch statefulset web -p '{"spec":'"#) == ["Error from server (BadRequest): unexpected end of JSON input"])
        #expect(out(#"kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/nope/0/image", "value":"x"}]'"#)
            == ["The request is invalid: the server rejected our request due to an error in our request"])
        #expect(out("kubectl wait --for=condition=Ready pod/web-9 --timeout=5s") == ["Error from server (NotFound): pods \"web-9\" not found"])
        #expect(out("kubectl wait --for=condition=Ready pod -l app=nginx")
            == ["pod/web-0 condition met", "pod/web-1 condition met", "pod/web-2 condition met"])
        let pods = out("kubectl get pods")
        #expect(pods.count == 4 && pods.dropFirst().allSatisfy { $0.contains(" 1/1 ") && $0.contains(" Running ") })
    }
}

/// Seed 004's rolling update: `kubectl apply` of the 2.0 image replaces the pods from the highest ordinal down.
@Suite struct Seed004RollingUpdateTests {
    static let transcript = WalkthroughHarness.runWalkthrough("seed004-rolling-update")

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    @Test func applyConfiguresTheSet() {
        #expect(out("kubectl apply -f statefulset.yaml", 2) == ["statefulset.apps/sample-statefuleset configured"])
    }

    @Test func podsAreReplacedHighestOrdinalFirst() {
        let watch = out("kubectl get pod -w").dropFirst()
        var order: [String] = []
        for row in watch where row.contains(" Terminating ") {
            let name = String(row.prefix { $0 != " " })
            if !order.contains(name) { order.append(name) }
        }
        #expect(order == ["sample-statefuleset-2", "sample-statefuleset-1", "sample-statefuleset-0"])
        // Each pod is back Running before the next one goes.
        let firstTerminating1 = watch.firstIndex { $0.hasPrefix("sample-statefuleset-1 ") && $0.contains(" Terminating ") }
        let running2 = watch.firstIndex { $0.hasPrefix("sample-statefuleset-2 ") && $0.contains(" 1/1 ") && $0.contains(" Running ") }
        #expect(running2 != nil && firstTerminating1 != nil && running2! < firstTerminating1!)
    }

    @Test func theRolloutCompletesAtTheNewRevision() {
        let status = out("kubectl rollout status sts sample-statefuleset")
        #expect(status.count == 1)
        #expect(status.first?.hasPrefix("statefulset rolling update complete 3 pods at revision sample-statefuleset-") == true)
        #expect(out(#"kubectl get pod -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.spec.containers[0].image}{"\n"}{end}'"#) == [
            "sample-statefuleset-0 gcr.io/google-samples/hello-app:2.0",
            "sample-statefuleset-1 gcr.io/google-samples/hello-app:2.0",
            "sample-statefuleset-2 gcr.io/google-samples/hello-app:2.0",
        ])
        #expect(out("kubectl rollout history statefulset sample-statefuleset")
            == ["statefulset.apps/sample-statefuleset ", "REVISION  CHANGE-CAUSE", "1         <none>", "2         <none>"])
    }
}
