/// A String's two machine words, read to tell quickly that two keys differ.
///
/// JSON key lookups compare a key with every key of an object, and almost every comparison is
/// unequal. `String ==` is quick only when both strings have the same bits; otherwise it calls
/// into the runtime, which must allow for canonical equivalence ("\u{212A}" == "K"). Two strings
/// the runtime has flagged all-ASCII are already in normal form, so they are equal exactly when
/// their bytes are: strings of different lengths, or two different small (inline) strings,
/// cannot be equal. Anything else is left to `==`.
///
/// The words are read as the standard library lays them out on 64-bit platforms
/// (`_StringObject`): the second word's top nibble is 0xE for a small ASCII string, with its
/// length below it; a large string keeps its length in the first word's low 48 bits and its
/// ASCII flag in bit 63. StringBitsTests checks this layout on the toolchain in use; were it to
/// change, the test fails (and a string misread as not ASCII only costs the quick path).
@frozen @usableFromInline
struct StringBits: Equatable {
    @usableFromInline let low: UInt64
    @usableFromInline let high: UInt64

    @inlinable @inline(__always)
    init(_ string: String) {
        (low, high) = unsafeBitCast(string, to: (UInt64, UInt64).self)
    }

    /// The words as read from memory holding a String (see `JSONObject.index(forKey:)`).
    @inlinable @inline(__always)
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Stored inline, all ASCII.
    @inlinable @inline(__always)
    var isSmallASCII: Bool { high >> 60 == 0xE }

    /// The UTF-8 length of a string flagged all-ASCII, or -1 when it may not be ASCII.
    @inlinable @inline(__always)
    var asciiCount: Int {
        if isSmallASCII { return Int(truncatingIfNeeded: (high >> 56) & 0xF) }
        if (high >> 61) & 1 == 0, low >> 63 == 1 { return Int(truncatingIfNeeded: low & 0xFFFF_FFFF_FFFF) }
        return -1
    }

    /// Whether two strings with these bits are equal, reading their bytes directly when both are
    /// large ASCII strings of one length ("creationTimestamp" against "deletionTimestamp"): for
    /// those `==` goes through the runtime's Unicode comparison, several times slower.
    @inlinable @inline(__always)
    static func equal(_ a: StringBits, _ aString: String, _ b: StringBits, _ bString: String) -> Bool {
        if a == b { return true }
        if a.isSmallASCII && b.isSmallASCII { return false }
        if a.isSmallASCII || b.isSmallASCII { return mayBeEqual(a, b) && aString == bString }
        let n = a.asciiCount
        if n < 0 || b.asciiCount < 0 { return aString == bString }
        if n != b.asciiCount { return false }
        let bytesEqual = aString.utf8.withContiguousStorageIfAvailable { x in
            bString.utf8.withContiguousStorageIfAvailable { y -> Bool in
                var i = 0
                while i < n {
                    if x[i] != y[i] { return false }
                    i += 1
                }
                return true
            }
        }
        if let known = bytesEqual ?? nil { return known }
        return aString == bString
    }

    /// False only for strings that cannot be equal; true leaves the answer to `==`.
    @inlinable @inline(__always)
    static func mayBeEqual(_ a: StringBits, _ b: StringBits) -> Bool {
        if a == b { return true }
        if a.isSmallASCII && b.isSmallASCII { return false }
        let n = a.asciiCount, m = b.asciiCount
        return n < 0 || m < 0 || n == m
    }
}
