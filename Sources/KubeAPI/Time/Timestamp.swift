/// Virtual-clock instants, in milliseconds since the Unix epoch.
///
/// Kept as plain integers so the simulation never touches the host clock; formatting is done by
/// hand (civil-from-days) to stay deterministic and cheap.
public typealias Millis = Int64

public enum Timestamp {
    /// `2025-03-10T09:00:05Z`, the form the API server writes (seconds precision).
    public static func rfc3339(_ ms: Millis) -> String {
        let (y, mo, d, h, mi, s) = civil(ms)
        guard (0...9999).contains(y) else { return "\(pad(y, 4))-\(pad(mo))-\(pad(d))T\(pad(h)):\(pad(mi)):\(pad(s))Z" }
        // Every status write and event formats instants: the 20 ASCII bytes are written directly
        // (string interpolation and padding cost thousands of instructions a call).
        return String(unsafeUninitializedCapacity: 20) { out in
            func digits(_ v: Int, _ width: Int, at start: Int) {
                var v = v
                for i in stride(from: start + width - 1, through: start, by: -1) {
                    out[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
                    v /= 10
                }
            }
            digits(y, 4, at: 0)
            out[4] = 45  // -
            digits(mo, 2, at: 5)
            out[7] = 45
            digits(d, 2, at: 8)
            out[10] = 84  // T
            digits(h, 2, at: 11)
            out[13] = 58  // :
            digits(mi, 2, at: 14)
            out[16] = 58
            digits(s, 2, at: 17)
            out[19] = 90  // Z
            return 20
        }
    }

    /// `2025-03-10T09:00:05.12Z`: Go's RFC3339Nano, fractional zeros dropped (none at a whole second),
    /// the form of `kubectl logs --timestamps`.
    public static func rfc3339Nano(_ ms: Millis) -> String {
        let whole = rfc3339(ms)
        let fraction = Int(ms - floorDiv(ms, 1000) * 1000)
        guard fraction != 0 else { return whole }
        var digits = pad(fraction, 3)
        while digits.hasSuffix("0") { digits.removeLast() }
        return String(whole.dropLast()) + "." + digits + "Z"
    }

    /// `Mon, 10 Mar 2025 09:00:05 +0000`, Go's RFC1123Z used by `kubectl describe`.
    public static func rfc1123z(_ ms: Millis) -> String {
        let (y, mo, d, h, mi, s) = civil(ms)
        return "\(weekday(ms)), \(pad(d)) \(monthNames[mo - 1]) \(y) \(pad(h)):\(pad(mi)):\(pad(s)) +0000"
    }

    /// `Mon Mar 10 09:00:05 UTC 2025`, what `date` prints inside a container.
    public static func dateCommand(_ ms: Millis) -> String {
        let (y, mo, d, h, mi, s) = civil(ms)
        let day = d < 10 ? " \(d)" : "\(d)"
        return "\(weekday(ms)) \(monthNames[mo - 1]) \(day) \(pad(h)):\(pad(mi)):\(pad(s)) UTC \(y)"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z`; nil when malformed.
    public static func parse(_ s: String) -> Millis? {
        // Read in place: controllers parse start and transition times on every sync, and copying
        // the bytes into an array cost more than the parse.
        if let parsed = s.utf8.withContiguousStorageIfAvailable({ parse(utf8: $0) }) { return parsed }
        return Array(s.utf8).withUnsafeBufferPointer { parse(utf8: $0) }
    }

    private static func parse(utf8 u: UnsafeBufferPointer<UInt8>) -> Millis? {
        guard u.count >= 20, u[4] == 45, u[7] == 45, u[10] == 84, u[13] == 58, u[16] == 58 else { return nil }
        func num(_ a: Int, _ b: Int) -> Int? {
            var v = 0
            for i in a..<b { let c = Int(u[i]) - 48; guard c >= 0 && c <= 9 else { return nil }; v = v * 10 + c }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 7), let d = num(8, 10), let h = num(11, 13),
            let mi = num(14, 16), let sec = num(17, 19), (1...12).contains(mo), (1...31).contains(d)
        else { return nil }
        let days = daysFromCivil(y, mo, d)
        return Millis(((days * 24 + h) * 60 + mi) * 60 + sec) * 1000
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let dayNames = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    static func weekday(_ ms: Millis) -> String {
        let days = Int(floorDiv(ms, 86_400_000))
        return dayNames[((days % 7) + 7) % 7]
    }

    static func pad(_ v: Int, _ width: Int = 2) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func floorDiv(_ a: Millis, _ b: Millis) -> Millis { a >= 0 ? a / b : (a - b + 1) / b }

    /// The remainder that goes with `floorDiv`: always in `0..<b`.
    static func floorMod(_ a: Millis, _ b: Millis) -> Millis { a - floorDiv(a, b) * b }

    static func civil(_ ms: Millis) -> (Int, Int, Int, Int, Int, Int) {
        let secs = floorDiv(ms, 1000)
        let days = Int(floorDiv(secs, 86_400))
        let rem = Int(secs - Millis(days) * 86_400)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d, rem / 3600, (rem / 60) % 60, rem % 60)
    }

    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
