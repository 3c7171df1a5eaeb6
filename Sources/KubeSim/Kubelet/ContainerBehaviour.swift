import KubeAPI

/// What a container's main process does once started, as far as the kubelet can see.
public enum ContainerOutcome: Equatable, Sendable {
    /// Keeps running until the kubelet stops it (servers, `sleep infinity`).
    case runsUntilStopped
    /// Exits on its own with `code` after `afterMillis` of running.
    case exits(code: Int, afterMillis: Millis)
    /// The runtime could not start the process (its executable is not in the image): containerd's
    /// error, which the kubelet reports as a `Failed` event and a `StartError` termination (exit 128).
    case failsToStart(message: String)
}

/// One container start, described for a `ContainerBehaviour`.
public struct ContainerLaunch: Sendable {
    public var namespace: String
    public var podName: String
    public var containerName: String
    public var image: String
    public var command: [String]
    public var args: [String]
    public var isInit: Bool
    /// How many times this container has already been restarted in this pod.
    public var restartCount: Int
    /// `stdin: true` in the spec (`kubectl run -i`): a shell keeps reading instead of exiting.
    public var stdin: Bool = false
}

/// A pullable image, as the registry and containerd would report it.
public struct ImageInfo: Equatable, Sendable {
    /// Compressed size in bytes, shown in the Pulled event.
    public var sizeBytes: Int
    /// `sha256:<64 hex>`, used in `imageID`.
    public var digest: String

    public init(sizeBytes: Int, digest: String) {
        self.sizeBytes = sizeBytes
        self.digest = digest
    }
}

/// The hook an image catalog fills in: what an image is and what its process does. The kubelet
/// asks it each time it starts a container.
public protocol ContainerBehaviour: AnyObject {
    /// What the started process does.
    func outcome(of launch: ContainerLaunch) -> ContainerOutcome
    /// The image the registry serves for `reference` (as written in the pod spec); nil when the
    /// registry has no such image, which makes the pull fail (ErrImagePull, then ImagePullBackOff).
    /// The kubelet caches the answer per reference until its `behaviour` is replaced.
    func image(_ reference: String) -> ImageInfo?
    /// Why the registry has no image for `reference` (asked only when `image` gave nil).
    func pullFailure(_ reference: String) -> ImagePullFailure
}

/// How a pull of a missing image fails, as containerd reports the registry's answer.
public enum ImagePullFailure: Sendable {
    /// No such repository (or a private one): `pull access denied, repository does not exist or
    /// may require authorization`.
    case accessDenied
    /// The repository exists but not the tag: `docker.io/library/nginx:lates: not found`.
    case notFound
}

extension ContainerBehaviour {
    public func pullFailure(_ reference: String) -> ImagePullFailure { .accessDenied }
}

/// Every image exists; main containers run until stopped and init containers finish after a second.
public final class DefaultContainerBehaviour: ContainerBehaviour {
    public init() {}

    public func outcome(of launch: ContainerLaunch) -> ContainerOutcome {
        launch.isInit ? .exits(code: 0, afterMillis: 1_000) : .runsUntilStopped
    }

    public func image(_ reference: String) -> ImageInfo? { ImageReference.defaultInfo(for: reference) }
}

/// Image names as containerd normalises them (`nginx` → `docker.io/library/nginx:latest`).
public enum ImageReference {
    public static func normalized(_ reference: String) -> String {
        var name = reference
        var digest = ""
        if let at = name.firstIndex(of: "@") {
            digest = String(name[at...])
            name = String(name[..<at])
        }
        let firstSlash = name.firstIndex(of: "/")
        let hasRegistry: Bool
        if let slash = firstSlash {
            let host = name[..<slash]
            hasRegistry = host.contains(".") || host.contains(":") || host == "localhost"
        } else {
            hasRegistry = false
        }
        if !hasRegistry {
            name = firstSlash == nil ? "docker.io/library/" + name : "docker.io/" + name
        }
        let lastComponent = name.split(separator: "/").last ?? ""
        if digest.isEmpty && !lastComponent.contains(":") { name += ":latest" }
        return name + digest
    }

    /// The repository part, without tag or digest (`docker.io/library/nginx`).
    public static func repository(_ reference: String) -> String {
        var name = normalized(reference)
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        if let slash = name.lastIndex(of: "/"), let colon = name.lastIndex(of: ":"), colon > slash {
            name = String(name[..<colon])
        }
        return name
    }

    /// The tag written (or implied), `latest` when none.
    public static func tag(_ reference: String) -> String? {
        var name = reference
        if name.contains("@") { return nil }
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        guard let colon = name.lastIndex(of: ":") else { return "latest" }
        return String(name[name.index(after: colon)...])
    }

    /// The pull policy the API server defaults: Always for `:latest` or no tag, else IfNotPresent.
    public static func defaultPullPolicy(_ reference: String) -> String {
        let t = tag(reference)
        return t == "latest" ? "Always" : "IfNotPresent"
    }

    /// A stable made-up size and digest derived from the name, so every node sees the same image.
    public static func defaultInfo(for reference: String) -> ImageInfo {
        let repo = normalized(reference)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in repo.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        var words: [UInt64] = []
        var x = h
        for _ in 0..<4 {
            x = x &+ 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            words.append(z ^ (z >> 31))
        }
        let digest = "sha256:" + words.map(HexText.padded16).joined()
        let size = 8_000_000 + Int(h % 120_000_000)
        return ImageInfo(sizeBytes: size, digest: digest)
    }

}
