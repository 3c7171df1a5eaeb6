import KubeAPI

/// One object read from a manifest, with the path it came from (kubectl names it in errors).
struct Manifest {
    var object: JSONValue
    var source: String
}

/// Reads `-f` arguments: files, directories (their .yaml/.yml/.json files, recursively with -R),
/// and `-` for standard input, splitting multi-document YAML and expanding `kind: List`.
enum ManifestReader {
    static let extensions = [".yaml", ".yml", ".json"]

    static func read(_ paths: [String], recursive: Bool, files: HostFiles, stdin: String?) throws -> [Manifest] {
        var out: [Manifest] = []
        for path in paths {
            if path == "-" {
                out += try decode(Array((stdin ?? "").utf8), source: "STDIN")
                continue
            }
            if path.hasPrefix("http://") || path.hasPrefix("https://") {
                if let text = WellKnownManifests.byURL[path] {
                    out += try decode(Array(text.utf8), source: path)
                    continue
                }
                throw KubectlFailure.error("unable to read URL \"\(path)\": kubelab works offline and can only read the tutorial manifests it ships")
            }
            switch files.read(path) {
            case .missing:
                throw KubectlFailure.error("the path \"\(path)\" does not exist")
            case .denied(let why):
                throw KubectlFailure.error(why)
            case .file(let bytes):
                out += try decode(bytes, source: path)
            case .directory:
                for file in listDirectory(path, recursive: recursive, files: files) {
                    if case .file(let bytes) = files.read(file) { out += try decode(bytes, source: file) }
                }
            }
        }
        return out
    }

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

    static func decode(_ bytes: [UInt8], source: String) throws -> [Manifest] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw KubectlFailure.error("error parsing \(source): error converting YAML to JSON: yaml: invalid leading UTF-8 octet")
        }
        let docs: [JSONValue]
        do {
            docs = try YAMLLoader.documents(text)
        } catch {
            throw KubectlFailure.error("error parsing \(source): error converting YAML to JSON: \(error.message)")
        }
        var out: [Manifest] = []
        for d in docs {
            guard d.object != nil else {
                throw KubectlFailure.error("error parsing \(source): error converting YAML to JSON: yaml: unmarshal errors: cannot unmarshal into an object")
            }
            if d.kind == "List" || (d.kind.hasSuffix("List") && !d["items"].isNull) {
                for item in d["items"].items { out.append(Manifest(object: item, source: source)) }
            } else {
                out.append(Manifest(object: d, source: source))
            }
        }
        return out
    }

    /// kubectl's client-side check before anything is sent: apiVersion and kind must be set.
    static func checkTypeFields(_ m: Manifest) throws {
        var missing: [String] = []
        if m.object.apiVersion.isEmpty { missing.append("apiVersion not set") }
        if m.object.kind.isEmpty { missing.append("kind not set") }
        guard !missing.isEmpty else { return }
        let detail = missing.count == 1 ? missing[0] : "[" + missing.joined(separator: ", ") + "]"
        throw KubectlFailure.error("error validating \"\(m.source)\": error validating data: \(detail); if you choose to ignore these errors, turn validation off with --validate=false")
    }

    /// The served type for a manifest, or kubectl's RESTMapper error.
    static func resolveType(_ m: Manifest) throws -> ResourceType {
        if let r = ResourceRegistry.forKind(m.object.kind, apiVersion: m.object.apiVersion) { return r }
        let ns = m.object.namespace ?? ""
        throw KubectlFailure.error("resource mapping not found for name: \"\(m.object.name)\" namespace: \"\(ns)\" from \"\(m.source)\": no matches for kind \"\(m.object.kind)\" in version \"\(m.object.apiVersion)\"\nensure CRDs are installed first")
    }
}
