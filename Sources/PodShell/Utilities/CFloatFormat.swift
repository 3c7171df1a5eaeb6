#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// C's printf for one floating-point conversion (`%.6g`, `%10.3e`), which awk's OFMT and CONVFMT and
/// its `printf %e/%g` are defined by. The format comes from a learner's program, so it is checked
/// first: exactly one `e E f F g G a A` conversion with flags, a width and a precision below 1000,
/// any other text around it, and `%%`; anything else gives nil and the caller falls back.
enum CFloatFormat {
    static func string(_ format: String, _ value: Double) -> String? {
        guard isSingleFloatConversion(format) else { return nil }
        var buffer = [CChar](repeating: 0, count: 128)
        var needed = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        guard needed >= 0 else { return nil }
        if Int(needed) >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(needed) + 1)
            needed = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
            guard needed >= 0 else { return nil }
        }
        return String(decoding: buffer[..<Int(needed)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// awk's `%.6g` for a number that is not printed as an integer.
    static func shortest(_ value: Double) -> String { string("%.6g", value) ?? String(value) }

    private static func isSingleFloatConversion(_ format: String) -> Bool {
        let c = Array(format.utf8)
        var conversions = 0
        var i = 0
        while i < c.count {
            guard c[i] == UInt8(ascii: "%") else { i += 1; continue }
            i += 1
            if i < c.count, c[i] == UInt8(ascii: "%") { i += 1; continue }
            while i < c.count, "-+ #0".utf8.contains(c[i]) { i += 1 }
            var width = 0, precision = 0
            while i < c.count, c[i] >= 48, c[i] <= 57 { width = width * 10 + Int(c[i] - 48); i += 1; if width >= 1000 { return false } }
            if i < c.count, c[i] == UInt8(ascii: ".") {
                i += 1
                while i < c.count, c[i] >= 48, c[i] <= 57 { precision = precision * 10 + Int(c[i] - 48); i += 1; if precision >= 1000 { return false } }
            }
            guard i < c.count, "eEfFgGaA".utf8.contains(c[i]) else { return false }
            conversions += 1
            i += 1
        }
        return conversions == 1
    }
}
