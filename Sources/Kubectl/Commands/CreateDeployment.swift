import KubeAPI

/// `kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P] [-- COMMAND...]`, built as
/// kubectl's generator builds it (`create_deployment.go`): label `app: NAME`, one container per image
/// named after the image, the port on the first container only, and with `--dry-run=client` the
/// object exactly as kubectl would send it (no defaults, no namespace unless `-n` was given).
enum CreateDeployment {
    static let flags: [FlagSet.Spec] = [
        .init("image", nil, .stringArray), .init("replicas", "r", .int, default: "1"), .init("port", nil, .int, default: "-1"),
    ]

    static let deployments = ResourceRegistry.forKind("Deployment")!

    static func run(_ call: Invocation) throws -> Int32 {
        try GeneratedObject.requireFlags("image", call: call)
        let name = try GeneratedObject.name(call, words: 1, command: "deployment")
        let images = call.flags.strings("image")
        let command = call.flags.afterDash ?? []
        if images.count > 1 && !command.isEmpty {
            throw KubectlFailure.error("cannot specify multiple --image options and command")
        }
        let object = manifest(name: name, images: images, command: command, replicas: call.flags.int("replicas") ?? 1,
                              port: call.flags.int("port") ?? -1, namespace: call.namespaceExplicit ? call.namespace : nil,
                              random: { call.cluster.rng.next() })
        return try GeneratedObject.finish(object, as: deployments, call: call, failurePrefix: "failed to create deployment: ")
    }

    /// The Deployment as the generator fills the Go struct, fields in the struct's order (what `-o json` shows;
    /// `-o yaml` sorts them), with the zero values kubectl's encoder writes (`creationTimestamp: null`, `{}`).
    static func manifest(name: String, images: [String], command: [String], replicas: Int, port: Int, namespace: String?,
                         random: () -> UInt64) -> JSONValue {
        var metadata: JSONObject = ["name": .string(name)]
        if let namespace { metadata.updateValue(.string(namespace), forKey: "namespace") }
        metadata.updateValue(.null, forKey: "creationTimestamp")
        metadata.updateValue(["app": .string(name)], forKey: "labels")
        var containers: [JSONValue] = []
        for image in images {
            var container: JSONValue = ["name": .string(containerName(for: image, random: random)), "image": .string(image)]
            if !command.isEmpty { container["command"] = .array(command.map { .string($0) }) }
            if port >= 0 && containers.isEmpty { container["ports"] = [["containerPort": .int(port)]] }
            container["resources"] = .emptyObject
            containers.append(container)
        }
        let template: JSONValue = [
            "metadata": ["creationTimestamp": .null, "labels": ["app": .string(name)]],
            "spec": ["containers": .array(containers)],
        ]
        return [
            "kind": "Deployment", "apiVersion": "apps/v1", "metadata": .object(metadata),
            "spec": ["replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]], "template": template,
                     "strategy": .emptyObject],
            "status": .emptyObject,
        ]
    }

    /// The image's last path part without tag or digest; `_` and `.` become `-` plus five random
    /// characters (kubectl's `sanitizeAndUniquify`), so `my_app.v2` gives `my-app-v2-x7k2b`.
    static func containerName(for image: String, random: () -> UInt64) -> String {
        var name = String(image.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        if let colon = name.firstIndex(of: ":") { name = String(name[..<colon]) }
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        guard name.contains("_") || name.contains(".") else { return name }
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        let suffix = String((0..<5).map { _ in alphabet[Int(random() % UInt64(alphabet.count))] })
        return String(name.map { $0 == "_" || $0 == "." ? "-" : $0 }) + "-" + suffix
    }
}
