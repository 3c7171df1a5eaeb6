import KubeAPI
import KubeSim

/// `kubectl diff -f FILE`: what apply would change, as diff.go shows it.
///
/// Each object is written twice as YAML, as it is now (LIVE, nothing when it does not exist) and
/// as the API server would store it after apply (MERGED: apply's patch, or a create, sent as a
/// server dry run), and the two are compared as `diff -u -N LIVE-dir MERGED-dir`. kubelab runs no
/// diff program, so `UnifiedDiff` writes what GNU diff would. The exit code is diff's: 0 with no
/// changes, 1 with changes; kubectl's own errors exit with 2 (CheckDiffErr).
struct DiffCommand: KubectlCommand {
    static let name = "diff"
    static let help = HelpText.usage("""
        Show what 'kubectl apply -f' would change: the live objects against the objects as the server
        would store them after the apply (a server dry run), as a unified diff. Exit status 0 means no
        differences, 1 differences, more than 1 that kubectl or diff failed.

        Examples:
          kubectl diff -f web.yaml
          cat web.yaml | kubectl diff -f -

        Options:
          -f, --filename=[]   files, directories or '-' for standard input
          -R, --recursive     read directories recursively

        Usage:
          kubectl diff -f FILENAME [options]
        """)

    let flags = FlagSet([
        .init("filename", "f", .stringArray), .init("recursive", "R", .bool), .init("kustomize", "k"),
        .init("prune", nil, .bool), .init("prune-allowlist", nil, .stringArray), .init("selector", "l"),
        .init("show-managed-fields", nil, .bool), .init("concurrency", nil, .int, default: "1"),
        .init("server-side", nil, .bool), .init("force-conflicts", nil, .bool),
        .init("field-manager", nil, .string, default: "kubectl-client-side-apply"),
    ])

    /// diff.go's flag error function: a usage error, exiting above diff's 1.
    func flagFailure(_ message: String, scope: FlagScope) -> KubectlFailure {
        let usage = KubectlFailure.usage(message, command: Self.name)
        return KubectlFailure(usage.text, code: 2)
    }

    func run(_ call: Invocation) throws -> Int32 {
        do {
            return try compare(call)
        } catch let failure as KubectlFailure {
            throw KubectlFailure(failure.text, code: 2)
        } catch let error as APIError {
            throw KubectlFailure(error.kubectlText, code: 2)
        }
    }

    private func compare(_ call: Invocation) throws -> Int32 {
        if !call.args.isEmpty {
            throw KubectlFailure.usage("Unexpected args: [\(call.args.joined(separator: " "))]", command: Self.name)
        }
        let paths = call.flags.strings("filename")
        if paths.isEmpty && !call.flags.isSet("kustomize") { throw KubectlFailure.error("must specify one of -f and -k") }
        if call.flags.bool("force-conflicts") && !call.flags.bool("server-side") {
            throw KubectlFailure.error("--force-conflicts only works with --server-side")
        }
        if call.flags.isSet("kustomize") {
            if !paths.isEmpty { throw KubectlFailure.error("only one of -f or -k can be specified") }
            throw KubectlFailure.error("kustomize is not available in kubelab; diff the generated manifests with -f")
        }
        if call.flags.bool("server-side") { throw KubectlFailure.error("kubelab does not simulate \"kubectl diff --server-side\" yet") }
        if call.flags.bool("prune") { throw KubectlFailure.error("kubelab does not simulate \"kubectl diff --prune\" yet") }
        let batch = Namespaces.check(try ManifestReader.read(paths, recursive: call.flags.bool("recursive"), files: call.kubectl.files,
                                                             stdin: call.io.stdin, validate: true), call: call)
        if let failure = batch.failures.first { return ErrorReport.finish([failure], call: call) + 1 }
        var pairs: [String: (live: String, merged: String)] = [:]
        for m in batch.manifests {
            let (live, merged) = try versions(of: m, call: call)
            if let live, live.isDeleting {
                call.err("Warning: Detected changes to resource \(live.name) which is currently being deleted.\n")
            }
            let masked = Self.maskingSecretData(live: live.map(Self.withoutManagedFields), merged: Self.withoutManagedFields(merged), m.type)
            pairs[Self.fileName(m, merged)] = (masked.live.map(YAMLEmitter.document) ?? "", YAMLEmitter.document(masked.merged))
        }
        let directories = Self.directoryNames(for: pairs, at: call.cluster.now)
        let stamp = Self.fileStamp(call.cluster.now)
        var out = ""
        for name in pairs.keys.sorted() {
            let (live, merged) = pairs[name]!
            let hunks = UnifiedDiff.hunks(live, merged)
            if hunks.isEmpty { continue }
            let from = directories.live + "/" + name, to = directories.merged + "/" + name
            // -N: an object that does not exist yet is an empty file dated at the epoch.
            out += "diff -u -N \(from) \(to)\n"
            out += "--- \(from)\t\(live.isEmpty ? Self.epochStamp : stamp)\n"
            out += "+++ \(to)\t\(stamp)\n"
            out += hunks
        }
        call.out(out)
        return out.isEmpty ? 0 : 1
    }

