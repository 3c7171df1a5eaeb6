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

extension Int64 {
    /// `self + other`, stopping at `Int64.max` or `Int64.min` instead of trapping: absurd quantities
    /// written by hand must not overflow the scheduler's books or a QoS sum.
    public func adding(saturating other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// `self - other`, saturating as `adding(saturating:)` does.
    public func subtracting(saturating other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other > 0 ? .min : .max) : difference
    }
}
