import KubeAPI

/// `-o custom-columns=NAME:.metadata.name,IP:.status.podIP`: one aligned table over all objects.
public struct CustomColumns: Sendable {
    public struct Column: Sendable {
        public let header: String
        public let path: JSONPath
    }

    public let columns: [Column]

    /// Parses the spec with kubectl's error texts.
    public init(spec: String) throws(JSONPathError) {
        if spec.isEmpty { throw JSONPathError("custom-columns format specified but no custom columns given") }
        var columns: [Column] = []
        for part in spec.split(separator: ",", omittingEmptySubsequences: false) {
            guard let colon = part.firstIndex(of: ":") else {
                throw JSONPathError("unexpected custom-columns spec: \(part), expected <header>:<json-path-expr>")
            }
            let expression = try Self.relaxedExpression(String(part[part.index(after: colon)...]))
            columns.append(Column(header: String(part[..<colon]), path: try JSONPath(expression)))
        }
        self.columns = columns
    }

    /// Accepts `a.b`, `.a.b`, `{a.b}` and `{.a.b}`, giving `{.a.b}` (kubectl `RelaxedJSONPathExpression`).
    public static func relaxedExpression(_ expression: String) throws(JSONPathError) -> String {
        if expression.isEmpty { return expression }
        var body = Substring(expression)
        if body.hasPrefix("{") && body.hasSuffix("}") && body.count >= 2 {
            body = body.dropFirst().dropLast()
        }
        if body.hasPrefix(".") { body = body.dropFirst() }
        if body.isEmpty || body.contains("{") || body.contains("}") {
            throw JSONPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
        }
        return "{.\(body)}"
    }

    /// The table: header once (unless `noHeaders`), then one row per object.
    public func render(_ objects: [JSONValue], noHeaders: Bool = false) throws(JSONPathError) -> String {
        var writer = TabWriter.table()
        if !noHeaders { writer.write(columns.map(\.header).joined(separator: "\t") + "\n") }
        for object in objects {
            var cells: [String] = []
            for column in columns {
                let groups = try column.path.findResults(object)
                var values: [String] = []
                if groups.isEmpty || groups[0].isEmpty { values.append("<none>") }
                for group in groups { for v in group { values.append(CellFormat.escapeTerminal(GoFormat.plain(v))) } }
                cells.append(values.joined(separator: ","))
            }
            writer.write(cells.joined(separator: "\t") + "\n")
        }
        return writer.flush()
    }
}
