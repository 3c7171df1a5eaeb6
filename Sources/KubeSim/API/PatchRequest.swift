import KubeAPI

/// The three patch content types a PATCH request may carry.
public enum PatchType: String, Sendable {
    case strategic, merge, json

    /// The media type, as the API server names it in errors.
    public var mediaType: String {
        switch self {
        case .strategic: return "application/strategic-merge-patch+json"
        case .merge: return "application/merge-patch+json"
        case .json: return "application/json-patch+json"
        }
    }
}

/// PATCH: the API server reads the live object, applies the body to it
/// (`staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go`) and stores the result through
/// the same admission as an update. `scale` and `status` patch those subresources.
extension APIServer {
    public struct PatchOutcome {
        /// What the server answers: the object (or its Scale) after the patch.
        public var object: JSONValue
        /// The object before, as the client read it.
        public var before: JSONValue
        /// The Warning headers of the answer (`unknown field "spec.foo"`), which kubectl prints as `Warning: ...`.
        public var warnings: [String] = []
    }

    public static let subresources: Set<String> = ["scale", "status"]

    /// - Parameter body: the request body as JSON text, as kubectl sends it.
    public func patch(_ ref: ObjectRef, type: PatchType, body: String, subresource: String = "",
                      dryRun: Bool = false) throws(APIError) -> PatchOutcome
    {
        try Self.requireWritable(ref.resource)
        guard let live = store.get(ref) else { throw .notFound(ref.resource, ref.name) }
        let resource = ref.resource
        if !subresource.isEmpty {
            guard Self.subresources.contains(subresource), subresource != "scale" || KindRegistry.descriptor(forKind: resource.kind)?.scalable == true else {
                throw APIError(.notFound, "the server could not find the requested resource")
            }
        }
        if type == .strategic && KindRegistry.descriptor(forKind: resource.kind)?.schema == nil {
            throw APIError(.unsupportedMediaType, "the body of the request was in an unknown format - accepted media types include: "
                + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")
        }
        let original = subresource == "scale" ? Self.scale(of: live, resource: resource) : live
        var patched = try Self.applyBody(body, type: type, to: original, kind: subresource == "scale" ? "Scale" : resource.kind)
            .keysOrdered(like: original)
        var warnings: [String] = []
        if subresource.isEmpty, let schema = KindRegistry.descriptor(forKind: resource.kind)?.schema {
            (patched, warnings) = StrictDecoder.droppingUnknownFields(patched, schema: schema)
        }
        // The request path names the object; the body may leave these out.
        for key in ["name", "namespace", "resourceVersion", "uid"] where patched["metadata"][key].isNull {
            patched["metadata"][key] = original["metadata"][key]
        }
        if patched["metadata"]["resourceVersion"] != original["metadata"]["resourceVersion"] {
            throw APIError(.conflict, "Operation cannot be fulfilled on \(resource.qualifiedPlural) \(GoFormat.quoted(ref.name)): "
                + "the object has been modified; please apply your changes to the latest version and try again")
        }
        // A patch that changes nothing is no write (the server compares content, not key order).
        if JSONText.compact(patched) == JSONText.compact(original) {
            return PatchOutcome(object: original, before: original, warnings: warnings)
        }
        switch subresource {
        case "scale":
            var updated = live
            updated["spec"]["replicas"] = patched["spec"]["replicas"]
            let stored = try update(updated, as: resource, dryRun: dryRun)
            return PatchOutcome(object: Self.scale(of: stored, resource: resource), before: original)
        case "status":
            // The status subresource takes status and nothing else.
            var updated = live
            updated["status"] = patched["status"]
            let stored = dryRun ? updated : try store.update(resource, updated)
            return PatchOutcome(object: stored, before: original)
        default:
            return PatchOutcome(object: try update(patched, as: resource, dryRun: dryRun), before: original, warnings: warnings)
        }
    }

    /// The `autoscaling/v1` Scale of a workload.
    static func scale(of object: JSONValue, resource: ResourceType) -> JSONValue {
        var metadata: JSONValue = [:]
        for key in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] { metadata[key] = object["metadata"][key] }
        let labels = object["spec"]["selector"]["matchLabels"].stringMap
            .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        var scale: JSONValue = ["apiVersion": "autoscaling/v1", "kind": "Scale"]
        scale["metadata"] = metadata
        scale["spec"]["replicas"] = .int(object["spec"]["replicas"].int ?? 1)
        scale["status"]["replicas"] = .int(object["status"]["replicas"].int ?? 0)
        if !labels.isEmpty { scale["status"]["selector"] = .string(labels) }
        return scale
    }

    /// Decodes and applies one body, with the API server's errors for each way it can fail.
    static func applyBody(_ body: String, type: PatchType, to original: JSONValue, kind: String) throws(APIError) -> JSONValue {
        let decoded: JSONValue
        do {
            decoded = try GoJSONDecoder.decode(body)
        } catch {
            throw APIError(.badRequest, type == .merge ? "Invalid JSON Patch" : error.message)
        }
        switch type {
        case .json:
            let patch: JSONPatch
            do { patch = try JSONPatch.decode(decoded) } catch { throw APIError(.badRequest, error.message) }
            do { return try patch.apply(to: original) } catch { throw APIError.requestRejected() }
        case .merge:
            return ObjectMerge.mergePatch(decoded, into: original)
        case .strategic:
            guard decoded.object != nil else {
                throw APIError(.badRequest, "json: cannot unmarshal \(JSONPatch.goKind(decoded)) into Go value of type map[string]interface {}")
            }
            do {
                return try ObjectMerge.strategicMerge(decoded, into: original, kind: kind)
            } catch {
                throw APIError(.internalError, "Internal error occurred: \(error.message)")
            }
        }
    }
}
