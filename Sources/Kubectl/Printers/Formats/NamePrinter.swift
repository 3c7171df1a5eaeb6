import KubeAPI

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
