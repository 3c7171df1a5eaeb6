import KubeAPI
import KubeSim
import PodShell

/// `kubectl run NAME --image=IMAGE`: creates a pod; with `-it` it attaches to it, and with
/// `--rm` deletes it when the session ends.
struct RunCommand: KubectlCommand {
    static let name = "run"
    static let help = HelpText.usage("""
        Start a pod running one image.

        Examples:
          kubectl run nginx --image=nginx
          kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm
          kubectl run -i --tty --image ubuntu dns-test --restart=Never --rm /bin/sh
          kubectl run hello --image=busybox --restart=Never -- echo hello

        Options:
          --image=''             the container image (required)
          -i, --stdin            keep stdin open and attach to the container
          -t, --tty              stdin is a terminal
          --rm                   delete the pod when the attached session ends
          --restart='Always'     Always, OnFailure or Never
          --command              use the arguments after -- as the command instead of args
          --env=[]               environment variables (NAME=value)
          -l, --labels=''        labels (default run=NAME)
          --port=''              the container port to expose
          --dry-run='none'       'client' or 'server' to only show what would happen
          -o, --output=''        print the pod as yaml, json or name

        Usage:
          kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]
        """)

    let flags = FlagSet([
        .init("image"), .init("stdin", "i", .bool), .init("tty", "t", .bool), .init("rm", nil, .bool),
        .init("restart", nil, .string, default: "Always"), .init("command", nil, .bool), .init("env", nil, .stringArray),
        .init("labels", "l"), .init("port"), .init("dry-run", nil, .string, default: "none"), .init("output", "o"),
        .init("image-pull-policy"), .init("annotations", nil, .stringArray), .init("attach", nil, .bool),
        .init("quiet", "q", .bool), .init("pod-running-timeout", nil, .duration, default: "1m0s"),
        .init("overrides"), .init("override-type", nil, .string, default: "merge"), .init("privileged", nil, .bool), .init("leave-stdin-open", nil, .bool),
        .init("expose", nil, .bool), .init("serviceaccount"), .init("field-manager", nil, .string, default: "kubectl-run"),
        .init("template"), .init("allow-missing-template-keys", nil, .bool, default: "true"), ChangeCause.flag,
    ])

