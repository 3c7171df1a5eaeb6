import KubeAPI
import PodShell

/// `kubectl logs POD [-c C]`: what a container's main process has printed.
struct LogsCommand: KubectlCommand {
    static let name = "logs"
    static let help = HelpText.usage("""
        Print what a container's main process has written.

        Examples:
          kubectl logs mysql-0
          kubectl logs todo-db-0 -c db --tail 20
          kubectl logs -l app=todo-db
          kubectl logs sts/mysql

        Options:
          -c, --container=''     the container (default: the pod's first)
          --tail=-1              only the last N lines
          -l, --selector=''      the pods matching a label selector
          -p, --previous         the previous, terminated instance of the container
          -f, --follow           keep printing as the container writes
          --prefix               start each line with [pod/name/container]
          --timestamps           start each line with the time it was written
          --all-containers       every container of the pod

        Usage:
          kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]
        """)

    let flags = FlagSet([
        .init("container", "c"), .init("tail", nil, .int64, default: "-1"), .init("selector", "l"), .init("previous", "p", .bool),
        .init("follow", "f", .bool), .init("prefix", nil, .bool), .init("all-containers", nil, .bool),
        .init("timestamps", nil, .bool), .init("since", nil, .duration, default: "0s"), .init("since-time"), .init("limit-bytes", nil, .int, default: "0"),
        .init("max-log-requests", nil, .int, default: "5"), .init("ignore-errors", nil, .bool),
        .init("pod-running-timeout", nil, .duration, default: "20s"), .init("insecure-skip-tls-verify-backend", nil, .bool),
    ])

    /// The earliest time a printed line may have (`--since` rounded to whole seconds, or `--since-time`).
    static func sinceMillis(_ call: Invocation) throws -> Millis? {
        let since = Duration.parseGo(call.flags.string("since")) ?? 0
        let sinceTime = call.flags.string("since-time")
        if !sinceTime.isEmpty && since != 0 {
            throw KubectlFailure.error("at most one of `sinceTime` or `sinceSeconds` may be specified")
        }
        if !sinceTime.isEmpty {
            guard let t = Timestamp.parse(sinceTime) else {
                throw KubectlFailure.error("parsing time \"\(sinceTime)\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\(sinceTime)\" as \"2006\"")
            }
            return t
        }
        guard since != 0 else { return nil }
        // Go's Duration.Round(time.Second): halves away from zero.
        let seconds = (abs(since) + 500) / 1000 * (since < 0 ? -1 : 1)
        if seconds < 0 { throw KubectlFailure.error("--since must be greater than 0") }
        return call.cluster.now - seconds * 1000
    }

    func run(_ call: Invocation) throws -> Int32 {
        let since = try Self.sinceMillis(call)
        let containerFlag = call.flags.isSet("container") ? call.flags.string("container") : nil
        var targets: [PodTarget] = []
        if call.flags.isSet("selector") {
            let selector: LabelSelector
            do { selector = try LabelSelector.parse(call.flags.string("selector")) } catch {
                throw KubectlFailure.error("unable to parse requirement: \(error.message)")
            }
            let pods = call.store.list(PodTarget.pods, namespace: call.namespace).filter { selector.matches($0.labels) }
            if pods.isEmpty {
                call.err("No resources found in \(call.namespace) namespace.\n")
                return 0
            }
            for p in pods {
                targets.append(try PodTarget.resolve(p.name, containerName: containerFlag, call: call, announceDefault: false,
                                                     unknownContainer: .client))
            }
        } else {
            guard let reference = call.args.first else {
                throw KubectlFailure.usage("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", command: "logs")
            }
            let name = call.args.count > 1 && containerFlag == nil ? call.args[1] : containerFlag
            targets = [try PodTarget.resolve(reference, containerName: name, call: call, unknownContainer: .client, choice: .logs)]
        }
        let prefix = call.flags.bool("prefix") || targets.count > 1 && call.flags.bool("prefix")
        for t in targets {
            try call.authorize("get", PodTarget.pods, namespace: t.pod.namespace, name: t.pod.name, subresource: "log")
            try call.cluster.api.connectToKubelet(pod: t.pod, for: .containerLog(container: t.containerName))
            guard let runtime = call.kubectl.runtime else { continue }
            let instance = runtime.container(pod: t.pod, name: t.containerName)
            var lines: [ContainerLog.Line]
            if call.flags.bool("previous") {
                guard let previous = instance?.logs.previous else {
                    throw APIError(.badRequest, "previous terminated container \"\(t.containerName)\" in pod \"\(t.pod.name)\" not found")
                }
                lines = previous
            } else {
                guard let status = t.containerStatus, status["state"]["waiting"].isNull || (status["restartCount"].int ?? 0) > 0 else {
                    // The kubelet's validateContainerLogStatus words the two pull failures itself.
                    var reason = t.containerStatus?["state"]["waiting"]["reason"].string ?? "ContainerCreating"
                    if reason == "ErrImagePull" { reason = "image can't be pulled" }
                    if reason == "ImagePullBackOff" { reason = "trying and failing to pull image" }
                    throw APIError(.badRequest, "container \"\(t.containerName)\" in pod \"\(t.pod.name)\" is waiting to start: \(reason)")
                }
                lines = instance?.logs.lines ?? []
            }
            // The process's output is computed when it starts; a line shows once its time has come.
            let now = call.cluster.now
            lines = lines.filter { $0.at <= now && $0.at >= (since ?? $0.at) }
            // The kubelet stores each line with the time it was written; --timestamps shows it (RFC3339Nano).
            let stamped = call.flags.bool("timestamps")
            var texts = lines.map { line in
                let text = line.text.hasSuffix("\n") ? String(line.text.dropLast()) : line.text
                return stamped ? Timestamp.rfc3339Nano(line.at) + " " + text : text
            }
            let tail = call.flags.int("tail") ?? -1
            if tail >= 0 { texts = Array(texts.suffix(tail)) }
            let head = prefix ? "[pod/\(t.pod.name)/\(t.containerName)] " : ""
            call.out(texts.map { head + $0 + "\n" }.joined())
        }
        return 0
    }
}
