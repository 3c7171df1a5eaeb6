/// A CronJob schedule as the controller parses it (robfig/cron's `ParseStandard`): five fields
/// (minute, hour, day of month, month, day of week) with `*`, `?`, lists, ranges, steps and
/// month/day names, or a descriptor (`@hourly`, `@daily`, `@every 90s`...). Errors carry the
/// parser's words, which the API server puts after `spec.schedule: Invalid value:`.
public struct CronExpression: Equatable, Sendable {
    var minutes: UInt64 = 0
    var hours: UInt64 = 0
    var daysOfMonth: UInt64 = 0
    var months: UInt64 = 0
    var daysOfWeek: UInt64 = 0
    /// A `*` or `?` day field: the days then match on both fields instead of either.
    var anyDayOfMonth = false
    var anyDayOfWeek = false
    /// `@every <duration>`: a constant delay instead of calendar fields.
    var every: Millis?

    struct Bounds {
        let min: Int, max: Int
        let names: [String: Int]
    }

    static let minuteBounds = Bounds(min: 0, max: 59, names: [:])
    static let hourBounds = Bounds(min: 0, max: 23, names: [:])
    static let domBounds = Bounds(min: 1, max: 31, names: [:])
    static let monthBounds = Bounds(min: 1, max: 12, names: [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ])
    static let dowBounds = Bounds(min: 0, max: 6, names: ["sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6])

    static let descriptors: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    public struct ParseError: Error, Equatable, Sendable {
        public let message: String
    }

    /// Parses `text`; a `TZ=`/`CRON_TZ=` prefix is read as the parser does (the API server refuses it separately).
    public static func parse(_ text: String) -> Result<CronExpression, ParseError> {
        var spec = Substring(text)
        if spec.isEmpty { return .failure(ParseError(message: "empty spec string")) }
        if spec.hasPrefix("TZ=") || spec.hasPrefix("CRON_TZ=") {
            let eq = spec.firstIndex(of: "=")!
            let end = spec.firstIndex(of: " ") ?? spec.endIndex
            let zone = String(spec[spec.index(after: eq)..<end])
            if case .failure(let e) = CronTimeZone.named(zone) {
                return .failure(ParseError(message: "provided bad location \(zone): \(e.message)"))
            }
            spec = spec[end...].drop { $0 == " " }
        }
        if spec.hasPrefix("@") { return descriptor(String(spec)) }
        let fields = spec.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        guard fields.count == 5 else {
            return .failure(ParseError(message: "expected exactly 5 fields, found \(fields.count): [\(fields.joined(separator: " "))]"))
        }
        var e = CronExpression()
        do {
            e.minutes = try field(fields[0], minuteBounds).bits
            e.hours = try field(fields[1], hourBounds).bits
            (e.daysOfMonth, e.anyDayOfMonth) = try field(fields[2], domBounds)
            e.months = try field(fields[3], monthBounds).bits
            (e.daysOfWeek, e.anyDayOfWeek) = try field(fields[4], dowBounds)
        } catch {
            return .failure(error)
        }
        return .success(e)
    }

    static func descriptor(_ spec: String) -> Result<CronExpression, ParseError> {
        if let fields = descriptors[spec] { return parse(fields) }
        if spec.hasPrefix("@every ") {
            let text = String(spec.dropFirst(7))
            guard let ms = GoDurationText.parse(text) else {
                return .failure(ParseError(message: "failed to parse duration \(spec): time: invalid duration \(GoFormat.quoted(text))"))
            }
            var e = CronExpression()
            // Under a second becomes a second; anything else is cut to whole seconds.
            e.every = max(1000, ms - ms % 1000)
            return .success(e)
        }
        return .failure(ParseError(message: "unrecognized descriptor: \(spec)"))
    }

    /// One comma-separated field: the bits it sets and whether it started with `*` / `?` (no step).
    static func field(_ text: String, _ b: Bounds) throws(ParseError) -> (bits: UInt64, star: Bool) {
        var bits: UInt64 = 0
        var star = false
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let r = try range(String(part), b)
            bits |= r.bits
            star = star || r.star
        }
        return (bits, star)
    }

    static func range(_ expr: String, _ b: Bounds) throws(ParseError) -> (bits: UInt64, star: Bool) {
        let rangeAndStep = expr.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let lowAndHigh = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        var start: Int, end: Int, step = 1
        var star = false
        if lowAndHigh[0] == "*" || lowAndHigh[0] == "?" {
            start = b.min
            end = b.max
            star = true
        } else {
            start = try intOrName(lowAndHigh[0], b.names)
            switch lowAndHigh.count {
            case 1: end = start
            case 2: end = try intOrName(lowAndHigh[1], b.names)
            default: throw ParseError(message: "too many hyphens: \(expr)")
            }
        }
        switch rangeAndStep.count {
        case 1: break
        case 2:
            step = try number(rangeAndStep[1])
            // `N/step` means N through the maximum.
            if lowAndHigh.count == 1 { end = b.max }
            if step > 1 { star = false }
        default:
            throw ParseError(message: "too many slashes: \(expr)")
        }
        if start < b.min { throw ParseError(message: "beginning of range (\(start)) below minimum (\(b.min)): \(expr)") }
        if end > b.max { throw ParseError(message: "end of range (\(end)) above maximum (\(b.max)): \(expr)") }
        if start > end { throw ParseError(message: "beginning of range (\(start)) beyond end of range (\(end)): \(expr)") }
        if step == 0 { throw ParseError(message: "step of range should be a positive number: \(expr)") }
        var bits: UInt64 = 0
        var i = start
        while i <= end {
            bits |= 1 << UInt64(i)
            i += step
        }
        return (bits, star)
    }

    static func intOrName(_ text: String, _ names: [String: Int]) throws(ParseError) -> Int {
        if let n = names[text.lowercased()] { return n }
        return try number(text)
    }

    /// Go's `strconv.Atoi` plus the parser's refusal of negative numbers.
    static func number(_ text: String) throws(ParseError) -> Int {
        let n: Int
        switch GoAtoi.parse(text) {
        case .success(let value): n = value
        case .failure(let failure): throw ParseError(message: "failed to parse int from \(text): " + GoAtoi.message(text, failure))
        }
        if n < 0 { throw ParseError(message: "negative number (\(n)) not allowed: \(text)") }
        return n
    }

    // MARK: Next activation

    /// The first activation strictly after `utc`, reading the fields as wall time in `zone`; nil
    /// when none falls in the next five years (`30 0 31 2 *`).
    public func next(after utc: Millis, in zone: CronTimeZone) -> Millis? {
        if let every { return utc - Timestamp.floorMod(utc, 1000) + every }
        let minute: Millis = 60_000, hour = 60 * minute, day = 24 * hour
        var t = utc + Millis(zone.offset(at: utc)) * 1000
        t = t - Timestamp.floorMod(t, minute) + minute
        let yearLimit = Timestamp.civil(t).0 + 5
        var steps = 0
        while steps < 200_000 {
            steps += 1
            let (y, mo, d, h, mi, _) = Timestamp.civil(t)
            if y > yearLimit { return nil }
            let dayStart = t - Timestamp.floorMod(t, day)
            if months & (1 << UInt64(mo)) == 0 {
                let nextMonth = mo == 12 ? Timestamp.daysFromCivil(y + 1, 1, 1) : Timestamp.daysFromCivil(y, mo + 1, 1)
                t = Millis(nextMonth) * day
                continue
            }
            if !matchesDay(dayOfMonth: d, weekday: Int(Timestamp.floorMod(Timestamp.floorDiv(t, day) + 4, 7))) {
                t = dayStart + day
                continue
            }
            if hours & (1 << UInt64(h)) == 0 {
                t = t - Timestamp.floorMod(t, hour) + hour
                continue
            }
            if minutes & (1 << UInt64(mi)) == 0 {
                t += minute
                continue
            }
            let instant = zone.utc(ofLocal: t)
            if instant > utc { return instant }
            t += minute
        }
        return nil
    }

    /// robfig's dayMatches: with either day field `*`, both must match; otherwise either may.
    func matchesDay(dayOfMonth: Int, weekday: Int) -> Bool {
        let dom = daysOfMonth & (1 << UInt64(dayOfMonth)) != 0
        let dow = daysOfWeek & (1 << UInt64(weekday)) != 0
        return anyDayOfMonth || anyDayOfWeek ? dom && dow : dom || dow
    }
}

/// Go's `time.ParseDuration` for the units a schedule uses (`90s`, `1h30m`, `500ms`).
enum GoDurationText {
    static func parse(_ text: String) -> Millis? {
        let units: [(String, Double)] = [("ns", 1e-6), ("us", 1e-3), ("µs", 1e-3), ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        var rest = Substring(text)
        guard !rest.isEmpty, rest != "0" else { return rest == "0" ? 0 : nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else {
                return nil
            }
            rest = rest.dropFirst(unit.count)
            total += value * scale
            guard total < 9.2e15 else { return nil }
        }
        return Millis(total)
    }
}