    func run(_ call: Invocation) throws -> Int32 {
        guard let name = call.args.first else { throw KubectlFailure.error("NAME is required for run") }
        let image = call.flags.string("image")
        guard !image.isEmpty else { throw KubectlFailure.error("--image is required") }
        let restart = call.flags.string("restart")
        guard ["Always", "OnFailure", "Never"].contains(restart) else {
            throw KubectlFailure.error("invalid restart policy: \(restart)")
        }
        let interactive = call.flags.bool("stdin")
        let tty = call.flags.bool("tty")
        if call.flags.bool("rm") && !interactive && !call.flags.bool("attach") {
            throw KubectlFailure.error("--rm should only be used for attached containers")
        }
        let pullPolicy = call.flags.string("image-pull-policy")
        guard ["", "Always", "IfNotPresent", "Never"].contains(pullPolicy) else {
            throw KubectlFailure.usage("invalid image pull policy: \(pullPolicy)", command: "run")
        }
        if call.flags.bool("expose") && call.flags.string("port").isEmpty {
            throw KubectlFailure.usage("--port must be set when exposing a service", command: "run")
        }
        let extra = Array(call.args.dropFirst()) + (call.flags.afterDash ?? [])
        // Fields in the Go struct's order (`-o json` shows it; `-o yaml` sorts).
        var container: JSONValue = ["name": .string(name), "image": .string(image)]
        if !extra.isEmpty { container[call.flags.bool("command") ? "command" : "args"] = .array(extra.map { .string($0) }) }
        // The generator's order: environment, then labels, then the port.
        let env = try GeneratorParameters.env(call.flags.strings("env"))
        let labelsText = call.flags.string("labels")
        let labels = labelsText.isEmpty ? ["run": name] : try GeneratorParameters.labels(labelsText)
        let portText = call.flags.string("port")
        if !portText.isEmpty { container["ports"] = [["containerPort": .int(try GeneratorParameters.port(portText))]] }
        if !env.isEmpty { container["env"] = .array(env) }
        container["resources"] = .emptyObject
        if !pullPolicy.isEmpty { container["imagePullPolicy"] = .string(pullPolicy) }
        if interactive { container["stdin"] = true; container["stdinOnce"] = true }
        if tty { container["tty"] = true }
        // The pod as kubectl's generator fills it (`creationTimestamp: null`, `status: {}`), which is
        // what `--dry-run=client` prints; the server adds the rest.
        var metadata: JSONObject = ["name": .string(name)]
        if call.namespaceExplicit { metadata.updateValue(.string(call.namespace), forKey: "namespace") }
        metadata.updateValue(.null, forKey: "creationTimestamp")
        metadata.updateValue(.stringMap(labels), forKey: "labels")
        var pod: JSONValue = ["kind": "Pod", "apiVersion": "v1", "metadata": .object(metadata),
                              "spec": ["containers": [container], "restartPolicy": .string(restart), "dnsPolicy": "ClusterFirst"],
                              "status": .emptyObject]
        if call.flags.isSet("overrides") {
            pod = try Self.override(pod, with: call.flags.string("overrides"), type: call.flags.string("override-type"))
        }
        let cause = ChangeCause(command: Self.name, flags: call.flags)
        cause.record(&pod)
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        var created = pod
        if dryRun != .client {
            var sent = pod
            sent["metadata"]["namespace"] = .string(call.namespace)
            sent["status"] = .null
            created = try call.api.create(sent, as: PodTarget.pods, dryRun: dryRun == .server)
        }
        if call.flags.bool("expose") {
            // generateService: the service is printed as it is made, before the pod; it selects
            // the pod by the --labels text, or run=NAME. With -o yaml a `---` separates the two.
            let service = try ExposeCommand.generate(name: name, selector: labelsText.isEmpty ? "run=\(name)" : labelsText,
                                                     labels: labelsText, port: call.flags.string("port"), protocols: [:], call: call)
            _ = try GeneratedObject.finish(service, as: ExposeCommand.services, call: call, failurePrefix: nil, cause: cause)
            if output == .yaml { call.out("---\n") }
        }
        if output != .table {
            if dryRun == .client && output == .json { call.out(JSONText.prettyInFieldOrder(created)) }
            else { try ObjectOutput.print([(PodTarget.pods, created)], format: output, call: call, fieldOrder: dryRun == .client) }
            return 0
        }
        guard interactive || call.flags.bool("attach") else {
            call.out("pod/\(name) created\(dryRun.suffix)\n")
            return 0
        }
        return attach(name: name, interactive: interactive, tty: tty, call: call)
    }

    /// After a Never or OnFailure session, kubectl waits for the pod to finish and reports a failed
    /// main process by its pod; returns the error text, if any.
    private func waitForExit(_ ref: ObjectRef, succeededOnly: Bool, call: Invocation) -> String? {
        let timeout = WaitLimit.bounded(Duration.parseGo(call.flags.string("pod-running-timeout")) ?? 60_000)
        var waited: Millis = 0
        while true {
            guard let pod = call.store.get(ref) else { return "Error from server (NotFound): pods \"\(ref.name)\" not found\n" }
            let phase = pod["status"]["phase"].string ?? ""
            if phase == "Succeeded" { return nil }
            if phase == "Failed" && !succeededOnly {
                let terminated = pod["status"]["containerStatuses"][0]["state"]["terminated"]
                guard let code = terminated["exitCode"].int, code != 0 else {
                    return "error: pod \(ref.namespace)/\(ref.name) failed with unknown exit code\n"
                }
                let message = terminated["message"].string ?? ""
                return "pod \(ref.namespace)/\(ref.name) terminated (\(terminated["reason"].string ?? ""))\n" + message
                    + (message.isEmpty || message.hasSuffix("\n") ? "" : "\n")
            }
            if waited >= timeout { return "error: timed out waiting for the condition\n" }
            guard call.kubectl.wait(250) else { return nil }
            waited += 250
        }
    }

