import KubeAPI

/// `kubectl create configmap` and `kubectl create secret generic|tls|docker-registry`: objects built
/// from `--from-literal`, `--from-file` and `--from-env-file` (or a key pair, or registry credentials),
/// as `create_configmap.go` and `create_secret*.go` build them.
enum CreateSubcommands {
    static let configMapFlags: [FlagSet.Spec] = [
        .init("from-literal", nil, .stringArray), .init("from-file", nil, .stringArray), .init("from-env-file", nil, .stringArray),
        .init("append-hash", nil, .bool),
    ]

    /// Each `create secret` generator's flags; only `generic` has `--type`.
    static let secretFlags: [String: [FlagSet.Spec]] = [
        "generic": configMapFlags + [.init("type")],
        "tls": [.init("append-hash", nil, .bool), .init("cert"), .init("key")],
        "docker-registry": [
            .init("append-hash", nil, .bool), .init("docker-server", nil, .string, default: "https://index.docker.io/v1/"),
            .init("docker-username"), .init("docker-password"), .init("docker-email"), .init("from-file", nil, .stringArray),
        ],
    ]

    static let secrets = ResourceRegistry.forKind("Secret")!
    static let configMaps = ResourceRegistry.forKind("ConfigMap")!

    static func run(_ call: Invocation) throws -> Int32 {
        if call.args.first == "secret" {
            switch call.args.dropFirst().first {
            case "generic": return try generic(call, secret: true)
            case "tls": return try tls(call)
            case "docker-registry": return try dockerRegistry(call)
            case nil: throw KubectlFailure.usage("Required resource not specified.", command: "create secret")
            case let sub?: throw KubectlFailure.usage("Unexpected args: [\(sub)]", command: "create secret")
            }
        }
        return try generic(call, secret: false)
    }

