/// The DefaultTolerationSeconds admission plugin: a pod tolerates a not-ready or unreachable node
/// for 300 s before the taint manager evicts it, unless it already says how long. Pod defaulting
/// runs it on create and update, and the sandbox's own pods get it as they are admitted.
public enum DefaultTolerationSeconds {
    static let taintKeys = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]
    static let seconds = 300

    /// Appends the missing tolerations to `spec.tolerations`; an existing NoExecute (or any-effect)
    /// toleration of the key, or an `Exists` toleration of every key, covers it.
    public static func apply(to spec: inout JSONValue) {
        let existing = spec["tolerations"].items
        var tolerations = existing
        for key in taintKeys {
            let covered = existing.contains { t in
                let effect = t["effect"].string ?? ""
                guard effect.isEmpty || effect == "NoExecute" else { return false }
                let k = t["key"].string ?? ""
                return k == key || (k.isEmpty && t["operator"].string == "Exists")
            }
            if !covered {
                tolerations.append(["key": .string(key), "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": .int(seconds)])
            }
        }
        if tolerations.count != existing.count { spec["tolerations"] = .array(tolerations) }
    }
}
