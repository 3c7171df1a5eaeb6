/// `--request-timeout`, as client-go's clientcmd.ParseTimeout reads it when kubectl builds its
/// client: a non-negative whole number of seconds, or a Go duration (`1s`, `2m`, `-1s`). Anything
/// else stops the command before any request is sent.
enum RequestTimeout {
    static let invalidText = "Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)"

    static func isValid(_ value: String) -> Bool {
        if let seconds = Int64(value), seconds >= 0 { return true }
        let unsigned = value.hasPrefix("-") || value.hasPrefix("+") ? String(value.dropFirst()) : value
        return Duration.parseGo(unsigned) != nil
    }
}
