/// `kubectl version`: the client, kustomize and server versions kubelab imitates.
struct VersionCommand: KubectlCommand {
    static let name = "version"
    static let help = HelpText.usage("""
        Print the kubectl and cluster versions.

        Options:
          --client=false   print only the client version
          -o, --output=''  'yaml' or 'json'

        Usage:
          kubectl version [flags] [options]
        """)

    static let clientVersion = "v1.32.4"
    static let serverVersion = "v1.32.4"
    static let kustomizeVersion = "v5.5.0"

    let flags = FlagSet([.init("client", nil, .bool), .init("output", "o"), .init("short", nil, .bool)])

    func run(_ call: Invocation) throws -> Int32 {
        let client = call.flags.bool("client")
        switch call.flags.string("output") {
        case "":
            var text = "Client Version: \(Self.clientVersion)\nKustomize Version: \(Self.kustomizeVersion)\n"
            if !client { text += "Server Version: \(Self.serverVersion)\n" }
            call.out(text)
        case "yaml":
            var text = "clientVersion:\n" + Self.info(Self.clientVersion, indent: "  ") + "kustomizeVersion: \(Self.kustomizeVersion)\n"
            if !client { text += "serverVersion:\n" + Self.info(Self.serverVersion, indent: "  ") }
            call.out(text)
        case "json":
            var text = "{\n  \"clientVersion\": {\n" + Self.jsonInfo(Self.clientVersion) + "  },\n  \"kustomizeVersion\": \"\(Self.kustomizeVersion)\""
            if !client { text += ",\n  \"serverVersion\": {\n" + Self.jsonInfo(Self.serverVersion) + "  }" }
            call.out(text + "\n}\n")
        case let other:
            _ = other
            throw KubectlFailure.error("--output must be 'yaml' or 'json'")
        }
        return 0
    }

    static func fields(_ v: String) -> [(String, String)] {
        [("major", "1"), ("minor", "32"), ("gitVersion", v), ("gitCommit", "6c0d6e6b1f8a4a7d52e2bc9c13c4a1b1d9b5c0c1"),
         ("gitTreeState", "clean"), ("buildDate", "2025-04-22T16:03:40Z"), ("goVersion", "go1.23.6"),
         ("compiler", "gc"), ("platform", "linux/amd64")]
    }

    static func info(_ v: String, indent: String) -> String {
        fields(v).map { k, val in
            let quoted = ["major", "minor", "buildDate"].contains(k) ? "\"\(val)\"" : val
            return "\(indent)\(k): \(quoted)\n"
        }.sorted().joined()
    }

    static func jsonInfo(_ v: String) -> String {
        fields(v).map { "    \"\($0.0)\": \"\($0.1)\"" }.joined(separator: ",\n") + "\n"
    }
}
