import KubeAPI

/// One object read from a manifest, with the path it came from (kubectl names it in errors) and
/// the served type its apiVersion and kind map to.
struct Manifest {
    var object: JSONValue
    var source: String
    var type: ResourceType
}

/// What reading `-f` arguments produced, in document order: objects and the errors between them.
struct ManifestBatch {
    enum Item {
        case manifest(Manifest)
        case failure(VerbError)
    }

    var items: [Item] = []

    var manifests: [Manifest] {
        items.compactMap { if case .manifest(let m) = $0 { return m } else { return nil } }
    }

    var failures: [VerbError] {
        items.compactMap { if case .failure(let e) = $0 { return e } else { return nil } }
    }
}

/// Reads `-f` arguments: files, directories (their .yaml/.yml/.json files, recursively with -R),
/// and `-` for standard input, splitting multi-document YAML and expanding `kind: List`.
///
/// Errors follow cli-runtime's builder with ContinueOnError: a missing path stops everything at
/// once; a YAML syntax error or a failed client-side validation ends its own file (after the
/// documents before it); a document whose type cannot be mapped is skipped; other files go on.
enum ManifestReader {
    static let extensions = [".yaml", ".yml", ".json"]

    /// - Parameter validate: `--validate` other than false/ignore checks apiVersion and kind before decoding.
    static func read(_ paths: [String], recursive: Bool, files: HostFiles, stdin: String?, validate: Bool = true) throws -> ManifestBatch {
        var sources: [(bytes: [UInt8], source: String)] = []
        for path in paths {
            if path == "-" {
                sources.append((Array((stdin ?? "").utf8), "STDIN"))
                continue
            }
            if path.hasPrefix("http://") || path.hasPrefix("https://") {
                guard let text = WellKnownManifests.byURL[path] else {
                    throw KubectlFailure.error("unable to read URL \"\(path)\": kubelab works offline and can only read the tutorial manifests it ships")
                }
                sources.append((Array(text.utf8), path))
                continue
            }
            switch files.read(path) {
            case .missing:
                throw KubectlFailure.error("the path \(KubeAPI.GoFormat.quoted(path)) does not exist")
            case .denied(let why):
                throw KubectlFailure.error(why)
            case .file(let bytes):
                sources.append((bytes, path))
            case .directory:
                for file in listDirectory(path, recursive: recursive, files: files) {
                    if case .file(let bytes) = files.read(file) { sources.append((bytes, file)) }
                }
            }
        }
        var batch = ManifestBatch()
        for (bytes, source) in sources { decode(bytes, source: source, validate: validate, into: &batch) }
        return batch
    }

    static func checkValidateFlag(_ flag: String) throws {
        guard ["strict", "true", "warn", "ignore", "false"].contains(flag.lowercased()) else {
            throw KubectlFailure.error("invalid - validate option \"\(flag)\"; must be one of: strict (or true), warn, ignore (or false)")
        }
    }

    /// `--validate`: true, strict and warn check the manifest on the client first.
    static func validates(_ flag: String) -> Bool { !["false", "ignore"].contains(flag) }

    static func listDirectory(_ dir: String, recursive: Bool, files: HostFiles) -> [String] {
        guard case .directory(let names) = files.read(dir) else { return [] }
        var out: [String] = []
        let base = dir.hasSuffix("/") ? dir : dir + "/"
        for n in names {
            let p = base + n
            switch files.read(p) {
            case .file:
                if extensions.contains(where: { n.hasSuffix($0) }) { out.append(p) }
            case .directory:
                if recursive { out += listDirectory(p, recursive: true, files: files) }
            default: break
            }
        }
        return out
    }

    static func decode(_ bytes: [UInt8], source: String, validate: Bool, into batch: inout ManifestBatch) {
        // Go's YAML reader passes invalid UTF-8 through and JSON encoding turns it into U+FFFD.
        let text = String(decoding: bytes, as: UTF8.self)
        for result in YAMLLoader.documentResults(text) {
            let doc: JSONValue
            switch result {
            case .failure(let e):
                batch.items.append(.failure(.message("error parsing \(source): error converting YAML to JSON: \(e.message)")))
                return
            case .success(let d):
                doc = d
            }
            if validate, let problem = validationProblem(doc) {
                batch.items.append(.failure(.message("error validating \"\(source)\": error validating data: \(problem); if you choose to ignore these errors, turn validation off with --validate=false")))
                return
            }
            guard doc.object != nil else {
                let goType = doc.array != nil ? "array" : doc.string != nil ? "string" : doc.bool != nil ? "bool" : "number"
                batch.items.append(.failure(.message("unable to decode \"\(source)\": json: cannot unmarshal \(goType) into Go value of type unstructured.detector")))
                continue
            }
            if doc.kind.isEmpty {
                batch.items.append(.failure(.message("unable to decode \"\(source)\": Object 'Kind' is missing in '\(JSONText.compact(doc))'")))
                continue
            }
            let objects = doc.kind.hasSuffix("List") && doc.object?["items"] != nil ? doc["items"].items : [doc]
            for object in objects {
                do {
                    batch.items.append(.manifest(Manifest(object: object, source: source, type: try resolveType(object, source: source))))
                } catch {
                    batch.items.append(.failure(.message(error.text)))
                }
            }
        }
    }

    /// kubectl's client-side schema check: an object with apiVersion and kind.
    static func validationProblem(_ doc: JSONValue) -> String? {
        guard doc.object != nil else { return "invalid object to validate" }
        var missing: [String] = []
        if doc.apiVersion.isEmpty { missing.append("apiVersion not set") }
        if doc.kind.isEmpty { missing.append("kind not set") }
        if missing.isEmpty { return nil }
        return missing.count == 1 ? missing[0] : "[" + missing.joined(separator: ", ") + "]"
    }

    /// The served type for an object, or kubectl's RESTMapper error.
    static func resolveType(_ object: JSONValue, source: String) throws(ManifestTypeError) -> ResourceType {
        if let r = ResourceRegistry.forKind(object.kind, apiVersion: object.apiVersion) { return r }
        let ns = object.namespace ?? ""
        if let unserved = UnservedResources.forKind(object.kind, apiVersion: object.apiVersion) {
            throw ManifestTypeError(text: "\(unserved.notSimulatedMessage): \(object.kind) \(KubeAPI.GoFormat.quoted(object.name)) from \(KubeAPI.GoFormat.quoted(source))")
        }
        throw ManifestTypeError(text: "resource mapping not found for name: \"\(object.name)\" namespace: \"\(ns)\" from \"\(source)\": no matches for kind \"\(object.kind)\" in version \"\(object.apiVersion)\"\nensure CRDs are installed first")
    }
}

/// An apiVersion/kind pair the cluster does not serve.
struct ManifestTypeError: Error {
    let text: String
}
