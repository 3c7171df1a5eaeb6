import KubeAPI
import KubeSim

/// The official nginx image (docker.io/library/nginx, 1.27 on Debian bookworm) as its container
/// log shows it: docker-entrypoint.sh's configuration scripts, then nginx's `notice` lines (the
/// image's nginx.conf logs at that level to stderr), one worker per CPU of the node.
/// registry.k8s.io/nginx-slim has no entrypoint scripts and logs only errors, so it starts silently.
enum NginxImage {
    static let version = "nginx/1.27.3"

    /// The log written when the container starts.
    /// - Parameters:
    ///   - startedAt: the container's start, which dates nginx's own lines (`2025/06/02 09:00:05`).
    ///   - cpus: the node's CPU count (`worker_processes auto`).
    ///   - kernel: the node's kernel, which nginx names as its OS.
    static func entrypointLog(startedAt: Millis, cpus: Int, kernel: String) -> String {
        let stamp = CivilTime(millis: startedAt).goLogStamp
        var log = """
            /docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
            /docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
            /docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
            10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
            10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
            /docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh
            /docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
            /docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
            /docker-entrypoint.sh: Configuration complete; ready for start up

            """
        // The master is PID 1; the entrypoint's scripts used the PIDs before the first worker's.
        let notices = ["using the \"epoll\" event method", version, "built by gcc 12.2.0 (Debian 12.2.0-14) ",
                       "OS: Linux \(kernel)", "getrlimit(RLIMIT_NOFILE): 1048576:1048576", "start worker processes"]
            + (0..<max(1, min(cpus, 256))).map { "start worker process \(29 + $0)" }
        for notice in notices { log += "\(stamp) [notice] 1#1: \(notice)\n" }
        return log
    }

    /// The log for a container of `pod` starting now, or dated from its recorded start when the
    /// container is first looked at later (nginx containers are built lazily).
    static func entrypointLog(pod: JSONValue, container: String, store: ObjectStore, now: Millis) -> (text: String, at: Millis) {
        let status = pod["status"]["containerStatuses"].items.first { $0["name"].string == container }
        let startedAt = status?["state"]["running"]["startedAt"].string.flatMap(Timestamp.parse) ?? now
        let node = ContainerFiles.node(of: pod, store: store)
        let cpus = node?["status"]["capacity"]["cpu"].string.flatMap { Int($0) } ?? 2
        let kernel = node?["status"]["nodeInfo"]["kernelVersion"].string ?? "5.15.0-139-generic"
        return (entrypointLog(startedAt: startedAt, cpus: cpus, kernel: kernel), startedAt)
    }

    /// The image's `main` log format, one line per request on stdout:
    /// `10.244.1.3 - - [02/Jun/2025:09:00:10 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"`.
    static func accessLine(_ request: HTTPRequest, _ response: HTTPResponse, at: Millis) -> String {
        let t = CivilTime(millis: at)
        let local = "\(CivilTime.pad(t.day))/\(CivilTime.months[t.month - 1])/\(t.year):"
            + "\(CivilTime.pad(t.hour)):\(CivilTime.pad(t.minute)):\(CivilTime.pad(t.second)) +0000"
        func header(_ name: String) -> String {
            request.headers.last { $0.name.lowercased() == name.lowercased() }?.value ?? "-"
        }
        return "\(request.clientIP) - - [\(local)] \"\(request.method) \(request.path) HTTP/1.1\" \(response.status) "
            + "\(response.body.utf8.count) \"\(header("Referer"))\" \"\(header("User-Agent"))\" \"\(header("X-Forwarded-For"))\"\n"
    }
}
