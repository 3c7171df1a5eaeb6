/// The IANA time zones a CronJob's `spec.timeZone` may name, as far as kubelab knows them: zones
/// with one fixed offset, and the common North American and European zones with their current
/// daylight-saving rules. Other names get Go's `time.LoadLocation` error, as the API server
/// reports it.
public struct CronTimeZone: Equatable, Sendable {
    /// Daylight-saving rules in use today.
    enum Daylight: Equatable, Sendable {
        case none
        /// Second Sunday of March 02:00 local to first Sunday of November 02:00 local (+1 h).
        case unitedStates
        /// Last Sunday of March to last Sunday of October, 01:00 UTC (+1 h).
        case europe
    }

    public let name: String
    /// Standard offset east of UTC, in seconds.
    let standardOffset: Int
    let daylight: Daylight

    public static let utc = CronTimeZone(name: "UTC", standardOffset: 0, daylight: .none)

    static let fixed: [String: Int] = [
        "UTC": 0, "Etc/UTC": 0, "GMT": 0, "Etc/GMT": 0, "Etc/Universal": 0, "Universal": 0, "Zulu": 0, "Etc/Zulu": 0,
        "Asia/Seoul": 32_400, "ROK": 32_400, "Asia/Tokyo": 32_400, "Japan": 32_400, "Asia/Pyongyang": 32_400,
        "Asia/Shanghai": 28_800, "PRC": 28_800, "Asia/Hong_Kong": 28_800, "Asia/Taipei": 28_800, "Asia/Singapore": 28_800,
        "Asia/Manila": 28_800, "Asia/Kuala_Lumpur": 28_800, "Australia/Perth": 28_800,
        "Asia/Bangkok": 25_200, "Asia/Jakarta": 25_200, "Asia/Ho_Chi_Minh": 25_200,
        "Asia/Kolkata": 19_800, "Asia/Calcutta": 19_800, "Asia/Karachi": 18_000, "Asia/Dubai": 14_400,
        "Europe/Moscow": 10_800, "Europe/Istanbul": 10_800, "Africa/Nairobi": 10_800, "Asia/Riyadh": 10_800,
        "Africa/Johannesburg": 7_200, "Africa/Cairo": 7_200, "Africa/Lagos": 3_600,
        "America/Sao_Paulo": -10_800, "America/Argentina/Buenos_Aires": -10_800, "America/Bogota": -18_000,
        "America/Lima": -18_000, "America/Mexico_City": -21_600, "America/Phoenix": -25_200, "Pacific/Honolulu": -36_000,
        "Australia/Brisbane": 36_000,
    ]

    static let seasonal: [String: (Int, Daylight)] = [
        "America/New_York": (-18_000, .unitedStates), "US/Eastern": (-18_000, .unitedStates),
        "America/Chicago": (-21_600, .unitedStates), "US/Central": (-21_600, .unitedStates),
        "America/Denver": (-25_200, .unitedStates), "US/Mountain": (-25_200, .unitedStates),
        "America/Los_Angeles": (-28_800, .unitedStates), "US/Pacific": (-28_800, .unitedStates),
        "America/Toronto": (-18_000, .unitedStates), "America/Vancouver": (-28_800, .unitedStates),
        "Europe/London": (0, .europe), "Europe/Dublin": (0, .europe), "Europe/Lisbon": (0, .europe),
        "Europe/Berlin": (3_600, .europe), "Europe/Paris": (3_600, .europe), "Europe/Madrid": (3_600, .europe),
        "Europe/Rome": (3_600, .europe), "Europe/Amsterdam": (3_600, .europe), "Europe/Brussels": (3_600, .europe),
        "Europe/Vienna": (3_600, .europe), "Europe/Zurich": (3_600, .europe), "Europe/Stockholm": (3_600, .europe),
        "Europe/Oslo": (3_600, .europe), "Europe/Copenhagen": (3_600, .europe), "Europe/Warsaw": (3_600, .europe),
        "Europe/Prague": (3_600, .europe), "Europe/Helsinki": (7_200, .europe), "Europe/Athens": (7_200, .europe),
        "Europe/Kiev": (7_200, .europe), "Europe/Kyiv": (7_200, .europe),
    ]

