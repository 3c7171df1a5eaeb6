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

    /// The generator's parameter parsers (GeneratorParameters), in its order: environment, labels,
    /// then the port; each refusal in kubectl's words, before anything reaches the API server.
    @Test(arguments: [
        ("run z --image=nginx --env=FOO", "error: invalid env: FOO\n"),
        ("run z --image=nginx --env==x", "error: invalid env: =x\n"),
        ("run z --image=nginx --env=1X=2", "error: invalid env: 1X=2\n"),
        ("run z --image=nginx --labels=a", "error: unexpected label spec: a\n"),
        ("run z --image=nginx --labels=a=b,c", "error: unexpected label spec: c\n"),
        ("run z --image=nginx --labels==b", "error: unexpected empty label key\n"),
        ("run z --image=nginx --labels=a --env=FOO", "error: invalid env: FOO\n"),
        ("run z --image=nginx --port=abc --labels=a", "error: unexpected label spec: a\n"),
        ("run z --image=nginx --port=abc", "error: strconv.Atoi: parsing \"abc\": invalid syntax\n"),
        ("run z --image=nginx --port=8o", "error: strconv.Atoi: parsing \"8o\": invalid syntax\n"),
        ("run z --image=nginx --port=99999999999999999999", "error: strconv.Atoi: parsing \"99999999999999999999\": value out of range\n"),
        ("run z --image=nginx --port=99999",
         "The Pod \"z\" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 99999: must be between 1 and 65535, inclusive\n"),
    ])
    func badParametersAreRefused(_ line: String, _ err: String) {
        let h = CommandHarness()
        #expect(h.run(line) == .init(out: "", err: err, code: 1))
        #expect(h.names("pods") == [])
    }

    /// An empty --labels means the default `run=NAME`; `=` after the first stays in the value; a
    /// port past 32 bits wraps as Go's int32() does; `+80` is a number to strconv.Atoi.
    @Test func parametersAsTheGeneratorReadsThem() {
        let h = CommandHarness()
        let pod = h.run(args: ["run", "z", "--image=nginx", "--labels=", "--env=A=b=c", "--port=4294967376", "--dry-run=client",
                             "-o", "jsonpath={.metadata.labels} {.spec.containers[0].env} {.spec.containers[0].ports}"])
        #expect(pod == .init(out: #"{"run":"z"} [{"name":"A","value":"b=c"}] [{"containerPort":80}]"#, err: "", code: 0))
        #expect(h.run("run p --image=nginx --port=+80 --dry-run=client -o jsonpath={.spec.containers[0].ports[0].containerPort}").out == "80")
    }
}
