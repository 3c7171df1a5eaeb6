import Foundation
import Testing
@testable import KubeAPI

/// The quick key test reads String's words as this toolchain lays them out; if a Swift update
/// changes the layout, these fail before any lookup goes wrong.
@Suite struct StringBitsTests {
    /// Strings built at run time, so none is a literal the compiler laid out.
    static func made(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    @Test func smallASCIIStringsAreRecognisedWithTheirLength() {
        for text in ["", "a", "name", "metadata", "ownerReferences"] {
            for s in [text, Self.made(text)] {
                let bits = StringBits(s)
                #expect(bits.isSmallASCII, "\(s)")
                #expect(bits.asciiCount == s.utf8.count, "\(s)")
            }
        }
    }

    @Test func nonASCIIStringsAreNeverTakenForASCII() {
        for text in ["\u{212A}", "caf\u{E9}", "cafe\u{301}", "\u{301}", "na\u{EF}ve-label-longer-than-sixteen"] {
            for s in [text, Self.made(text)] {
                let bits = StringBits(s)
                #expect(!bits.isSmallASCII, "\(s)")
                #expect(bits.asciiCount == -1, "\(s)")
            }
        }
    }

    @Test func largeASCIIStringsKeepTheirLength() {
        let long = ["deletionTimestamp", "terminationGracePeriodSeconds", String(repeating: "k", count: 40)]
        for text in long {
            for s in [text, Self.made(text)] {
                let bits = StringBits(s)
                #expect(!bits.isSmallASCII, "\(s)")
                #expect(bits.asciiCount == s.utf8.count, "\(s)")
            }
        }
        // A short string made large (room reserved) is still ASCII of its length.
        var roomy = "spec"
        roomy.reserveCapacity(64)
        #expect(StringBits(roomy).asciiCount == 4)
        #expect(StringBits.mayBeEqual(StringBits(roomy), StringBits("spec")))
    }

    /// `mayBeEqual` is false only for strings that differ; never for equal ones.
    @Test func mayBeEqualNeverRejectsEqualStrings() {
        var roomy = "name"
        roomy.reserveCapacity(64)
        let samples = ["", "K", "\u{212A}", "name", roomy, "names", "caf\u{E9}", "cafe\u{301}", "deletionTimestamp",
                       Self.made("deletionTimestamp"), "creationTimestamp", String(repeating: "\u{212A}", count: 20),
                       String(repeating: "K", count: 20)]
        for a in samples {
            for b in samples {
                let quick = StringBits.mayBeEqual(StringBits(a), StringBits(b))
                if a == b { #expect(quick, "\(a.debugDescription) \(b.debugDescription)") }
            }
        }
        #expect(!StringBits.mayBeEqual(StringBits("name"), StringBits("kind")))
        #expect(!StringBits.mayBeEqual(StringBits("deletionTimestamp"), StringBits("name")))
        #expect(!StringBits.mayBeEqual(StringBits("deletionTimestamp"), StringBits("terminationGracePeriodSeconds")))
    }

    /// `equal` answers exactly as `==` does, for every pair, including same-length large ASCII
    /// keys it compares byte by byte and Unicode-equivalent ones it leaves to `==`.
    @Test func equalAgreesWithStringEquality() {
        var roomy = "name"
        roomy.reserveCapacity(64)
        let samples = ["", "K", "\u{212A}", "name", roomy, "names", "caf\u{E9}", "cafe\u{301}", "deletionTimestamp",
                       Self.made("deletionTimestamp"), "creationTimestamp", Self.made("creationTimestamp"),
                       String(repeating: "\u{212A}", count: 20), String(repeating: "K", count: 20)]
        for a in samples {
            for b in samples {
                #expect(StringBits.equal(StringBits(a), a, StringBits(b), b) == (a == b), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
    }

    /// An object's lookup, which reads keys' words from its storage, finds what a scan with `==` finds.
    @Test func objectLookupsFindWhatEqualityFinds() {
        var roomy = "name"
        roomy.reserveCapacity(64)
        let keys = ["apiVersion", "creationTimestamp", "\u{212A}", "caf\u{E9}", Self.made("deletionTimestamp"), roomy,
                    "terminationGracePeriodSeconds"]
        var object = JSONObject()
        for (i, key) in keys.enumerated() { object[key] = .int(i) }
        let probes = keys + ["K", "cafe\u{301}", "deletionTimestamp", "name", Self.made("creationTimestamp"), "missing",
                             "terminationGracePeriodSecondz"]
        for probe in probes {
            #expect(object.index(forKey: probe) == keys.firstIndex(where: { $0 == probe }), "\(probe.debugDescription)")
        }
    }
}
