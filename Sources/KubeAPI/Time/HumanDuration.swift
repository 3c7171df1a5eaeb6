/// kubectl's AGE text (apimachinery `duration.HumanDuration`), from milliseconds.
public func humanDuration(_ ms: Millis) -> String {
    let seconds = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000)
    if seconds < -1 { return "<invalid>" }
    if seconds < 0 { return "0s" }
    if seconds < 120 { return "\(seconds)s" }
    let minutes = seconds / 60
    if minutes < 10 {
        let s = seconds % 60
        return s == 0 ? "\(minutes)m" : "\(minutes)m\(s)s"
    }
    if minutes < 180 { return "\(minutes)m" }
    let hours = seconds / 3600
    if hours < 8 {
        let m = minutes % 60
        return m == 0 ? "\(hours)h" : "\(hours)h\(m)m"
    }
    if hours < 48 { return "\(hours)h" }
    if hours < 24 * 8 {
        let h = hours % 24
        return h == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(h)h"
    }
    if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
    if hours < 24 * 365 * 8 {
        let dy = (hours / 24) % 365
        return dy == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(dy)d"
    }
    return "\(hours / 24 / 365)y"
}
