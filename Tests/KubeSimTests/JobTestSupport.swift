import KubeAPI
@testable import KubeSim

/// Containers whose command says what they do, for Job tests: `run MS CODE` exits with CODE
/// after MS milliseconds, anything else runs until stopped; init containers finish in a second.
final class ScriptedContainers: ContainerBehaviour {
    func outcome(of launch: ContainerLaunch) -> ContainerOutcome {
        let argv = launch.command + launch.args
        if argv.count == 3, argv[0] == "run", let ms = Millis(argv[1]), let code = Int(argv[2]) {
            return .exits(code: code, afterMillis: ms)
        }
        return launch.isInit ? .exits(code: 0, afterMillis: 1_000) : .runsUntilStopped
    }

    func image(_ reference: String) -> ImageInfo? { ImageReference.defaultInfo(for: reference) }
}

enum JobSim {
    /// A sandbox whose containers follow `ScriptedContainers`.
    static func cluster(seed: UInt64 = 7) -> Cluster {
        let cluster = Sandbox.make(seed: seed, workerNodes: 2)
        cluster.controller(Kubelet.self)?.behaviour = ScriptedContainers()
        return cluster
    }

    /// A Job manifest: `spec` lines are indented as spec fields; the container runs `command`.
    static func job(_ name: String, spec: String = "", command: String = "[run, '2000', '0']", restart: String = "Never") -> String {
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: \(name)}
        spec:
        \(spec.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
          template:
            spec:
              containers: [{name: c, image: busybox, command: \(command)}]
              restartPolicy: \(restart)
        """
    }

    static func cronJob(_ name: String, schedule: String, spec: String = "", command: String = "[run, '2000', '0']") -> String {
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: \(name)}
        spec:
          schedule: "\(schedule)"
        \(spec.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: c, image: busybox, command: \(command)}]
                  restartPolicy: Never
        """
    }

    static func get(_ cluster: Cluster, _ kind: String, _ name: String) -> JSONValue? {
        cluster.store.get(Sim.type(kind), namespace: "default", name: name)
    }

    /// The pods of job `name`, by name.
    static func pods(_ cluster: Cluster, of name: String) -> [JSONValue] {
        cluster.store.list(Sim.type("Pod"), namespace: "default").filter { $0.labels["job-name"] == name }.sorted { $0.name < $1.name }
    }

    static func jobs(_ cluster: Cluster) -> [String] {
        cluster.store.list(Sim.type("Job"), namespace: "default").map(\.name).sorted()
    }

    /// `type/status/reason` of each condition, in order.
    static func conditions(_ object: JSONValue?) -> [String] {
        (object?["status"]["conditions"].items ?? []).map {
            "\($0["type"].string ?? "")/\($0["status"].string ?? "")/\($0["reason"].string ?? "")"
        }
    }

    static func finished(_ cluster: Cluster, _ name: String) -> Bool {
        get(cluster, "Job", name).map(JobCondition.isFinished) ?? false
    }

    static func update(_ cluster: Cluster, _ kind: String, _ name: String, _ change: (inout JSONValue) -> Void) throws {
        var object = try require(get(cluster, kind, name))
        change(&object)
        try cluster.api.update(object, as: Sim.type(kind))
    }

    static func at(_ text: String) -> Millis { Timestamp.parse(text)! }
}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw APIError(.notFound, "missing") }
    return value
}
