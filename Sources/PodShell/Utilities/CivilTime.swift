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

    /// strftime subset used by `date +FORMAT`.
    static func format(_ format: String, millis: Int64) -> String {
        let t = CivilTime(millis: millis)
        var out = ""
        var chars = format.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { out.append(c); continue }
            guard let f = chars.next() else { out.append("%"); break }
            switch f {
            case "Y": out += String(t.year)
            case "y": out += pad(t.year % 100)
            case "C": out += pad(t.year / 100)
            case "m": out += pad(t.month)
            case "d": out += pad(t.day)
            case "e": out += pad(t.day, 2, " ")
            case "H": out += pad(t.hour)
            case "I": out += pad(t.hour % 12 == 0 ? 12 : t.hour % 12)
            case "M": out += pad(t.minute)
            case "S": out += pad(t.second)
            case "p": out += t.hour < 12 ? "AM" : "PM"
            case "s": out += String(millis / 1000)
            case "N": out += pad(Int(millis % 1000) * 1_000_000, 9)
            case "a": out += days[t.weekday]
            case "A": out += daysLong[t.weekday]
            case "b", "h": out += months[t.month - 1]
            case "B": out += monthsLong[t.month - 1]
            case "j": out += pad(t.dayOfYear, 3)
            case "u": out += String(t.weekday == 0 ? 7 : t.weekday)
            case "w": out += String(t.weekday)
            case "Z": out += "UTC"
            case "z": out += "+0000"
            case "T": out += "\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second))"
            case "R": out += "\(pad(t.hour)):\(pad(t.minute))"
            case "D": out += "\(pad(t.month))/\(pad(t.day))/\(pad(t.year % 100))"
            case "F": out += "\(t.year)-\(pad(t.month))-\(pad(t.day))"
            case "c": out += "\(days[t.weekday]) \(months[t.month - 1]) \(pad(t.day, 2, " ")) \(pad(t.hour)):\(pad(t.minute)):\(pad(t.second)) \(t.year)"
            case "n": out += "\n"
            case "t": out += "\t"
            case "%": out += "%"
            default: out += "%" + String(f)
            }
        }
        return out
    }
}
