import KubeAPI

/// Small cell formatters shared by the per-kind tables (the helpers printers.go uses).
enum CellFormat {
    static let none = "<none>"

    /// AGE from a creationTimestamp; `<unknown>` when absent, as `translateTimestampSince` does.
    static func age(_ timestamp: String?, now: Millis) -> String {
        guard let t = timestamp, let ms = Timestamp.parse(t) else { return "<unknown>" }
        return humanDuration(now - ms)
    }

    static func age(of object: JSONValue, now: Millis) -> String { age(object.creationTimestamp, now: now) }

    /// `labels.FormatLabels`: sorted `k=v` joined by `,`, or `<none>`.
    static func labels(_ map: [String: String]) -> String {
        if map.isEmpty { return none }
        return map.keys.sorted().map { "\($0)=\(map[$0] ?? "")" }.joined(separator: ",")
    }

    /// A label selector (`metav1.FormatLabelSelector`): matchLabels then expressions; `<none>` when empty.
    static func selector(_ selector: JSONValue) -> String {
        var parts: [(String, String)] = []
        let match = selector["matchLabels"].stringMap
        for k in match.keys.sorted() { parts.append((k, "\(k)=\(match[k] ?? "")")) }
        for expr in selector["matchExpressions"].items {
            let key = expr["key"].string ?? ""
            let values = expr["values"].items.compactMap(\.scalarText).sorted()
            switch expr["operator"].string ?? "" {
            case "In": parts.append((key, "\(key) in (\(values.joined(separator: ",")))"))
            case "NotIn": parts.append((key, "\(key) notin (\(values.joined(separator: ",")))"))
            case "DoesNotExist": parts.append((key, "!\(key)"))
            default: parts.append((key, key))
            }
        }
        if parts.isEmpty { return none }
        // labels.Selector sorts its requirements by key (stable for equal keys).
        let sorted = parts.enumerated().sorted { a, b in
            a.element.0 != b.element.0 ? a.element.0 < b.element.0 : a.offset < b.offset
        }
        return sorted.map(\.element.1).joined(separator: ",")
    }

    /// Short access-mode names in kubectl's fixed order (`RWO,ROX,RWX,RWOP`), joined by `,`.
    static func accessModes(_ modes: JSONValue) -> String {
        let given = Set(modes.items.compactMap(\.string))
        let order = [("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"),
                     ("ReadWriteOncePod", "RWOP")]
        return order.filter { given.contains($0.0) }.map(\.1).joined(separator: ",")
    }

    /// A resource quantity as the API server would print it (already canonical in our store).
    static func quantity(_ v: JSONValue) -> String { v.scalarText ?? "0" }

    static func int(_ v: JSONValue, default d: Int = 0) -> Int { v.int ?? d }

    /// Container names and images of a pod spec, for the wide CONTAINERS/IMAGES columns.
    static func containersAndImages(_ podSpec: JSONValue) -> (String, String) {
        let cs = podSpec["containers"].items
        return (cs.map { $0["name"].string ?? "" }.joined(separator: ","),
                cs.map { $0["image"].string ?? "" }.joined(separator: ","))
    }

    /// A cell is cut at its first line break, with `...` appended (tableprinter `printRows`).
    static func sanitize(_ cell: String) -> String {
        guard let i = cell.unicodeScalars.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }) else {
            return escapeTerminal(cell)
        }
        return escapeTerminal(String(cell.unicodeScalars[..<i])) + "..."
    }

    /// cli-runtime's `EscapeTerminal`: ESC becomes `^[` and CR becomes `\r`, so object data cannot
    /// drive the learner's terminal.
    static func escapeTerminal(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "\u{1B}" || $0 == "\r" }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "\u{1B}": out.append(contentsOf: "^[".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default: out.append(u)
            }
        }
        return String(out)
    }
}
