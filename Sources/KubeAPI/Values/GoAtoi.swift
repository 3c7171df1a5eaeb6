/// Go's `strconv.Atoi` on a 64-bit machine: how kubectl reads numbers typed into string flags
/// (`run --port`, `expose --port`) and the cron parser reads schedule fields. An optional sign,
/// then decimal digits (no underscores, no base prefix); a value past Int64 is out of range, and
/// Go says so as soon as the digits overflow, even when a bad character follows.
public enum GoAtoi {
    public enum Failure: Error, Equatable {
        case invalidSyntax
        case outOfRange
    }

    public static func parse(_ text: String) -> Result<Int, Failure> {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty else { return .failure(.invalidSyntax) }
        var magnitude: UInt64 = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .failure(.invalidSyntax) }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            if o1 || o2 { return .failure(.outOfRange) }
            magnitude = sum
        }
        let limit = UInt64(Int64.max) + (negative ? 1 : 0)
        guard magnitude <= limit else { return .failure(.outOfRange) }
        return .success(negative ? Int(truncatingIfNeeded: 0 &- magnitude) : Int(magnitude))
    }

    /// Go's error text: `strconv.Atoi: parsing "abc": invalid syntax`.
    public static func message(_ text: String, _ failure: Failure) -> String {
        "strconv.Atoi: parsing \(GoFormat.quoted(text)): " + (failure == .invalidSyntax ? "invalid syntax" : "value out of range")
    }
}
