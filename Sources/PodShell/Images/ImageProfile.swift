import KubeAPI
import KubeSim

/// What one container image is, for the simulation: its shell and tools, what its default
/// process does, and the files and services it brings.
public struct ImageProfile: Sendable {
    /// The base system, which decides the shell and the flavour of the standard tools.
    public enum Base: Sendable, Equatable {
        /// busybox applets and ash; `legacyNslookup` is busybox 1.28's format.
        case busybox(legacyNslookup: Bool)
        /// Alpine: busybox applets plus apk.
        case alpine
        /// Debian/Ubuntu/Oracle Linux: bash, coreutils, apt-get (dnsutils on demand).
        case debian
    }

    /// The main process, when the pod spec does not override it.
    public enum Process: Sendable, Equatable {
        /// A server that runs until stopped (nginx, mysqld, hello-app).
        case server
        /// The default command is a shell, which exits at once without a terminal on stdin.
        case shell
        /// Sleeps forever (kiamol/ch03-sleep).
        case sleeper
    }

    /// Services the image starts with its main process.
    public enum Service: Sendable, Equatable {
        case mysql, postgres, helloApp(version: String), visitCounter
        /// `entrypointLog`: the official image's start-up log (see NginxImage); nginx-slim has none.
        case nginx(entrypointLog: Bool)
        /// Deletes nodes that stay NotReady, through the API (`jm921106/liberator`).
        case nodeLiberator

        /// Whether the entrypoint does something when the container starts that must be dated then
        /// (log lines, a database's first initialisation). The others' files are made only when the
        /// container is first looked at: building 10,000 nginx filesystems at start cost seconds.
        var actsAtStart: Bool {
            switch self {
            case .mysql, .postgres, .helloApp: true
            case .nginx, .visitCounter, .nodeLiberator: false
            }
        }
    }

    public var base: Base
    public var process: Process
    public var service: Service?
    /// Extra programs the image ships (mysql client, psql, dotnet, perl, curl ...).
    public var programs: Set<String>
    /// The OS line for /etc/os-release's PRETTY_NAME.
    public var osName: String

    public init(base: Base, process: Process, service: Service? = nil, programs: Set<String> = [], osName: String) {
        self.base = base
        self.process = process
        self.service = service
        self.programs = programs
        self.osName = osName
    }

    /// Where the image's own programs are installed: the command exists while its file does, so
    /// `mv /usr/bin/mysql /usr/bin/mysql.off` takes the client away. Package names are skipped.
    public var programPaths: [String: String] {
        var paths: [String: String] = [:]
        for name in programs where !["dnsutils", "bash"].contains(name) {
            switch name {
            case "mysqld": paths[name] = "/usr/sbin/mysqld"
            case KubeProxyImage.program: paths[name] = KubeProxyImage.path
            default: paths[name] = "/usr/bin/" + name
            }
        }
        return paths
    }

    /// How the image's own entrypoint answers SIGTERM when its pod is deleted. Servers handle
    /// it (nginx's fast shutdown, mysqld and postgres shut down cleanly); hello-app is a Go
    /// program with no handler, whose runtime then exits 2; node, python, a shell and `sleep` as
    /// PID 1 ignore it and are killed when the grace period ends.
    public var stopResponse: StopSignalResponse {
        switch service {
        case .nginx, .mysql, .postgres: return .exits(code: 0)
        case .helloApp: return .exits(code: 2)
        case .visitCounter, .nodeLiberator: return .ignored
        case nil:
            switch process {
            case .server: return .exits(code: 0)
            case .shell, .sleeper: return .ignored
            }
        }
    }

    public var dialect: ShellDialect {
        switch base {
        case .busybox, .alpine: return .busyboxSh
        case .debian: return .bash
        }
    }
}
