import KubeAPI

/// What the kubelet knows about one container of a pod it runs.
struct ContainerRuntime: Equatable {
    enum State: Equatable {
        case waiting(reason: String, message: String?)
        case running(startedAt: Millis)
        case terminated(exitCode: Int, reason: String, startedAt: Millis, finishedAt: Millis)
        /// The pod was stopped before this container ran (deleted while it waited): the kubelet's
        /// status manager reports it terminated as `ContainerStatusUnknown`, exit code 137.
        case unknownAtTermination
    }

    static let unknownReason = "ContainerStatusUnknown"
    static let unknownMessage = "The container could not be located when the pod was terminated"

    struct Termination: Equatable {
        var exitCode: Int
        var reason: String
        var startedAt: Millis
        var finishedAt: Millis
        var containerID: String
    }

    let name: String
    let image: String
    let isInit: Bool
    var state: State
    /// What `lastState` shows: the previous instance's end, once the container was restarted.
    var lastTermination: Termination?
    /// How the most recent instance ended; the next start turns it into `lastTermination`.
    var latestTermination: Termination?
    var restartCount = 0
    var containerID: String?
    /// Set once the image was resolved on the node (status then shows the normalised image and its ID).
    var resolvedImage: String?
    var imageID: String?
    var ready = false
    var started = false
    /// A start (pull, create, back-off) is under way; no second one may begin.
    var starting = false
    /// The next CrashLoopBackOff delay; 0 until the container has failed once.
    var backoff: Millis = 0
    var imagePullBackoff: Millis = 0
    /// How the running process answers SIGTERM (see `StopSignalResponse`), set as it starts.
    var stopResponse: StopSignalResponse = .exits(code: 0)

    var isRunning: Bool { if case .running = state { return true } else { return false } }
    var isTerminated: Bool {
        switch state {
        case .terminated, .unknownAtTermination: return true
        case .waiting, .running: return false
        }
    }
    var succeeded: Bool { if case .terminated(let code, _, _, _) = state { return code == 0 } else { return false } }
}

/// The kubelet's record of one pod: its sandbox, containers and the times its conditions changed.
final class PodRuntime {
    let key: String
    let namespace: String
    let name: String
    let uid: String
    let node: String
    /// The node's agent (agents are never replaced, only stopped).
    let agent: NodeAgent
    /// Bumped to cancel every timer scheduled for this pod (deletion, node stop).
    var epoch = 0
    var admitted = false
    var sandboxReady = false
    var hostNetwork = false
    var ip: String?
    var startTime: Millis?
    /// `startTime` as written, formatted once.
    var startTimeText: (at: Millis, value: JSONValue)?
    var phase = "Pending"
    var terminating = false
    var initContainers: [ContainerRuntime] = []
    var containers: [ContainerRuntime] = []
    /// The containers of the pod's previous sandbox, gone with a reboot: the new sandbox's
    /// containers continue their restart counts and show how they ended.
    var previousInstances: [ContainerRuntime] = []
    /// One condition the kubelet owns: when its status last changed, and its JSON as last written.
    struct OwnedCondition {
        var status: String
        var since: Millis
        var text: String
        /// The JSON last built, with the reason and message it carries (reused while they hold).
        var built: (reason: String?, message: String?, value: JSONValue)?
    }

    /// type → each condition the kubelet owns.
    var conditions = SmallStringMap<OwnedCondition>()
    /// Each container's status as last built and the record it was built from, reused while unchanged.
    var builtContainerStatuses = SmallStringMap<(from: ContainerRuntime, value: JSONValue)>()
    /// The conditions last built and what they were built from, reused while unchanged.
    var lastConditions: (inputs: PodStatusBuilder.ConditionInputs, conditions: [JSONValue])?

    init(namespace: String, name: String, uid: String, node: String, agent: NodeAgent) {
        self.agent = agent
        self.key = namespace + "/" + name
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.node = node
    }

    var initDone: Bool { initContainers.allSatisfy { $0.succeeded } }
    var isTerminal: Bool { phase == "Succeeded" || phase == "Failed" }
}