    /// LIVE and MERGED: the stored object (nil when there is none) and what the server's dry
    /// run of apply answers. A missing object is created from the manifest as it is (diff.go's
    /// Merged does not add the last-applied annotation there); an existing one gets apply's patch.
    private func versions(of m: Manifest, call: Invocation) throws -> (JSONValue?, JSONValue) {
        var local = m.object
        let ns = Namespaces.namespace(for: local, resource: m.type, call: call)
        if m.type.namespaced { local["metadata"]["namespace"] = .string(ns) }
        guard let live = call.store.get(m.type, namespace: ns, name: local.name) else {
            local["metadata"]["resourceVersion"] = .null
            do {
                return (nil, try call.api.create(local, as: m.type, dryRun: true))
            } catch {
                throw error.fromSource("creating", m.source)
            }
        }
        return (live, try ApplyCommand().apply(m, as: m.type, call: call, dryRun: .server, warnsOfMissingAnnotation: false).object)
    }

    /// `--show-managed-fields` is false by default: omitManagedFields.
    static func withoutManagedFields(_ object: JSONValue) -> JSONValue {
        var o = object
        o["metadata"]["managedFields"] = .null
        return o
    }

    /// diff.go's Masker: a Secret's data values are never shown; a value that changes shows as
    /// `*** (before)` and `*** (after)` so the diff still says which keys changed.
    static func maskingSecretData(live: JSONValue?, merged: JSONValue, _ type: ResourceType) -> (live: JSONValue?, merged: JSONValue) {
        guard type.kind == "Secret", type.group.isEmpty else { return (live, merged) }
        var from = live?["data"].object, to = merged["data"].object
        let before = from, after = to
        for (key, value) in before ?? [:] {
            if let other = after?[key] {
                if other != value {
                    from?[key] = "*** (before)"
                    to?[key] = "*** (after)"
                    continue
                }
                to?[key] = "***"
            }
            from?[key] = "***"
        }
        for (key, _) in after ?? [:] where before?[key] == nil { to?[key] = "***" }
        var maskedLive = live, maskedMerged = merged
        if let from { maskedLive?["data"] = .object(from) }
        if let to { maskedMerged["data"] = .object(to) }
        return (maskedLive, maskedMerged)
    }

    /// InfoObject.Name: `[group.]version.Kind.namespace.name`.
    static func fileName(_ m: Manifest, _ object: JSONValue) -> String {
        let group = m.type.group.isEmpty ? "" : m.type.group + "."
        return "\(group)\(m.type.version).\(m.type.kind).\(object.namespace ?? "").\(object.name)"
    }

    /// os.MkdirTemp's `/tmp/LIVE-<uint32>` and `/tmp/MERGED-<uint32>`. The numbers are random in
    /// kubectl; here they come from what is compared, so the same command gives the same text.
    static func directoryNames(for pairs: [String: (live: String, merged: String)], at now: Millis) -> (live: String, merged: String) {
        var hash: UInt64 = 14_695_981_039_346_656_037
        func mix(_ text: String) { for b in text.utf8 { hash = (hash ^ UInt64(b)) &* 1_099_511_628_211 } }
        mix(String(now))
        for name in pairs.keys.sorted() { mix(name) }
        let live = UInt32(truncatingIfNeeded: hash)
        mix("MERGED")
        let merged = UInt32(truncatingIfNeeded: hash >> 32)
        return ("/tmp/LIVE-\(live)", "/tmp/MERGED-\(merged)")
    }

    static let epochStamp = "1970-01-01 00:00:00.000000000 +0000"

    /// GNU diff's file time in `-u` labels (the files were just written, at the clock's time, UTC).
    static func fileStamp(_ now: Millis) -> String {
        let text = Timestamp.rfc3339(now)  // 2006-01-02T15:04:05Z
        let millis = Int(((now % 1000) + 1000) % 1000)
        let fraction = String(millis).leftPadded(to: 3) + "000000"
        return text.dropLast().replacingOccurrences(of: "T", with: " ") + ".\(fraction) +0000"
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
