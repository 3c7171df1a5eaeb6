import KubeAPI

/// `--overrides` with `--override-type` (cmdutil's Overrider: merge, json or strategic), as
/// `kubectl run` and `kubectl expose` apply it to the object they generated.
enum Overrides {
    static func apply(_ object: JSONValue, fragment: String, type: String, kind: String) throws -> JSONValue {
        guard ["json", "merge", "strategic"].contains(type) else {
            throw KubectlFailure.error("invalid override type: \(type)")
        }
        let patch: JSONValue
        do { patch = try GoJSONDecoder.decode(fragment) } catch {
            throw KubectlFailure.error(type == "json" ? error.message : "Invalid JSON Patch")
        }
        switch type {
        case "json":
            do { return try JSONPatch.decode(patch).apply(to: object) } catch { throw KubectlFailure.error(error.message) }
        case "strategic":
            do { return try ObjectMerge.strategicMerge(patch, into: object, kind: kind) } catch { throw KubectlFailure.error(error.message) }
        default:
            return ObjectMerge.mergePatch(patch, into: object)
        }
    }
}
