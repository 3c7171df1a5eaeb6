import Testing
@testable import KubeAPI

/// `ResourceQuantity.canonical` against what the real kubectl v1.32 wrote for each quantity
/// (`kubectl set resources -f sts.yaml --local --limits=cpu=Q -o jsonpath=...`, which prints the
/// parsed `resource.Quantity`).
@Suite struct CanonicalQuantityTests {
    static let observed: [(String, String)] = [
        ("0.5", "500m"), ("1.5Gi", "1536Mi"), ("1000m", "1"), ("2048", "2048"), ("1000", "1k"), ("1e3", "1e3"),
        ("12e2", "1200"), ("0.5Mi", "512Ki"), ("1.0000000001", "1000000001n"), ("100Mi", "100Mi"), ("1536Ki", "1536Ki"),
        ("0.1", "100m"), ("5Ki", "5Ki"), ("1024", "1024"), ("1023Ki", "1023Ki"), ("2k", "2k"), ("1E", "1E"), ("0", "0"),
        ("0Mi", "0"), ("0.0", "0"), ("-1", "-1"), ("1.5", "1500m"), ("12.50m", "12500u"), ("+2", "+2"),
    ]

    @Test(arguments: observed)
    func canonicalTextIsKubectls(_ c: (String, String)) {
        #expect(ResourceQuantity.canonical(c.0) == c.1)
    }

    @Test func malformedIsNilAndHugeKeepsItsText() {
        #expect(ResourceQuantity.canonical("abc") == nil)
        #expect(ResourceQuantity.canonical("1Q") == nil)
        #expect(ResourceQuantity.canonical("") == nil)
        // Digits beyond 64 bits: the text as written, never a crash.
        #expect(ResourceQuantity.canonical("99999999999999999999999") == "99999999999999999999999")
        #expect(ResourceQuantity.canonical("16Ei") == "16Ei")
        #expect(ResourceQuantity.canonical("1e999999") == "1e999999")
    }
}
