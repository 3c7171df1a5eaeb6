import KubeAPI

/// `kubectl set env RESOURCE/NAME KEY=VALUE ... KEY-` (`pkg/cmd/set/set_env.go`): changes the
/// environment of the containers (and init containers) of a pod or a workload's pod template by a
/// strategic merge patch, so a StatefulSet rolls its pods; `--list` prints the environment instead.
enum SetEnv {
    static let flags: [FlagSet.Spec] = SetPatches.objectFlags + [
        .init("selector", "l"), .init("containers", "c", .string, default: "*"), .init("from"), .init("prefix"),
        .init("env", "e", .stringArray), .init("keys", nil, .stringArray), .init("list", nil, .bool), .init("resolve", nil, .bool),
        .init("overwrite", nil, .bool, default: "true"),
    ]

    /// One variable as the patch and `--list` see it: its name and the rest of its fields.
    typealias Variable = JSONValue

    /// - Parameter call: the command line after `set env`.
    static func run(_ call: Invocation) throws -> Int32 {
        // Complete, in its order.
        if call.flags.bool("all") && call.flags.isSet("selector") {
            throw KubectlFailure.error("cannot set --all and --selector at the same time")
        }
        guard let (resources, envArgs) = splitEnvironment(call.args) else {
            throw KubectlFailure.error("all resources must be specified before environment changes: \(call.args.joined(separator: " "))")
        }
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        // Validate.
        if call.flags.bool("local") && dryRun == .server {
            throw KubectlFailure.error("cannot specify --local and --dry-run=server - did you mean --dry-run=client?")
        }
        if call.flags.strings("filename").isEmpty && resources.isEmpty {
            throw KubectlFailure.error("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        let list = call.flags.bool("list")
        if list && call.flags.isSet("output") { throw KubectlFailure.error("--list and --output may not be specified together") }
        let from = call.flags.string("from")
        if !call.flags.strings("keys").isEmpty && from.isEmpty {
            throw KubectlFailure.error("when specifying --keys, a configmap or secret must be provided with --from")
        }
        // RunEnv.
        var (env, remove) = try parseEnv((call.flags.values["env"] ?? []) + envArgs, stdin: call.io.stdin ?? "")
        if !from.isEmpty { env += try variables(from: from, call: call) }
        let prefix = call.flags.string("prefix")
        if !prefix.isEmpty {
            env = env.map { v in var v = v; v["name"] = .string(prefix + (v["name"].string ?? "")); return v }
        }
        let sel = try MetadataPairs.targets(call, resources: resources)
        var patches = SetPatches(call, dryRun: dryRun, output: output, done: "env updated",
                                 failurePrefix: "failed to patch env update to pod template: ")
        patches.errors = sel.errors
        let selector = call.flags.string("containers")
        for (r, obj) in sel.objects {
            guard let path = patches.podSpecPath(of: obj, as: r) else { continue }
            let spec = obj.value(at: path)
            let selected = ["containers", "initContainers"].flatMap { key in
                spec[key].items.filter { SetPatches.selectsContainer(selector, $0["name"].string ?? "") }.map { (key, $0) }
            }
            if selected.isEmpty {
                call.err("Warning: \(r.kind)/\(obj.name) does not have any containers matching \(KubeAPI.GoFormat.quoted(selector))\n")
                continue
            }
            var specPatch = JSONObject()
            var refused: String?
            for (key, container) in selected {
                let name = container["name"].string ?? ""
                let existing = container["env"].items
                if !call.flags.bool("overwrite"), let clash = overwriteClash(existing, env) { refused = clash; break }
                let updated = updatedEnvironment(existing, env, remove: remove)
                if list {
                    call.out("# \(r.kind) \(obj.name), container \(name)\n")
                    for v in updated { call.out(listLine(v)) }
                    continue
                }
                guard let patch = environmentPatch(from: existing, to: updated) else { continue }
                var entries = specPatch[key]?.items ?? []
                entries.append(["name": .string(name), "env": patch])
                specPatch.updateValue(.array(entries), forKey: key)
            }
            if let refused { patches.refuse(obj, as: r, refused); continue }
            // No change is an empty patch, which kubectl skips without a word.
            if list || specPatch.isEmpty { continue }
            let patch = SetPatches.podSpecPatch(specPatch, at: path, recording: nil)
            try patches.send(patch, to: obj, as: r)
        }
        return try patches.finish()
    }

    // MARK: Arguments

    /// SplitEnvironmentFromResources: resources first, then `KEY=VALUE` and `KEY-` words (a word
    /// with a `=` after its first character, or ending in `-`); nil when a resource follows them.
    static func splitEnvironment(_ args: [String]) -> (resources: [String], env: [String])? {
        var resources: [String] = [], env: [String] = []
        for word in args {
            let isEnv = word.dropFirst().contains("=") || word.hasSuffix("-")
            if isEnv { env.append(word); continue }
            if !env.isEmpty { return nil }
            resources.append(word)
        }
        return (resources, env)
    }

    /// ParseEnv: the variables to set, in order, and the names to remove. `-` reads `KEY=VALUE`
    /// lines from standard input (text after `#` ignored).
    static func parseEnv(_ specs: [String], stdin: String) throws -> (env: [Variable], remove: [String]) {
        var env: [Variable] = [], remove: [String] = []
        var named: Set<String> = []
        for spec in specs {
            if spec == "-" {
                for line in stdin.split(separator: "\n", omittingEmptySubsequences: false) {
                    let text = line.firstIndex(of: "#").map { line[..<$0] } ?? line
                    guard let eq = text.firstIndex(of: "=") else { continue }
                    env.append(variable(String(text[..<eq]), String(text[text.index(after: eq)...])))
                }
            } else if let eq = spec.firstIndex(of: "=") {
                let name = String(spec[..<eq])
                let problems = envVarNameErrors(name)
                if !problems.isEmpty {
                    throw KubectlFailure.error("\(KubeAPI.GoFormat.quoted(name)) is not a valid key name: \(problems.joined(separator: ";"))")
                }
                named.insert(name)
                env.append(variable(name, String(spec[spec.index(after: eq)...])))
            } else if spec.hasSuffix("-") {
                remove.append(String(spec.dropLast()))
            } else {
                throw KubectlFailure.error("unknown environment variable: \(spec)")
            }
        }
        if remove.contains(where: named.contains) {
            throw KubectlFailure.error("can not both modify and remove the same environment variable in the same command")
        }
        return (env, remove)
    }

    static func variable(_ name: String, _ value: String) -> Variable { ["name": .string(name), "value": .string(value)] }

    /// validation.IsEnvVarName.
    static func envVarNameErrors(_ name: String) -> [String] {
        var errors: [String] = []
        func allowed(_ b: UInt8, first: Bool) -> Bool {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"):
                return true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return !first
            default: return false
            }
        }
        let bytes = Array(name.utf8)
        if bytes.isEmpty || !bytes.enumerated().allSatisfy({ allowed($1, first: $0 == 0) }) {
            errors.append("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', "
                + "and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', "
                + "regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')")
        }
        if name == "." { errors.append("must not be '.'") }
        else if name == ".." { errors.append("must not be '..'") }
        else if name.hasPrefix("..") { errors.append("must not start with '..'") }
        return errors
    }

    /// `--from=configmap/NAME` or `--from=secret/NAME`: each key (of `--keys`, when given) as a
    /// variable referring to it, named by the key upper-cased with other characters as `_`. Go
    /// walks the data map in random order; kubelab takes the keys sorted.
    static func variables(from: String, call: Invocation) throws -> [Variable] {
        var f = call.flags
        f.positional = [from]
        let sel = try ObjectSelection.resolve(Invocation(kubectl: call.kubectl, flags: f, io: call.io), requireNames: true,
                                              missingText: ObjectSelection.noResourcesText)
        if let first = sel.errors.first { throw KubectlFailure(first) }
        let keys = call.flags.strings("keys")
        var out: [Variable] = []
        for (r, source) in sel.objects {
            let reference: String
            switch r.kind {
            case "ConfigMap": reference = "configMapKeyRef"
            case "Secret": reference = "secretKeyRef"
            default: throw KubectlFailure.error("unsupported resource specified in --from")
            }
            for key in (source["data"].object?.keys).map(Array.init)?.sorted() ?? [] where keys.isEmpty || keys.contains(key) {
                let name = envName(key)
                if name != key { call.err("Warning: key \(key) transferred to \(name)\n") }
                out.append(["name": .string(name), "valueFrom": [reference: ["key": .string(key), "name": .string(source.name)]]])
            }
        }
        return out
    }

    /// keyToEnvName: `[^A-Za-z0-9_]` as `_`, upper-cased.
    static func envName(_ key: String) -> String {
        String(decoding: key.utf8.map { b -> UInt8 in
            let keep = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
            guard keep else { return 0x5F }
            return (b >= 0x61 && b <= 0x7A) ? b - 0x20 : b
        }, as: UTF8.self)
    }

    // MARK: The change

    /// validateNoOverwrites: the first variable given a different value than it has.
    static func overwriteClash(_ existing: [Variable], _ env: [Variable]) -> String? {
        for v in env {
            let name = v["name"].string ?? ""
            guard let current = existing.first(where: { $0["name"].string == name }) else { continue }
            let value = current["value"].string ?? ""
            if value != (v["value"].string ?? "") {
                return "'\(name)' already has a value (\(value)), and --overwrite is false"
            }
        }
        return nil
    }

    /// updateEnv: existing variables in place (replaced by the first given one of their name, or
    /// dropped when removed), then the new ones in the order given, each name once.
    static func updatedEnvironment(_ existing: [Variable], _ env: [Variable], remove: [String]) -> [Variable] {
        var covered = Set(remove)
        var out: [Variable] = []
        for e in existing {
            let name = e["name"].string ?? ""
            if covered.contains(name) { continue }
            if let newer = env.first(where: { $0["name"].string == name }) {
                covered.insert(name)
                out.append(newer)
            } else {
                out.append(e)
            }
        }
        for e in env {
            let name = e["name"].string ?? ""
            if covered.insert(name).inserted { out.append(e) }
        }
        return out
    }

    /// The strategic merge patch of one container's `env` (merged by name): changed and new
    /// variables, with nulls for the fields a variable no longer has, and `$patch: delete` for the
    /// removed ones; `null` when none is left; nil when nothing changes.
    static func environmentPatch(from existing: [Variable], to updated: [Variable]) -> JSONValue? {
        if existing == updated { return nil }
        if updated.isEmpty { return .null }
        var entries: [JSONValue] = []
        for v in updated {
            let name = v["name"].string ?? ""
            let old = existing.first { $0["name"].string == name }
            if old == v { continue }
            var entry = v.object ?? [:]
            // A field the old variable had and this one lacks (`valueFrom` replaced by a value) is
            // sent as an explicit null, which removes it.
            for (field, _) in old?.object ?? [:] where entry[field] == nil { entry.updateValue(.null, forKey: field) }
            entries.append(.object(entry))
        }
        let kept = Set(updated.compactMap { $0["name"].string })
        for name in existing.compactMap({ $0["name"].string }) where !kept.contains(name) {
            entries.append(["$patch": "delete", "name": .string(name)])
        }
        return .array(entries)
    }

    /// One `--list` line: `NAME=VALUE`, or where a reference takes its value from.
    static func listLine(_ v: Variable) -> String {
        let name = v["name"].string ?? ""
        let from = v["valueFrom"]
        guard !from.isNull else { return "\(name)=\(v["value"].string ?? "")\n" }
        let source: String
        let configMap = from["configMapKeyRef"], secret = from["secretKeyRef"]
        if !configMap.isNull {
            source = "configmap \(configMap["name"].string ?? ""), key \(configMap["key"].string ?? "")"
        } else if !secret.isNull {
            source = "secret \(secret["name"].string ?? ""), key \(secret["key"].string ?? "")"
        } else if let path = from["fieldRef"]["fieldPath"].string {
            source = "field path \(path)"
        } else if let resource = from["resourceFieldRef"]["resource"].string {
            let container = from["resourceFieldRef"]["containerName"].string ?? ""
            source = "resource field \(container.isEmpty ? "" : container + "/")\(resource)"
        } else {
            source = "invalid valueFrom"
        }
        return "# \(name) from \(source)\n"
    }
}
