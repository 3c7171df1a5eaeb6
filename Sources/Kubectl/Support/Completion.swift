import KubeAPI

/// Tab completion for the host shell line: verbs, resource types (also after a comma), object
/// names, `type/name`, flags, `-o` formats, namespaces and files, as kubectl's own completion does.
public enum Completion {
    static let outputFormats = ["json", "yaml", "wide", "name", "jsonpath=", "custom-columns=", "go-template=", "go-template-file="]
    static let typeVerbs: Set<String> = ["get", "describe", "delete", "scale", "explain", "edit", "label", "annotate", "rollout", "patch", "wait"]
    static let podVerbs: Set<String> = ["exec", "logs", "attach", "port-forward", "cp"]
    static let nodeVerbs: Set<String> = ["cordon", "uncordon", "drain", "taint"]

    /// Candidates that replace the word ending at the end of `prefix` (the line up to the cursor).
    public static func candidates(prefix: String, hostCommands: [String], kubectl: Kubectl) -> [String] {
        let endsWithSpace = prefix.last == " "
        var words = prefix.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let current = endsWithSpace ? "" : (words.popLast() ?? "")
        // Only the last command of a pipeline or list matters.
        if let cut = words.lastIndex(where: { ["|", "&&", "||", ";"].contains($0) }) { words = Array(words[(cut + 1)...]) }
        guard let program = words.first else {
            return (hostCommands + files(matching: current, kubectl: kubectl)).filter { $0.hasPrefix(current) }.sorted()
        }
        guard program == "kubectl" || program == "k" else {
            return files(matching: current, kubectl: kubectl)
        }
        let args = Array(words.dropFirst())
        if let previous = args.last {
            switch previous {
            case "-o", "--output": return outputFormats.filter { $0.hasPrefix(current) }
            case "-n", "--namespace": return names(of: "namespaces", kubectl: kubectl, matching: current)
            case "-f", "--filename": return files(matching: current, kubectl: kubectl)
            default: break
            }
        }
        if current.hasPrefix("--filename=") || current.hasPrefix("-f=") {
            let head = current.hasPrefix("-f=") ? "-f=" : "--filename="
            return files(matching: String(current.dropFirst(head.count)), kubectl: kubectl).map { head + $0 }
        }
        if current.hasPrefix("-") {
            return ["--all-namespaces", "--filename", "--namespace", "--output", "--selector", "--show-labels", "--watch", "--replicas"]
                .filter { $0.hasPrefix(current) }
        }
        let positional = args.filter { !$0.hasPrefix("-") }
        guard let verb = positional.first else {
            return HelpText.suggestedVerbs.filter { $0.hasPrefix(current) }
        }
        let rest = Array(positional.dropFirst())
        if podVerbs.contains(verb) {
            return names(of: "pods", kubectl: kubectl, matching: current)
        }
        // `kubectl taint` names the type first (`taint nodes k8s-node1`), the other node verbs do not.
        if verb == "taint" && rest.isEmpty {
            return ["nodes"].filter { $0.hasPrefix(current) }
        }
        if nodeVerbs.contains(verb) {
            return names(of: "nodes", kubectl: kubectl, matching: current)
        }
        guard typeVerbs.contains(verb) else { return [] }
        if rest.isEmpty {
            if let slash = current.firstIndex(of: "/") {
                let typeName = String(current[..<slash])
                return names(of: typeName, kubectl: kubectl, matching: String(current[current.index(after: slash)...]))
                    .map { "\(typeName)/\($0)" }
            }
            let head = current.lastIndex(of: ",").map { String(current[...$0]) } ?? ""
            let tail = String(current.dropFirst(head.count))
            var types = Set<String>()
            for r in ResourceRegistry.all {
                for n in [r.plural] + r.shortNames where n.hasPrefix(tail) { types.insert(n) }
            }
            if verb == "get" && "all".hasPrefix(tail) { types.insert("all") }
            return types.sorted().map { head + $0 }
        }
        let typeArg = rest[0]
        if typeArg.contains(",") || typeArg.contains("/") { return [] }
        return names(of: typeArg, kubectl: kubectl, matching: current).filter { !rest.dropFirst().contains($0) }
    }

    static func names(of typeName: String, kubectl: Kubectl, matching prefix: String) -> [String] {
        guard let r = ResourceRegistry.lookup(typeName) else { return [] }
        let ns: String? = r.namespaced ? kubectl.currentNamespace : nil
        return kubectl.cluster.store.list(r, namespace: ns).map(\.name).filter { $0.hasPrefix(prefix) }
    }

    /// Files and folders below the working directory; folders end with `/`.
    static func files(matching partial: String, kubectl: Kubectl) -> [String] {
        let dir: String
        let namePrefix: String
        if let slash = partial.lastIndex(of: "/") {
            dir = String(partial[...slash])
            namePrefix = String(partial[partial.index(after: slash)...])
        } else {
            dir = ""
            namePrefix = partial
        }
        guard case .directory(let entries) = kubectl.files.read(dir.isEmpty ? "." : dir) else { return [] }
        return entries.filter { $0.hasPrefix(namePrefix) && !$0.hasPrefix(".") }.map { entry in
            if case .directory = kubectl.files.read(dir + entry) { return dir + entry + "/" }
            return dir + entry
        }
    }
}