    /// The zone `name` names, or Go's error text (`unknown time zone Asia/Seol`).
    public static func named(_ name: String) -> Result<CronTimeZone, ZoneError> {
        if name.isEmpty { return .success(.utc) }
        if let offset = fixed[name] { return .success(CronTimeZone(name: name, standardOffset: offset, daylight: .none)) }
        if let (offset, rule) = seasonal[name] { return .success(CronTimeZone(name: name, standardOffset: offset, daylight: rule)) }
        // Etc/GMT+5 is five hours *behind* UTC (POSIX sign).
        if name.hasPrefix("Etc/GMT"), let hours = Int(name.dropFirst(7)), name.count > 7, (-14...12).contains(hours),
            name.dropFirst(7).first == "+" || name.dropFirst(7).first == "-"
        {
            return .success(CronTimeZone(name: name, standardOffset: -hours * 3600, daylight: .none))
        }
        return .failure(ZoneError(message: "unknown time zone \(name)"))
    }

    public struct ZoneError: Error, Equatable, Sendable {
        public let message: String
    }

    /// The offset east of UTC in seconds at the instant `utc` (milliseconds).
    public func offset(at utc: Millis) -> Int {
        guard daylight != .none else { return standardOffset }
        let (year, _, _, _, _, _) = Timestamp.civil(utc)
        let start: Millis, end: Millis
        switch daylight {
        case .none:
            return standardOffset
        case .unitedStates:
            // 02:00 standard time, and 02:00 daylight time (01:00 standard) at the end.
            start = Self.utcMillis(year, 3, Self.nthSunday(year, 3, 2), 2) - Millis(standardOffset) * 1000
            end = Self.utcMillis(year, 11, Self.nthSunday(year, 11, 1), 1) - Millis(standardOffset) * 1000
        case .europe:
            start = Self.utcMillis(year, 3, Self.lastSunday(year, 3), 1)
            end = Self.utcMillis(year, 10, Self.lastSunday(year, 10), 1)
        }
        return utc >= start && utc < end ? standardOffset + 3600 : standardOffset
    }

    /// The UTC instant of a local wall time; in a gap the later offset applies, in an overlap the first.
    public func utc(ofLocal local: Millis) -> Millis {
        let first = local - Millis(offset(at: local - Millis(standardOffset) * 1000)) * 1000
        if Millis(offset(at: first)) * 1000 + first == local { return first }
        return local - Millis(offset(at: first)) * 1000
    }

    /// `2025-06-02T18:02:00+09:00` (Go's RFC3339 in this zone; `Z` for UTC).
    public func rfc3339(_ utc: Millis) -> String {
        let off = offset(at: utc)
        let text = Timestamp.rfc3339(utc + Millis(off) * 1000)
        // Go's `Z07:00` writes Z for any zero offset.
        guard off != 0 else { return text }
        let sign = off < 0 ? "-" : "+"
        let a = abs(off)
        return String(text.dropLast()) + sign + Timestamp.pad(a / 3600) + ":" + Timestamp.pad((a / 60) % 60)
    }

    static func utcMillis(_ y: Int, _ m: Int, _ d: Int, _ h: Int) -> Millis {
        Millis((Timestamp.daysFromCivil(y, m, d) * 24 + h) * 3600) * 1000
    }

    /// Day of month of the n-th Sunday.
    static func nthSunday(_ y: Int, _ m: Int, _ n: Int) -> Int {
        let weekday = (Timestamp.daysFromCivil(y, m, 1) + 4) % 7  // 0 = Sunday
        let first = 1 + (7 - (weekday < 0 ? weekday + 7 : weekday)) % 7
        return first + 7 * (n - 1)
    }

    static func lastSunday(_ y: Int, _ m: Int) -> Int {
        let days = m == 12 ? 31 : Timestamp.daysFromCivil(y, m + 1, 1) - Timestamp.daysFromCivil(y, m, 1)
        let weekday = (Timestamp.daysFromCivil(y, m, days) + 4) % 7
        return days - (weekday < 0 ? weekday + 7 : weekday)
    }
}
