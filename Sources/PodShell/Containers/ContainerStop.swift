import KubeAPI
import KubeSim

/// How the processes kubelab runs answer the SIGTERM of a pod's deletion: an image's own
/// entrypoint as its profile says; an explicit command as the program it starts, which for a
/// shell, `sleep`, `tail` and the like running as PID 1 means ignoring it.
extension ContainerRuntime: StoppingContainerBehaviour {
    /// Programs that handle SIGTERM themselves when they are the container's command.
    static let stopsOnSIGTERM: Set<String> = ["nginx", "mysqld", "postgres", "docker-entrypoint.sh", "redis-server", "httpd"]

    public func stopResponse(of launch: ContainerLaunch) -> StopSignalResponse {
        let argv = launch.command + launch.args
        guard let program = argv.first else {
            // `kubectl run -i` keeps the image's shell reading a terminal: an interactive shell ignores SIGTERM.
            return launch.stdin ? .ignored : catalog.profile(for: launch.image).stopResponse
        }
        let name = program.split(separator: "/").last.map(String.init) ?? program
        return Self.stopsOnSIGTERM.contains(name) ? .exits(code: 0) : .ignored
    }
}
