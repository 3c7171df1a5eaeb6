import KubeAPI
import KubeSim

/// `kubectl patch TYPE NAME -p PATCH`: sends a strategic merge, JSON merge or JSON patch; the API
/// server applies it to the live object (`APIServer.patch`). With `--dry-run=client` kubectl
/// applies it itself, through the same `ObjectMerge` and `JSONPatch`.
struct PatchCommand: KubectlCommand {
    static let name = "patch"
    static let help = HelpText.usage("""
        Change some fields of an object with a strategic merge patch (the default), a JSON merge
        patch or a JSON patch. The patch may be written as JSON or YAML.

        Strategic merge patches are not available for custom resources.

        Examples:
          kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'
          kubectl patch sts web -p $'spec:\\n  replicas: 3'
          kubectl patch pod web-0 -p '{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}'
          kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.24"}]'
          kubectl patch sts web --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'

        Options:
          --allow-missing-template-keys=true  ignore missing keys in -o jsonpath templates
          --dry-run='none'        'client' or 'server' to only show what would happen
          --field-manager='kubectl-patch'  the name recorded as the fields' manager
          -f, --filename=[]       files naming the objects to patch
          -k, --kustomize=''      a kustomization directory (not available in kubelab)
          --local=false           patch the file's contents instead of the live object
          -o, --output=''         print the patched object as json, yaml, name or jsonpath
          -p, --patch=''          the patch
          --patch-file=''         a file holding the patch
          -R, --recursive=false   read directories given with -f recursively
          --show-managed-fields=false  keep managedFields in json and yaml output
          --subresource=''        patch the object's 'scale' or 'status' subresource
          --template=''           the template for -o go-template (not available in kubelab)
          --type='strategic'      the patch type: one of [json merge strategic]

        Usage:
          kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]
        """)

    let flags = FlagSet([
        .init("patch", "p"), .init("patch-file"), .init("type", nil, .string, default: "strategic"),
        .init("subresource"), .init("filename", "f", .stringArray), .init("recursive", "R", .bool), .init("kustomize", "k"),
        .init("local", nil, .bool), .init("dry-run", nil, .string, default: "none"), .init("output", "o"),
        .init("field-manager", nil, .string, default: "kubectl-patch"), .init("template"),
        .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
        ChangeCause.flag,
    ])

    static let types = ["json", "merge", "strategic"]

    func run(_ call: Invocation) throws -> Int32 {
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let text = call.flags.string("patch"), file = call.flags.string("patch-file")
        if !text.isEmpty && !file.isEmpty { throw KubectlFailure.error("cannot specify --patch and --patch-file together") }
        if text.isEmpty && file.isEmpty {
            throw KubectlFailure.error("must specify --patch or --patch-file containing the contents of the patch")
        }
        if call.flags.bool("local") {
            throw KubectlFailure.error("--local is not available in kubelab; use --dry-run=client to see a patch applied")
        }
        let typeName = call.flags.string("type").lowercased()
        guard let type = PatchType(rawValue: typeName) else {
            throw KubectlFailure.error("--type must be one of [json merge strategic], not \(KubeAPI.GoFormat.quoted(call.flags.string("type")))")
        }
        let body = try Self.body(text: text, file: file, call: call)
        let subresource = call.flags.string("subresource")
        let sel = try ObjectSelection.resolve(call, requireNames: true, missingText: ObjectSelection.noResourcesText)
        var errors = sel.errors
        var printed: [(ResourceType, JSONValue)] = []
        let cause = ChangeCause(command: Self.name, flags: call.flags)
        for (r, live) in sel.objects {
            do {
                var (before, after) = try Self.patch(live, as: r, type: type, body: body, subresource: subresource, dryRun: dryRun, call: call)
                let operation = before == after ? "patched (no change)" : "patched"
                // patch.go records with a second merge patch after its own (a client dry run sends
                // neither); kubelab leaves a subresource's patch unrecorded.
                if dryRun != .client && subresource.isEmpty,
                    let recorded = cause.sendMergePatch(after: after, as: r, call: call, dryRun: dryRun == .server)
                {
                    after = recorded
                }
                if output == .table { call.out("\(r.qualifiedKind)/\(live.name) \(operation)\(dryRun.suffix)\n") }
                else { printed.append((r, after)) }
            } catch let e as APIError {
                errors.append(e.reason == .unsupportedMediaType
                    ? "error: \(type.mediaType) is not supported by \(r.apiVersion), Kind=\(r.kind): \(e.kubectlText)"
                    : e.kubectlText)
            } catch let f as KubectlFailure {
                errors.append(f.text.trimmingSuffix("\n"))
            }
        }
        if !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
        if sel.objects.isEmpty && errors.isEmpty { throw KubectlFailure.error("no objects passed to patch") }
        guard !errors.isEmpty else { return 0 }
        call.err(errors.joined(separator: "\n") + "\n")
        return 1
    }

    /// The body kubectl sends: JSON as typed (`{...}` goes through untouched), YAML converted to JSON.
    static func body(text: String, file: String, call: Invocation) throws -> String {
        var raw = text
        if !file.isEmpty {
            guard case .file(let bytes) = call.kubectl.files.read(file) else {
                throw KubectlFailure.error("unable to read patch file: open \(file): no such file or directory")
            }
            raw = String(decoding: bytes, as: UTF8.self)
        }
        if raw.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).hasPrefix("{") { return raw }
        do {
            return JSONText.compact(try YAMLLoader.parse(raw) ?? .null)
        } catch {
            // kubectl quotes the -p text here, which is empty when the patch came from a file.
            throw KubectlFailure.error("unable to parse \(KubeAPI.GoFormat.quoted(text)): \(error.message)")
        }
    }

    /// The object before and after; a client dry run applies the patch here and sends nothing.
    static func patch(_ live: JSONValue, as r: ResourceType, type: PatchType, body: String, subresource: String,
                      dryRun: DryRun, call: Invocation) throws -> (JSONValue, JSONValue)
    {
        guard dryRun == .client else {
            let ref = ObjectRef(r, namespace: live.namespace ?? "", name: live.name)
            let outcome = try call.api.patch(ref, type: type, body: body, subresource: subresource, dryRun: dryRun == .server)
            for warning in outcome.warnings { call.err("Warning: \(warning)\n") }
            return (outcome.before, outcome.object)
        }
        let decoded: JSONValue
        do { decoded = try GoJSONDecoder.decode(body) } catch { throw KubectlFailure.error("invalid JSON document") }
        switch type {
        case .json:
            do { return (live, try JSONPatch.decode(decoded).apply(to: live)) } catch { throw KubectlFailure.error(error.message) }
        case .merge:
            return (live, ObjectMerge.mergePatch(decoded, into: live))
        case .strategic:
            guard KindRegistry.descriptor(forKind: r.kind)?.schema != nil else {
                throw KubectlFailure.error("strategic merge patch is not supported for \(r.apiVersion), Kind=\(r.kind) locally, try --type merge")
            }
            do { return (live, try ObjectMerge.strategicMerge(decoded, into: live, kind: r.kind)) } catch { throw KubectlFailure.error(error.message) }
        }
    }
}
