import KubeAPI
import KubeSim

/// The images kubelab knows and what their own entrypoints do: images of other accounts run as a
/// generic long-running container with a busybox shell; official images Docker Hub lacks fail to
/// pull (see DockerHubLibrary). Explicit pod commands are run by `ContainerRuntime` instead.
public final class ImageCatalog {
    public init() {}

    /// Known repositories (as containerd normalises them) and their profiles.
    static let known: [String: ImageProfile] = {
        var m: [String: ImageProfile] = [:]
        let debianTools: Set<String> = ["getent"]
        m["docker.io/library/busybox"] = ImageProfile(base: .busybox(legacyNslookup: false), process: .shell, osName: "BusyBox")
        m["docker.io/library/alpine"] = ImageProfile(base: .alpine, process: .shell, osName: "Alpine Linux v3.20")
        m["docker.io/library/ubuntu"] = ImageProfile(base: .debian, process: .shell, programs: debianTools, osName: "Ubuntu 24.04.1 LTS")
        m["docker.io/library/debian"] = ImageProfile(base: .debian, process: .shell, programs: debianTools, osName: "Debian GNU/Linux 12 (bookworm)")
        m["docker.io/library/nginx"] = ImageProfile(base: .debian, process: .server, service: .nginx(entrypointLog: true), programs: debianTools.union(["nginx", "curl"]), osName: "Debian GNU/Linux 12 (bookworm)")
        m["registry.k8s.io/nginx-slim"] = ImageProfile(base: .debian, process: .server, service: .nginx(entrypointLog: false), programs: debianTools.union(["nginx", "curl"]), osName: "Debian GNU/Linux 12 (bookworm)")
        m["docker.io/library/mysql"] = ImageProfile(base: .debian, process: .server, service: .mysql, programs: ["mysql", "mysqladmin", "mysqld", "getent"], osName: "Oracle Linux Server 7.9")
        m["docker.io/library/postgres"] = ImageProfile(base: .alpine, process: .server, service: .postgres, programs: ["psql", "pg_dump", "postgres"], osName: "Alpine Linux v3.10")
        m["gcr.io/google-samples/hello-app"] = ImageProfile(base: .alpine, process: .server, service: .helloApp(version: "1.0.0"), osName: "Alpine Linux v3.12")
        m["docker.io/dbgurum/mynode"] = ImageProfile(base: .debian, process: .server, service: .visitCounter, programs: ["node", "getent"], osName: "Debian GNU/Linux 10 (buster)")
        m["docker.io/kiamol/ch03-sleep"] = ImageProfile(base: .alpine, process: .sleeper, programs: ["curl"], osName: "Alpine Linux v3.12")
        m["docker.io/kiamol/ch05-pi"] = ImageProfile(base: .debian, process: .server, programs: ["dotnet"], osName: "Debian GNU/Linux 10 (buster)")
        // The images StatefulSet tutorials run for DNS checks: bind's nslookup, dig and host included.
        m["docker.io/tutum/dnsutils"] = ImageProfile(base: .debian, process: .shell, programs: debianTools.union(["dnsutils"]), osName: "Ubuntu 14.04 LTS")
        m["registry.k8s.io/e2e-test-images/jessie-dnsutils"] = ImageProfile(base: .debian, process: .shell, programs: debianTools.union(["dnsutils"]), osName: "Debian GNU/Linux 8 (jessie)")
        m["docker.io/nicolaka/netshoot"] = ImageProfile(base: .alpine, process: .shell, programs: ["dnsutils", "curl", "bash"], osName: "Alpine Linux v3.20")
        // Seed 003's takeover automation: a Python program on Ubuntu 16.04 (see NodeLiberator).
        m["docker.io/jm921106/liberator"] = ImageProfile(base: .debian, process: .server, service: .nodeLiberator,
                                                         programs: debianTools, osName: "Ubuntu 16.04.7 LTS")
        // The replicated-MySQL tutorial's clone and backup sidecar (see XtraBackupImage).
        m["gcr.io/google-samples/xtrabackup"] = ImageProfile(base: .debian, process: .shell,
                                                             programs: debianTools.union(["mysql", "xtrabackup"]),
                                                             osName: "Debian GNU/Linux 8 (jessie)")
        m["registry.k8s.io/kube-proxy"] = KubeProxyImage.profile
        m["docker.io/library/perl"] = ImageProfile(base: .debian, process: .shell, programs: ["perl", "getent"], osName: "Debian GNU/Linux 12 (bookworm)")
        return m
    }()

    /// Profiles by reference as written: normalising the name showed in profiles of a CronJob
    /// starting a pod every minute. Bounded, as references are user text.
    private var profiles: [String: ImageProfile] = [:]

    /// The profile for a reference; unknown images get the generic one.
    public func profile(for reference: String) -> ImageProfile {
        if let known = profiles[reference] { return known }
        let profile = Self.resolveProfile(reference)
        if profiles.count >= 1024 { profiles.removeAll() }
        profiles[reference] = profile
        return profile
    }

    private static func resolveProfile(_ reference: String) -> ImageProfile {
        let repo = ImageReference.repository(reference)
        if var p = known[repo] {
            if repo == "docker.io/library/busybox" {
                // Tutorials pin busybox:1.28 for its nslookup; later versions print bind's format.
                p.base = .busybox(legacyNslookup: ImageReference.tag(reference)?.hasPrefix("1.28") == true)
            }
            if case .helloApp = p.service, let tag = ImageReference.tag(reference) {
                p.service = .helloApp(version: tag == "2.0" ? "2.0.0" : "1.0.0")
            }
            return p
        }
        return ImageProfile(base: .busybox(legacyNslookup: false), process: .server, osName: "BusyBox")
    }

    // MARK: Registry and entrypoints

    /// What the registry serves for `reference`; nil makes the pull fail. (A reference that
    /// cannot name an image never gets here: the kubelet refuses it first, see ImageReferenceGrammar.)
    public func image(_ reference: String) -> ImageInfo? {
        DockerHubLibrary.missing(reference) == nil ? ImageReference.defaultInfo(for: reference) : nil
    }

    /// A missing tag of an official image is `not found`; anything else missing is access denied.
    public func pullFailure(_ reference: String) -> ImagePullFailure {
        DockerHubLibrary.missing(reference) ?? .accessDenied
    }

    /// What the image's own entrypoint does when the pod spec gives no command: servers and
    /// sleepers keep running; a default shell exits at once unless stdin stays open (`run -i`).
    public func entrypointOutcome(image: String, stdin: Bool) -> ContainerOutcome {
        switch profile(for: image).process {
        case .server, .sleeper: return .runsUntilStopped
        case .shell: return stdin ? .runsUntilStopped : .exits(code: 0, afterMillis: 200)
        }
    }
}
