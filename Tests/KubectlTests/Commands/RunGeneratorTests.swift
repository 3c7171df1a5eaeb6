import Testing
@testable import Kubectl

/// `kubectl run --dry-run=client` prints the pod as kubectl's generator builds it, before the API
/// server defaults anything (the output the CKA-style `kubectl run x --image=y --dry-run=client -o yaml`
/// is known for); without a dry run the server's defaults appear.
@Suite struct RunGeneratorTests {
    @Test func clientDryRunPrintsTheGeneratedPod() {
        let h = CommandHarness()
        #expect(h.run("run o2 --image=busybox --dry-run=client -o yaml -- sleep 5") == .init(out: """
            apiVersion: v1
            kind: Pod
            metadata:
              creationTimestamp: null
              labels:
                run: o2
              name: o2
            spec:
              containers:
              - args:
                - sleep
                - "5"
                image: busybox
                name: o2
                resources: {}
              dnsPolicy: ClusterFirst
              restartPolicy: Always
            status: {}

            """, err: "", code: 0))
        #expect(h.names("pods") == [])
        let json = h.run("run nginx --image=nginx --port=80 --dry-run=client -o json").out
        #expect(json.hasPrefix("{\n    \"kind\": \"Pod\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"nginx\",\n        \"creationTimestamp\": null,"))
        #expect(json.contains("\"image\": \"nginx\",\n                \"ports\": [\n                    {\n                        \"containerPort\": 80\n"))
    }

    @Test func serverDryRunAndRealRunsAreDefaulted() {
        let h = CommandHarness()
        let server = h.run("run w --image=nginx --dry-run=server -o jsonpath={.spec.schedulerName}/{.status.phase}")
        #expect(server == .init(out: "default-scheduler/Pending", err: "", code: 0))
        #expect(h.names("pods") == [])
        #expect(h.run("run w --image=nginx") == .init(out: "pod/w created\n", err: "", code: 0))
        #expect(h.run("get pod w -o jsonpath={.spec.dnsPolicy}/{.spec.containers[0].imagePullPolicy}").out == "ClusterFirst/Always")
    }

    /// `--overrides` patches the generated pod: a merge (the default) replaces lists whole, a
    /// strategic merge merges containers by name.
    @Test func overridesPatchTheGeneratedPod() {
        let h = CommandHarness()
        #expect(h.run(args: ["run", "o", "--image=busybox", "--overrides={\"spec\":{\"terminationGracePeriodSeconds\":5}}", "--", "sleep", "100"]).code == 0)
        #expect(h.run("get pod o -o jsonpath={.spec.containers[0].args}/{.spec.terminationGracePeriodSeconds}").out == "[\"sleep\",\"100\"]/5")
        let merged = h.run(args: ["run", "m", "--image=busybox", "--dry-run=client", "-o", "jsonpath={.spec.containers[0]}",
                                  "--overrides={\"spec\":{\"containers\":[{\"name\":\"m\",\"image\":\"busybox\",\"command\":[\"sleep\",\"5\"]}]}}", "--", "sleep", "9"])
        #expect(merged.out == "{\"command\":[\"sleep\",\"5\"],\"image\":\"busybox\",\"name\":\"m\",\"resources\":{}}")
        let strategic = h.run(args: ["run", "s", "--image=busybox", "--dry-run=client", "-o", "jsonpath={.spec.containers[0].args} {.spec.containers[0].command}",
                                     "--override-type=strategic", "--overrides={\"spec\":{\"containers\":[{\"name\":\"s\",\"command\":[\"sh\"]}]}}", "--", "sleep", "9"])
        #expect(strategic.out == "[\"sleep\",\"9\"] [\"sh\"]")
        #expect(h.run(args: ["run", "x", "--image=busybox", "--overrides={bad"]) == .init(out: "", err: "error: Invalid JSON Patch\n", code: 1))
        #expect(h.run(args: ["run", "x", "--image=busybox", "--override-type=x", "--overrides={}"]).err == "error: invalid override type: x\n")
    }
}
