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

    static func pad(_ v: Int, _ width: Int = 2, _ fill: Character = "0") -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: fill, count: width - s.count) + s
    }

    /// strftime subset used by `date +FORMAT`. Written as bytes: every container that runs `date`
    /// formats the time, and a string built piece by piece cost more than the rest of the command.
    static func format(_ format: String, millis: Int64) -> String {
        let t = CivilTime(millis: millis)
        var out: [UInt8] = []
        out.reserveCapacity(format.utf8.count + 24)
        func text(_ s: String) { out.append(contentsOf: s.utf8) }
        func number(_ v: Int, _ width: Int = 2, fill: UInt8 = UInt8(ascii: "0")) {
            if v < 0 { text(pad(v, width, Character(Unicode.Scalar(fill)))); return }
            var digits: [UInt8] = []
            var rest = v
            repeat {
                digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            if digits.count < width { out.append(contentsOf: repeatElement(fill, count: width - digits.count)) }
            out.append(contentsOf: digits.reversed())
        }
        func clock(_ withSeconds: Bool) {
            number(t.hour)
            out.append(UInt8(ascii: ":"))
            number(t.minute)
            if withSeconds {
                out.append(UInt8(ascii: ":"))
                number(t.second)
            }
        }
        let space = UInt8(ascii: " ")
        var chars = format.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { out.append(contentsOf: c.utf8); continue }
            guard let f = chars.next() else { out.append(UInt8(ascii: "%")); break }
            switch f {
            case "Y": number(t.year, 1)
            case "y": number(t.year % 100)
            case "C": number(t.year / 100)
            case "m": number(t.month)
            case "d": number(t.day)
            case "e": number(t.day, fill: space)
            case "H": number(t.hour)
            case "I": number(t.hour % 12 == 0 ? 12 : t.hour % 12)
            case "M": number(t.minute)
            case "S": number(t.second)
            case "p": text(t.hour < 12 ? "AM" : "PM")
            case "s": text(String(millis / 1000))
            case "N": number(Int(millis % 1000) * 1_000_000, 9)
            case "a": text(days[t.weekday])
            case "A": text(daysLong[t.weekday])
            case "b", "h": text(months[t.month - 1])
            case "B": text(monthsLong[t.month - 1])
            case "j": number(t.dayOfYear, 3)
            case "u": number(t.weekday == 0 ? 7 : t.weekday, 1)
            case "w": number(t.weekday, 1)
            case "Z": text("UTC")
            case "z": text("+0000")
            case "T": clock(true)
            case "R": clock(false)
            case "D":
                number(t.month)
                out.append(UInt8(ascii: "/"))
                number(t.day)
                out.append(UInt8(ascii: "/"))
                number(t.year % 100)
            case "F":
                number(t.year, 1)
                out.append(UInt8(ascii: "-"))
                number(t.month)
                out.append(UInt8(ascii: "-"))
                number(t.day)
            case "c":
                text(days[t.weekday])
                out.append(space)
                text(months[t.month - 1])
                out.append(space)
                number(t.day, fill: space)
                out.append(space)
                clock(true)
                out.append(space)
                number(t.year, 1)
            case "n": out.append(UInt8(ascii: "\n"))
            case "t": out.append(UInt8(ascii: "\t"))
            case "%": out.append(UInt8(ascii: "%"))
            default:
                out.append(UInt8(ascii: "%"))
                out.append(contentsOf: f.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