    /// Waits for the pod to run, then connects the terminal to its main process.
    func attach(name: String, interactive: Bool, tty: Bool, call: Invocation) -> Int32 {
        let ref = ObjectRef(PodTarget.pods, namespace: call.namespace, name: name)
        let timeout = WaitLimit.bounded(Duration.parseGo(call.flags.string("pod-running-timeout")) ?? 60_000)
        var waited: Millis = 0
        func phase() -> String { call.store.get(ref)?["status"]["phase"].string ?? "" }
        func running() -> Bool {
            guard let pod = call.store.get(ref) else { return false }
            return pod["status"]["containerStatuses"].items.contains { !$0["state"]["running"].isNull }
        }
        while !running() && !["Succeeded", "Failed"].contains(phase()) && waited < timeout {
            guard call.kubectl.wait(250) else { return 130 }
            waited += 250
        }
        let remove = call.flags.bool("rm")
        let quiet = call.flags.bool("quiet")
        // kubectl run deletes without waiting for the pod to go (its delete options say so), and
        // `-q` silences both the prompt hint and the deletion message.
        let deleteIfAsked = { (code: Int32) in
            guard remove else { return }
            _ = try? call.api.delete(ref)
            if !quiet { call.out("pod \"\(name)\" deleted\n") }
        }
        if ["Succeeded", "Failed"].contains(phase()), let pod = call.store.get(ref) {
            // handleAttachPod: a pod that finished before kubectl could attach shows its logs instead.
            if let instance = call.kubectl.runtime?.container(pod: pod, name: name) { call.out(instance.log) }
            let restart = pod["spec"]["restartPolicy"].string ?? "Always"
            guard restart != "Always" && !call.flags.bool("leave-stdin-open") else {
                deleteIfAsked(0)
                return 0
            }
            let failure = waitForExit(ref, succeededOnly: restart == "OnFailure", call: call)
            deleteIfAsked(0)
            if let failure { call.err(failure) }
            guard failure != nil else { return 0 }
            let code = pod["status"]["containerStatuses"][0]["state"]["terminated"]["exitCode"].int ?? 1
            return code == 0 ? 1 : Int32(truncatingIfNeeded: code)
        }
        guard running(), let pod = call.store.get(ref), let runtime = call.kubectl.runtime,
            let instance = runtime.container(pod: pod, name: name)
        else {
            call.err("error: timed out waiting for the condition\n")
            deleteIfAsked(1)
            return 1
        }
        if !quiet { call.err("If you don't see a command prompt, try pressing enter.\n") }
        let command = MainProcessSession.mainCommand(of: pod["spec"]["containers"][0], in: instance)
        let depth = call.io.terminal?.programs.count ?? 0
        let restart = pod["spec"]["restartPolicy"].string ?? "Always"
        let (status, finished) = MainProcessSession.start(
            command, in: instance, pod: pod, container: name, interactive: interactive, tty: tty, quiet: quiet, call: call
        ) { code in
            var failure: String?
            if restart != "Always" && !call.flags.bool("leave-stdin-open") {
                failure = waitForExit(ref, succeededOnly: restart == "OnFailure", call: call)
            }
            deleteIfAsked(code)
            if let failure { call.err(failure) }
        }
        let sessionOpen = (call.io.terminal?.programs.count ?? 0) > depth
        if !finished && !sessionOpen { deleteIfAsked(status) }
        return status
    }

    /// `--overrides` with `--override-type` (cmdutil.Merge, JSONPatch or StrategicMerge): the
    /// generated pod patched before it is printed or sent. A merge replaces lists whole, so
    /// overriding `spec.containers` drops the generated container's command, as kubectl's does.
    static func override(_ pod: JSONValue, with fragment: String, type: String) throws -> JSONValue {
        var patched = try Overrides.apply(pod, fragment: fragment, type: type, kind: "Pod")
        // The result is decoded into a Pod and encoded again: every container has its resources.
        for i in patched["spec"]["containers"].items.indices where patched["spec"]["containers"][i]["resources"].isNull {
            patched["spec"]["containers"][i]["resources"] = .emptyObject
        }
        return patched
    }
}
