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
}
