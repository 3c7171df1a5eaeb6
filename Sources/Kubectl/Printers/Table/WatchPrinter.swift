import KubeAPI

/// `kubectl get -w`: the header once, then one row per change, each flushed on its own and aligned
/// by the widths remembered so far (so a wider cell pushes later columns right, as on a real terminal).
public struct WatchPrinter: Sendable {
    public let type: ResourceType
    public var options: TableOptions
    /// `--output-watch-events`: an EVENT column (`ADDED`, `MODIFIED`, `DELETED`) first.
    public let outputWatchEvents: Bool
    private var writer = TabWriter.table()
    private var printedHeader = false

    public init(type: ResourceType, options: TableOptions = TableOptions(), outputWatchEvents: Bool = false) {
        self.type = type
        self.options = options
        self.outputWatchEvents = outputWatchEvents
    }

    /// The initial list (nothing at all when empty).
    public mutating func initial(_ objects: [JSONValue], now: Millis) -> String {
        var out = ""
        var objects = objects
        if let sortBy = options.sortBy, let sorted = try? ObjectSorter.sort(objects, by: sortBy, table: true) { objects = sorted }
        for o in objects { out += rowText(o, event: "ADDED", now: now, flush: false) }
        return out + writer.flush()
    }

    /// One watch event (`ADDED`, `MODIFIED`, `DELETED`); the row shows the object's state in that event.
    public mutating func event(_ eventType: String, _ object: JSONValue, now: Millis) -> String {
        rowText(object, event: eventType, now: now, flush: true)
    }

    private mutating func rowText(_ object: JSONValue, event: String, now: Millis, flush: Bool) -> String {
        let (header, rows) = TablePrinter.cells(for: type, objects: [object], options: options, now: now)
        if !printedHeader && !options.noHeaders {
            writer.write(((outputWatchEvents ? ["EVENT"] : []) + header).joined(separator: "\t") + "\n")
        }
        printedHeader = true
        for row in rows { writer.write(((outputWatchEvents ? [event] : []) + row).joined(separator: "\t") + "\n") }
        return flush ? writer.flush() : ""
    }
}