    /// `Secret` or `ConfigMap` from data sources; keys sorted as the Go map encodes them.
    private static func generic(_ call: Invocation, secret: Bool) throws -> Int32 {
        let name = try GeneratedObject.name(call, words: secret ? 2 : 1, command: secret ? "secret generic" : "configmap")
        let literals = call.flags.values["from-literal"] ?? []
        let files = call.flags.values["from-file"] ?? []
        let envFiles = call.flags.values["from-env-file"] ?? []
        if !envFiles.isEmpty && (!files.isEmpty || !literals.isEmpty) {
            throw KubectlFailure.error("from-env-file cannot be combined with from-file or from-literal")
        }
        let kind = secret ? "Secret" : "ConfigMap"
        var data: [String: [UInt8]] = [:]
        func add(_ key: String, _ value: [UInt8]) throws {
            let keyErrors = configKeyErrors(key)
            if !keyErrors.isEmpty {
                throw KubectlFailure.error(secret
                    ? "\(GoQuote.quote(key)) is not valid key name for a Secret \(keyErrors.joined(separator: ";"))"
                    : "\(GoQuote.quote(key)) is not a valid key name for a ConfigMap: \(keyErrors.joined(separator: ","))")
            }
            if data[key] != nil {
                throw KubectlFailure.error(secret
                    ? "cannot add key \(key), another key by that name already exists"
                    : "cannot add key \(GoQuote.quote(key)), another key by that name already exists in Data for ConfigMap \(GoQuote.quote(name))")
            }
            data[key] = value
        }
        for literal in literals {
            guard let eq = literal.firstIndex(of: "="), eq != literal.startIndex else {
                throw KubectlFailure.error("invalid literal source \(literal), expected key=value")
            }
            try add(String(literal[..<eq]), Array(literal[literal.index(after: eq)...].utf8))
        }
        for source in files {
            var key: String?
            var path = source
            if let eq = source.firstIndex(of: "=") { key = String(source[..<eq]); path = String(source[source.index(after: eq)...]) }
            switch call.kubectl.files.read(path) {
            case .file(let bytes):
                try add(key ?? String(path.split(separator: "/").last ?? Substring(path)), bytes)
            case .directory(let names):
                if key != nil { throw KubectlFailure.error("cannot give a key name for a directory path") }
                for n in names {
                    if case .file(let bytes) = call.kubectl.files.read(path + "/" + n) { try add(n, bytes) }
                }
            case .denied(let why):
                throw KubectlFailure.error("error reading \(path): \(why)")
            case .missing:
                throw KubectlFailure.error("error reading \(path): no such file or directory")
            }
        }
        for path in envFiles {
            guard case .file(let bytes) = call.kubectl.files.read(path) else {
                throw KubectlFailure.error("error reading \(path): no such file or directory")
            }
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                let l = line.trimmingCharacters(in: " \t\r")
                guard !l.isEmpty, !l.hasPrefix("#") else { continue }
                let parts = l.split(separator: "=", maxSplits: 1).map(String.init)
                try add(parts[0], Array((parts.count > 1 ? parts[1] : "").utf8))
            }
        }
        var object: JSONValue = ["kind": .string(kind), "apiVersion": "v1", "metadata": GeneratedObject.metadata(name, call: call)]
        // A ConfigMap keeps text in `data` and anything that is not UTF-8 in `binaryData` (base64).
        var text = JSONObject(), binary = JSONObject()
        for k in data.keys.sorted() {
            let v = data[k] ?? []
            if secret { text.updateValue(.string(Base64.encode(v)), forKey: k) }
            else if let s = String(validatingUTF8Bytes: v) { text.updateValue(.string(s), forKey: k) }
            else { binary.updateValue(.string(Base64.encode(v)), forKey: k) }
        }
        if !text.isEmpty { object["data"] = .object(text) }
        if !binary.isEmpty { object["binaryData"] = .object(binary) }
        if secret, call.flags.isSet("type") { object["type"] = .string(call.flags.string("type")) }
        if call.flags.bool("append-hash") {
            object["metadata"]["name"] = .string(name + "-" + contentHash(object, text: text, binary: binary, secret: secret))
        }
        return try GeneratedObject.finish(object, as: secret ? secrets : configMaps, call: call,
                                          failurePrefix: secret ? "failed to create secret " : "failed to create configmap: ")
    }

    /// `secret tls NAME --cert=FILE --key=FILE`: kubectl loads the pair with Go's `tls.X509KeyPair`;
    /// kubelab checks that both hold PEM blocks of the right kind, not the cryptography.
    private static func tls(_ call: Invocation) throws -> Int32 {
        let name = try GeneratedObject.name(call, words: 2, command: "secret tls")
        let certPath = call.flags.string("cert"), keyPath = call.flags.string("key")
        if certPath.isEmpty || keyPath.isEmpty { throw KubectlFailure.error("key and cert must be specified") }
        func read(_ path: String) throws -> [UInt8] {
            guard case .file(let bytes) = call.kubectl.files.read(path) else {
                throw KubectlFailure.error("Cannot read file \(path), open \(path): no such file or directory")
            }
            return bytes
        }
        let cert = try read(certPath), key = try read(keyPath)
        let certText = String(decoding: cert, as: UTF8.self), keyText = String(decoding: key, as: UTF8.self)
        guard certText.contains("-----BEGIN CERTIFICATE-----") else {
            throw KubectlFailure.error(certText.contains("-----BEGIN ") ? "tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched"
                                       : "tls: failed to find any PEM data in certificate input")
        }
        guard keyText.contains("PRIVATE KEY-----") else {
            throw KubectlFailure.error(keyText.contains("-----BEGIN ") ? "tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM blocks of the following types: [CERTIFICATE]"
                                       : "tls: failed to find any PEM data in key input")
        }
        let object: JSONValue = [
            "kind": "Secret", "apiVersion": "v1", "metadata": GeneratedObject.metadata(name, call: call),
            "data": ["tls.crt": .string(Base64.encode(cert)), "tls.key": .string(Base64.encode(key))],
            "type": "kubernetes.io/tls",
        ]
        return try GeneratedObject.finish(object, as: secrets, call: call, failurePrefix: "failed to create secret ")
    }

    /// `secret docker-registry NAME --docker-username --docker-password [--docker-server] [--docker-email]`:
    /// a `.dockerconfigjson` with one `auths` entry.
    private static func dockerRegistry(_ call: Invocation) throws -> Int32 {
        let name = try GeneratedObject.name(call, words: 2, command: "secret docker-registry")
        let user = call.flags.string("docker-username"), password = call.flags.string("docker-password")
        let server = call.flags.string("docker-server"), email = call.flags.string("docker-email")
        if call.flags.values["from-file"] == nil && (user.isEmpty || password.isEmpty || server.isEmpty) {
            throw KubectlFailure.error("either --from-file or the combination of --docker-username, --docker-password and --docker-server is required")
        }
        var entry: JSONObject = ["username": .string(user)]
        entry.updateValue(.string(password), forKey: "password")
        if !email.isEmpty { entry.updateValue(.string(email), forKey: "email") }
        entry.updateValue(.string(Base64.encode(Array("\(user):\(password)".utf8))), forKey: "auth")
        let config = JSONText.compactInFieldOrder(["auths": .object([server: .object(entry)])])
        let object: JSONValue = [
            "kind": "Secret", "apiVersion": "v1", "metadata": GeneratedObject.metadata(name, call: call),
            "data": [".dockerconfigjson": .string(Base64.encode(Array(config.utf8)))],
            "type": "kubernetes.io/dockerconfigjson",
        ]
        return try GeneratedObject.finish(object, as: secrets, call: call, failurePrefix: "failed to create secret ")
    }

    /// kubectl's `hash.ConfigMapHash` / `hash.SecretHash`: SHA-256 of the sorted JSON of kind, name,
    /// type and data, its first 10 hex digits with 0 1 3 a e spelled g h k m t.
    static func contentHash(_ object: JSONValue, text: JSONObject, binary: JSONObject, secret: Bool) -> String {
        var m: JSONValue = ["kind": .string(secret ? "Secret" : "ConfigMap"), "name": object["metadata"]["name"], "data": .object(text)]
        if secret { m["type"] = object["type"].isNull ? "" : object["type"] }
        if !binary.isEmpty { m["binaryData"] = .object(binary) }
        let digits = SHA256.hex(Array(JSONText.compact(m).utf8)).prefix(10)
        let spelled: [Character: Character] = ["0": "g", "1": "h", "3": "k", "a": "m", "e": "t"]
        return String(digits.map { spelled[$0] ?? $0 })
    }

    /// `validation.IsConfigMapKey`.
    static func configKeyErrors(_ key: String) -> [String] {
        var errors: [String] = []
        if key.utf8.count > 253 { errors.append("must be no more than 253 characters") }
        let ok = !key.isEmpty && key.utf8.allSatisfy { c in
            (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 45 || c == 95 || c == 46
        }
        if !ok {
            errors.append("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')")
        }
        if key == "." { errors.append("must not be '.'") } else if key == ".." { errors.append("must not be '..'") }
        else if key.hasPrefix("..") { errors.append("must not start with '..'") }
        return errors
    }
}

extension String {
    /// The text of bytes that are valid UTF-8 (Go's `utf8.Valid`), or nil.
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): scalars.append(s)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(scalars)
    }
}
