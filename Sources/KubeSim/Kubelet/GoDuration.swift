import KubeAPI

/// Go's `time.Duration.String()` for millisecond-truncated durations, as kubelet messages print
/// them (`812ms`, `2.069s`, `1m2.5s`).
public enum GoDuration {
    public static func format(_ ms: Millis) -> String {
        if ms == 0 { return "0s" }
        if ms < 0 { return "-" + format(-ms) }
        if ms < 1000 { return "\(ms)ms" }
        let hours = ms / 3_600_000
        let minutes = (ms / 60_000) % 60
        let seconds = (ms / 1000) % 60
        let millis = ms % 1000
        var text = ""
        if hours > 0 { text += "\(hours)h" }
        if hours > 0 || minutes > 0 { text += "\(minutes)m" }
        text += "\(seconds)"
        if millis > 0 {
            var frac = String(millis)
            frac = String(repeating: "0", count: 3 - frac.count) + frac
            while frac.hasSuffix("0") { frac.removeLast() }
            text += "." + frac
        }
        return text + "s"
    }
}
