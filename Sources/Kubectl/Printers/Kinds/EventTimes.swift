import KubeAPI

/// Times of an event row: LAST SEEN, FIRST SEEN and COUNT as printers.go derives them.
struct EventTimes {
    var first: String
    var last: String
    var count: Int
    var firstMillis: Millis?
    var lastMillis: Millis?

    init(_ o: JSONValue, now: Millis) {
        let firstTS = o["firstTimestamp"].string.flatMap(Timestamp.parse) ?? o["eventTime"].string.flatMap(Timestamp.parse)
        var lastTS = o["lastTimestamp"].string.flatMap(Timestamp.parse) ?? firstTS
        var count = o["count"].int ?? 0
        if !o["series"].isNull {
            lastTS = o["series"]["lastObservedTime"].string.flatMap(Timestamp.parse)
            count = o["series"]["count"].int ?? 0
        } else if count == 0 {
            count = 1
        }
        firstMillis = firstTS
        lastMillis = lastTS
        first = firstTS.map { humanDuration(now - $0) } ?? "<unknown>"
        last = lastTS.map { humanDuration(now - $0) } ?? "<unknown>"
        self.count = count
    }

    /// The age column of describe's Events table and of `kubectl events` (both upstream's
    /// getInterval): the age, or `LAST (xN over FIRST)` for a repeated event or a series.
    static func interval(of e: JSONValue, now: Millis) -> String {
        func since(_ text: String?) -> String { text.flatMap(Timestamp.parse).map { humanDuration(now - $0) } ?? "<unknown>" }
        let first = e["eventTime"].string != nil ? since(e["eventTime"].string) : since(e["firstTimestamp"].string)
        if !e["series"].isNull {
            return "\(since(e["series"]["lastObservedTime"].string)) (x\(e["series"]["count"].int ?? 0) over \(first))"
        }
        if let count = e["count"].int, count > 1 { return "\(since(e["lastTimestamp"].string)) (x\(count) over \(first))" }
        return first
    }
}
