import KubeAPI

/// How a running container's main process answers the SIGTERM the runtime sends when its pod is
/// deleted. containerd's StopContainer sends the image's stop signal, waits the grace period the
/// kubelet passes, then sends SIGKILL.
public enum StopSignalResponse: Equatable, Sendable {
    /// The process handles the signal and exits with `code` soon after (nginx's fast shutdown,
    /// mysqld, postgres; a Go program without a handler exits 2).
    case exits(code: Int)
    /// The signal does nothing: a process running as PID 1 without a handler for it (a shell,
    /// `sleep`, node, python) is not killed by it, so it runs on until the SIGKILL at the end of
    /// the grace period and ends with exit code 137.
    case ignored

    /// 128 + SIGKILL, what the runtime reports for a process it had to kill.
    public static let killedExitCode = 137
}

/// A behaviour that knows how its processes stop. Behaviours without it stop at once with exit
/// code 0, as every process did before the kubelet told them apart.
public protocol StoppingContainerBehaviour: ContainerBehaviour {
    /// How the process `launch` started answers SIGTERM.
    func stopResponse(of launch: ContainerLaunch) -> StopSignalResponse
}

extension Kubelet {
    /// The answer to a stop the container `launch` will give, asked once as it starts.
    func stopResponse(of launch: ContainerLaunch) -> StopSignalResponse {
        (behaviour as? StoppingContainerBehaviour)?.stopResponse(of: launch) ?? .exits(code: 0)
    }

    /// The phase a deleted pod's last status carries once its containers are stopped (upstream's
    /// `getPhase` with `podIsTerminal`, since 1.27): Succeeded when every container exited 0,
    /// else Failed. The pod will not be restarted, whatever its restart policy says.
    static func terminalPhase(of containers: [ContainerRuntime]) -> String {
        containers.allSatisfy(\.succeeded) && !containers.isEmpty ? "Succeeded" : "Failed"
    }
}
