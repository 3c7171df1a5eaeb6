import KubeAPI

/// The `Warning:` lines the API server sends with requests for a deprecated kind (its registry's
/// warning header), which kubectl prints to stderr once per command before the answer.
enum DeprecationWarnings {
    /// Verbs whose first word names the types they send requests for.
    static let typeVerbs: Set<String> = ["get", "describe", "delete", "edit", "label", "annotate", "patch", "wait"]

    /// The warnings for the types the first positional word names (`cs`, `cs,pods`, `cs/scheduler`).
    static func warnings(verb: String, positional: [String]) -> [String] {
        guard typeVerbs.contains(verb), let first = positional.first else { return [] }
        let typeWords = first.split(separator: ",").map { $0.split(separator: "/").first.map(String.init) ?? "" }
        var out: [String] = []
        for word in typeWords {
            guard let r = ResourceRegistry.lookup(word),
                let warning = KindRegistry.descriptor(forKind: r.kind)?.deprecationWarning, !out.contains(warning) else { continue }
            out.append(warning)
        }
        return out
    }
}
