import KubeAPI

/// What `kubectl get -o yaml|json|jsonpath|name` hands to the printer.
public enum OutputObject {
    /// The `v1 List` kubectl wraps results in.
    public static func list(_ items: [JSONValue]) -> JSONValue {
        ["apiVersion": "v1", "items": .array(items), "kind": "List", "metadata": ["resourceVersion": ""]]
    }

    /// A single named object (`get pod web-0`) prints bare; anything else (`get pods`, several names,
    /// several kinds, zero results) prints as a List.
    public static func forGet(_ items: [JSONValue], singleItemImplied: Bool) -> JSONValue {
        if singleItemImplied && items.count == 1 { return items[0] }
        return list(items)
    }
}

/// `-o name`: `statefulset.apps/web`, `pod/web-0`.
public enum NamePrinter {
    /// `kind[.group]/name` from the object's own apiVersion and kind.
    public static func name(of object: JSONValue) -> String {
        let apiVersion = object.apiVersion
        let group = apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
        let kind = object.kind.lowercased()
        return (group.isEmpty ? kind : "\(kind).\(group)") + "/" + object.name
    }

    /// One line per object; a List prints its items.
    public static func render(_ objects: [JSONValue]) -> String {
        var out = ""
        for o in objects {
            if o.kind == "List" || o.kind.hasSuffix("List") && !o["items"].isNull {
                out += render(o["items"].items)
            } else {
                out += name(of: o) + "\n"
            }
        }
        return out
    }

    /// `statefulset.apps/web scaled`, with ` (dry run)` / ` (server dry run)` appended by the caller's choice.
    public static func operation(_ object: JSONValue, _ operation: String, dryRun: String? = nil) -> String {
        name(of: object) + " " + operation + (dryRun.map { " (\($0))" } ?? "") + "\n"
    }
}

/// `-o json` documents: kubectl prints each object as its own indented JSON value.
public enum JSONPrinter {
    public static func render(_ object: JSONValue) -> String { JSONEmitter.pretty(object) }
}

/// `-o jsonpath=...` with kubectl's error wording around the engine's messages.
public enum JSONPathPrinter {
    /// Parse errors, as `kubectl get` reports them (`error: ` is added by the caller).
    public static func parse(_ template: String) throws(JSONPathError) -> JSONPath {
        if template.isEmpty { throw JSONPathError("template format specified but no template given") }
        do {
            return try JSONPath(template)
        } catch {
            throw JSONPathError("error parsing jsonpath \(template), \(error.message)")
        }
    }

    /// The text printed for one object (no trailing newline, as kubectl prints it).
    public static func render(_ path: JSONPath, _ object: JSONValue, asJSON: Bool = false) throws(JSONPathError) -> String {
        do {
            return asJSON ? try path.executeAsJSON(object) : try path.execute(object)
        } catch {
            let detail = "Error executing template: \(error.message). Printing more information for debugging the template:\n"
                + "\ttemplate was:\n\t\t\(path.template)\n"
                + "\tobject given to jsonpath engine was:\n\t\t\(GoFormat.goSyntax(object))\n\n"
            throw JSONPathError("error executing jsonpath \(JSONEmitter.goQuote(path.template)): \(detail)")
        }
    }
}
