/// Calendar fields of a virtual-clock instant (UTC), for `date +FORMAT` and `ls -l`.
struct CivilTime {
    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// 0 = Sunday.
    let weekday: Int
    let dayOfYear: Int

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let monthsLong = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let daysLong = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    init(millis: Int64) {
        let secs = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400
        let rem = Int(secs - days * 86400)
        hour = rem / 3600
        minute = (rem % 3600) / 60
        second = rem % 60
        weekday = Int(((days % 7) + 7 + 4) % 7)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = Int(m <= 2 ? y + 1 : y)
        month = Int(m)
        day = Int(d)
        let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        dayOfYear = cumulative[month - 1] + day + (leap && month > 2 ? 1 : 0)
    }

    /// Go's log package stamp (LstdFlags), which hello-app and nginx's error log write: `2025/06/02 09:00:06`.
    var goLogStamp: String {
        "\(year)/\(Self.pad(month))/\(Self.pad(day)) \(Self.pad(hour)):\(Self.pad(minute)):\(Self.pad(second))"
    }

    static func pad(_ v: Int, _ width: Int = 2, _ fill: Character = "0") -> String {
        var out: [UInt8] = []
        appendPadded(v, width, fill == " " ? UInt8(ascii: " ") : UInt8(ascii: "0"), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `v` in decimal, filled on the left to `width` bytes.
    static func appendPadded(_ v: Int, _ width: Int, _ fill: UInt8, to out: inout [UInt8]) {
        var digits: [UInt8] = []
        var n = v.magnitude
        repeat { digits.append(UInt8(ascii: "0") + UInt8(n % 10)); n /= 10 } while n > 0
        if v < 0 { digits.append(UInt8(ascii: "-")) }
        if digits.count < width { out.append(contentsOf: repeatElement(fill, count: width - digits.count)) }
        out.append(contentsOf: digits.reversed())
    }

    /// strftime subset used by `date +FORMAT`.
    /// Walks the format's UTF-8 bytes: `date` runs in every quick Job's container, and stepping
    /// through Characters cost more than the rest of the command.
    static func format(_ format: String, millis: Int64) -> String {
        let t = CivilTime(millis: millis)
        var out: [UInt8] = []
        out.reserveCapacity(32)
        func text(_ s: String) { out.append(contentsOf: s.utf8) }
        func num(_ v: Int, _ width: Int = 2, _ fill: UInt8 = UInt8(ascii: "0")) { appendPadded(v, width, fill, to: &out) }
        var bytes = format.utf8.makeIterator()
        while let c = bytes.next() {
            guard c == UInt8(ascii: "%") else { out.append(c); continue }
            guard let f = bytes.next() else { out.append(c); break }
            switch f {
            case UInt8(ascii: "Y"): num(t.year, 1)
            case UInt8(ascii: "y"): num(t.year % 100)
            case UInt8(ascii: "C"): num(t.year / 100)
            case UInt8(ascii: "m"): num(t.month)
            case UInt8(ascii: "d"): num(t.day)
            case UInt8(ascii: "e"): num(t.day, 2, UInt8(ascii: " "))
            case UInt8(ascii: "H"): num(t.hour)
            case UInt8(ascii: "I"): num(t.hour % 12 == 0 ? 12 : t.hour % 12)
            case UInt8(ascii: "M"): num(t.minute)
            case UInt8(ascii: "S"): num(t.second)
            case UInt8(ascii: "p"): text(t.hour < 12 ? "AM" : "PM")
            case UInt8(ascii: "s"): text(String(millis / 1000))
            case UInt8(ascii: "N"): num(Int(millis % 1000) * 1_000_000, 9)
            case UInt8(ascii: "a"): text(days[t.weekday])
            case UInt8(ascii: "A"): text(daysLong[t.weekday])
            case UInt8(ascii: "b"), UInt8(ascii: "h"): text(months[t.month - 1])
            case UInt8(ascii: "B"): text(monthsLong[t.month - 1])
            case UInt8(ascii: "j"): num(t.dayOfYear, 3)
            case UInt8(ascii: "u"): num(t.weekday == 0 ? 7 : t.weekday, 1)
            case UInt8(ascii: "w"): num(t.weekday, 1)
            case UInt8(ascii: "Z"): text("UTC")
            case UInt8(ascii: "z"): text("+0000")
            case UInt8(ascii: "T"): num(t.hour); text(":"); num(t.minute); text(":"); num(t.second)
            case UInt8(ascii: "R"): num(t.hour); text(":"); num(t.minute)
            case UInt8(ascii: "D"): num(t.month); text("/"); num(t.day); text("/"); num(t.year % 100)
            case UInt8(ascii: "F"): num(t.year, 1); text("-"); num(t.month); text("-"); num(t.day)
            case UInt8(ascii: "c"):
                text(days[t.weekday]); text(" "); text(months[t.month - 1]); text(" "); num(t.day, 2, UInt8(ascii: " "))
                text(" "); num(t.hour); text(":"); num(t.minute); text(":"); num(t.second); text(" "); num(t.year, 1)
            case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "%"): out.append(f)
            default:
                // An unknown conversion is printed as written; a multi-byte character after `%` stays whole.
                out.append(c)
                out.append(f)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
