/// Conversions that cannot trap. Learners type `1e19`, `inf` and `9223372036854775807` on purpose,
/// and Swift's `Int(someDouble)` stops the whole process (and the session with it) when the value
/// does not fit. Tools written in C clamp or wrap instead; these helpers give the clamped answer.
extension Int {
    /// The Int nearest to `value` after dropping its fraction: NaN is 0, values beyond the range
    /// (including the infinities) are `Int.min` or `Int.max`, as an x86 C cast saturates in awk.
    public init(saturating value: Double) {
        if value.isNaN { self = 0 }
        // 2^63 is the first Double above Int.max; everything at or beyond it saturates.
        else if value >= 9_223_372_036_854_775_808.0 { self = .max }
        else if value < -9_223_372_036_854_775_808.0 { self = .min }
        else { self = Int(value.rounded(.towardZero)) }
    }
}

extension Int64 {
    /// See `Int(saturating:)`.
    public init(saturating value: Double) { self = Int64(Int(saturating: value)) }
}
