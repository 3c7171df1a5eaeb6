/// The object fields a check's `-o jsonpath=` template reads, as explain paths: `{.status.readyReplicas}`
/// gives `status.readyReplicas`; a list's `.items[*]` is dropped; a path stops at a filter or a map key
/// that explain cannot know (`metadata.labels.app` → `metadata.labels`).
enum JSONPathFields {
    static func paths(in words: [String]) -> [[String]] {
        var templates: [String] = []
        for (index, word) in words.enumerated() {
            if word.hasPrefix("-o=jsonpath=") { templates.append(String(word.dropFirst("-o=jsonpath=".count))) }
            else if word.hasPrefix("-ojsonpath=") { templates.append(String(word.dropFirst("-ojsonpath=".count))) }
            else if word.hasPrefix("--output=jsonpath=") { templates.append(String(word.dropFirst("--output=jsonpath=".count))) }
            else if (word == "-o" || word == "--output"), index + 1 < words.count, words[index + 1].hasPrefix("jsonpath=") {
                templates.append(String(words[index + 1].dropFirst("jsonpath=".count)))
            }
        }
        var result: [[String]] = []
        for template in templates {
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{") {
                guard let close = rest[open...].firstIndex(of: "}") else { break }
                let expression = rest[rest.index(after: open)..<close].trimmingCharacters(in: " ")
                rest = rest[rest.index(after: close)...]
                guard expression.hasPrefix(".") else { continue }
                var segments: [String] = []
                for raw in expression.dropFirst().split(separator: ".", omittingEmptySubsequences: false) {
                    let bracket = raw.firstIndex(of: "[")
                    let name = String(bracket.map { raw[..<$0] } ?? raw[...])
                    guard !name.isEmpty else { break }
                    segments.append(name)
                    if let bracket, raw[bracket...].contains("?") { break }
                    if ["labels", "annotations", "data", "stringData", "selector", "matchLabels", "nodeSelector", "capacity", "requests", "limits", "allocatable"].contains(name) { break }
                }
                if segments.first == "items" { segments.removeFirst() }
                if !segments.isEmpty && !result.contains(segments) { result.append(segments) }
            }
        }
        return result
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var text = self
        while text.first == set { text = text.dropFirst() }
        while text.last == set { text = text.dropLast() }
        return String(text)
    }
}
