import KubeAPI

/// Objects of one resource type, in the order `kubectl get` received them.
public struct ResourceGroup: Sendable {
    public var type: ResourceType
    public var objects: [JSONValue]

    public init(_ type: ResourceType, _ objects: [JSONValue]) {
        self.type = type
        self.objects = objects
    }
}

/// `kubectl get` human-readable output: one aligned block per resource type.
public enum TablePrinter {
    /// Header cells and row cells for one type, with wide/namespace/label decorations applied.
    public static func cells(for type: ResourceType, objects: [JSONValue], options: TableOptions, now: Millis)
        -> (header: [String], rows: [[String]])
    {
        let table = ResourceTable.forKind(type.kind)
        let keep = table.columns.map { options.wide || !$0.wide }
        var header = zip(table.columns, keep).filter(\.1).map { $0.0.name.uppercased() }
        let namespaceColumn = options.withNamespace && type.namespaced
        if namespaceColumn { header.insert("NAMESPACE", at: 0) }
        for key in options.labelColumns { header.append(labelColumnHeader(key)) }
        if options.showLabels { header.append("LABELS") }

        var rows: [[String]] = []
        for object in objects {
            var full = type.kind == "Service" ? NetworkTables.serviceRow(object, now: now, wide: options.wide)
                : table.row(object, now)
            if full.count < keep.count { full += Array(repeating: "", count: keep.count - full.count) }
            var row = zip(full, keep).filter(\.1).map { CellFormat.sanitize($0.0) }
            if options.withKind, !row.isEmpty, table.columns.first?.name == "Name" {
                row[0] = "\(type.qualifiedKind)/\(row[0])"
            } else if options.withKind, type.kind == "Event", let i = header.firstIndex(of: "NAME") {
                row[i] = "\(type.qualifiedKind)/\(row[i])"
            }
            if namespaceColumn { row.insert(object.namespace ?? "", at: 0) }
            let labels = object.labels
            for key in options.labelColumns { row.append(labels[key] ?? "") }
            if options.showLabels { row.append(CellFormat.labels(labels)) }
            rows.append(row)
        }
        return (header, rows)
    }

    /// `-L app.kubernetes.io/name` gives the column `NAME`.
    static func labelColumnHeader(_ key: String) -> String {
        (key.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? key).uppercased()
    }

    /// Renders a whole `kubectl get` (several types, as §1.2 of the reference describes): kind prefixes
    /// when more than one type has rows, a blank line between blocks, nothing for empty types.
    /// Returns "" when nothing matched; "No resources found" is the caller's message.
    public static func render(_ groups: [ResourceGroup], options: TableOptions, now: Millis) throws(JSONPathError)
        -> String
    {
        var options = options
        if groups.filter({ !$0.objects.isEmpty }).count > 1 { options.withKind = true }
        var out = ""
        for group in groups where !group.objects.isEmpty {
            var objects = group.objects
            if let sortBy = options.sortBy { objects = try ObjectSorter.sort(objects, by: sortBy, table: true) }
            let (header, rows) = cells(for: group.type, objects: objects, options: options, now: now)
            if !out.isEmpty && !options.noHeaders { out += "\n" }
            var writer = TabWriter.table()
            if !options.noHeaders { writer.write(header.joined(separator: "\t") + "\n") }
            for row in rows { writer.write(row.joined(separator: "\t") + "\n") }
            out += writer.flush()
        }
        return out
    }

    /// One type's table; a convenience for the single-type `get`.
    public static func render(_ type: ResourceType, _ objects: [JSONValue], options: TableOptions, now: Millis)
        throws(JSONPathError) -> String
    {
        try render([ResourceGroup(type, objects)], options: options, now: now)
    }
}
