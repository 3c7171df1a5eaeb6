import KubeAPI
import Testing

@Suite struct JSONObjectTests {
    /// A deterministic shuffle step, so the index checks exercise varied positions.
    private static func scramble(_ i: Int) -> Int { (i * 37 + 11) % 101 }

    /// Every key must be found at the position a linear scan of `elements` gives.
    private static func expectIndexAgrees(_ o: JSONObject, probes: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for key in probes {
            let scanned = o.elements.firstIndex { $0.key == key }
            #expect(o.index(forKey: key) == scanned, "key \(key)", sourceLocation: sourceLocation)
            #expect(o[key] == scanned.map { o.elements[$0].value }, "key \(key)", sourceLocation: sourceLocation)
        }
    }

    private static func keys(_ v: JSONValue) -> [String] { v.object.map { Array($0.keys) } ?? [] }

    /// The key scan reads each member's key from the start of its storage.
    @Test func aMembersKeyIsStoredFirst() {
        #expect(MemoryLayout<JSONObject.Member>.offset(of: \JSONObject.Member.key) == 0)
        let o: JSONObject = ["a": 1, "a-key-longer-than-fifteen-bytes": 2]
        #expect(o["a-key-longer-than-fifteen-bytes"] == 2 && o["a"] == 1 && o["b"] == nil)
        // Members iterate as (key, value) pairs.
        #expect(o.map { "\($0.key)=\($0.value.int ?? 0)" } == ["a=1", "a-key-longer-than-fifteen-bytes=2"])
    }

    @Test func keysKeepInsertionOrder() {
        var o = JSONObject()
        o["zeta"] = 1
        o["alpha"] = 2
        o["mid"] = 3
        #expect(Array(o.keys) == ["zeta", "alpha", "mid"])
        #expect(Array(o.values) == [1, 2, 3])
        #expect(o.count == 3)
        #expect(!o.isEmpty)
        #expect(JSONObject().isEmpty)
    }

    @Test func replacingAValueKeepsItsPosition() {
        var o: JSONObject = ["a": 1, "b": 2, "c": 3]
        o["b"] = "two"
        #expect(Array(o.keys) == ["a", "b", "c"])
        #expect(o["b"] == "two")
        #expect(o.updateValue(4, forKey: "a") == 1)
        #expect(o.updateValue(5, forKey: "d") == nil)
        #expect(Array(o.keys) == ["a", "b", "c", "d"])
        #expect(o["a"] == 4)
    }

    @Test func nilRemovesAndRemovalClosesTheGap() {
        var o: JSONObject = ["a": 1, "b": 2, "c": 3]
        o["b"] = nil
        #expect(Array(o.keys) == ["a", "c"])
        #expect(o.removeValue(forKey: "a") == 1)
        #expect(o.removeValue(forKey: "missing") == nil)
        #expect(Array(o.keys) == ["c"])
        #expect(o.index(forKey: "c") == 0)
        #expect(o["b"] == nil)
        // A stored JSON null is a value, unlike a Swift nil.
        o["n"] = .some(.null)
        #expect(o.count == 2)
    }

    @Test func nestedWritesThroughJSONValueChangeInPlace() {
        var v: JSONValue = ["metadata": ["name": "x", "labels": ["app": "web"]], "spec": [:]]
        v["metadata"]["labels"]["tier"] = "front"
        v["metadata"]["name"] = nil
        v["status"]["phase"] = "Running"
        #expect(Self.keys(v["metadata"]) == ["labels"])
        #expect(Self.keys(v["metadata"]["labels"]) == ["app", "tier"])
        #expect(Self.keys(v) == ["metadata", "spec", "status"])
        #expect(v["status"]["phase"] == "Running")
        // Writing .null through a nested path removes the key rather than storing a null.
        v["status"]["phase"] = .null
        #expect(v["status"].object?.isEmpty == true)
    }

    @Test func modifyInPlaceThroughTheObjectSubscript() {
        var o: JSONObject = ["list": [1], "n": 1]
        o["list"]?[0] = 5
        o["n"] = nil
        o["new", default: [:]]["k"] = "v"
        #expect(o == ["list": [5], "new": ["k": "v"]])
    }

    @Test func largeObjectIndexAgreesWithALinearScan() {
        var o = JSONObject()
        var probes: [String] = []
        for i in 0..<100 {
            let key = "k\(Self.scramble(i))"
            probes.append(key)
            o[key] = .int(i)
        }
        probes.append("absent")
        Self.expectIndexAgrees(o, probes: probes)
        // Removals from the front, middle and end shift later positions.
        for i in stride(from: 0, to: 100, by: 3) { o[probes[i]] = nil }
        o.removeValue(forKey: probes[1])
        o.remove(at: o.count - 1)
        Self.expectIndexAgrees(o, probes: probes)
        // Replacements keep positions; re-inserted keys go to the end.
        for i in stride(from: 2, to: 100, by: 5) { o[probes[i]] = "replaced" }
        o[probes[0]] = "back"
        #expect(o.elements.last?.key == probes[0])
        Self.expectIndexAgrees(o, probes: probes)
        // Shrinking below the threshold and growing again.
        while o.count > 10 { o.remove(at: o.count / 2) }
        Self.expectIndexAgrees(o, probes: probes)
        for i in 0..<60 { o["again\(i)"] = .int(i) }
        Self.expectIndexAgrees(o, probes: probes + (0..<60).map { "again\($0)" })
        o.sort { $0.key < $1.key }
        #expect(Array(o.keys) == o.keys.sorted())
        Self.expectIndexAgrees(o, probes: probes + (0..<60).map { "again\($0)" })
    }

    @Test func equalityNeedsTheSameOrder() {
        let ab: JSONObject = ["a": 1, "b": 2]
        let ba: JSONObject = ["b": 2, "a": 1]
        #expect(ab != ba)
        #expect(ab == ["a": 1, "b": 2])
        #expect(ab != ["a": 1, "b": 3])
        #expect(ab != ["a": 1])
        #expect(JSONValue.object(ab) != JSONValue.object(ba))
        #expect(ab.hashValue == JSONObject([("a", 1), ("b", 2)]).hashValue)
        // A large object equals its copy built the same way, whatever its index holds.
        var big = JSONObject()
        for i in 0..<40 { big["k\(i)"] = .int(i) }
        var rebuilt = big
        rebuilt["k3"] = nil
        rebuilt["k3"] = 3
        #expect(rebuilt != big)
        rebuilt.sort { Int($0.key.dropFirst()) ?? 0 < Int($1.key.dropFirst()) ?? 0 }
        #expect(rebuilt == big)
        #expect(Set([rebuilt, big]).count == 1)
    }

    /// Keys compare as Swift strings (canonical equivalence), whatever their byte lengths.
    @Test func lookupsFollowStringEquivalence() {
        var o: JSONObject = ["K": 1, "name": 2]
        #expect(o["\u{212A}"] == 1)  // KELVIN SIGN, three bytes, equivalent to "K"
        #expect(o.index(forKey: "n\u{0061}me") == 1)
        o["caf\u{E9}"] = 3
        #expect(o["cafe\u{301}"] == 3)
        #expect(o["K"] == 1)
        var kelvin: JSONObject = ["\u{212A}": 1, "a": 2]
        #expect(kelvin["K"] == 1)
        kelvin["K"] = 5
        #expect(kelvin.count == 2)
        #expect(kelvin["a"] == 2)
        #expect(kelvin["ab"] == nil)
        // The quick first- and last-byte test skips only ASCII bytes that differ.
        let around: JSONObject = ["a\u{212A}": 1, "\u{212A}a": 2, "ae\u{301}": 3, "\u{301}": 4]
        #expect(around["aK"] == 1)
        #expect(around["Ka"] == 2)
        #expect(around["a\u{E9}"] == 3)
        #expect(around["aa"] == nil)
        #expect(around["\u{301}"] == 4)
        #expect(around[""] == nil)
        // The large-object index hashes keys the same way.
        var big = JSONObject()
        for i in 0..<40 { big["k\(i)"] = .int(i) }
        big["caf\u{E9}"] = "accent"
        #expect(big["cafe\u{301}"] == "accent")
        #expect(big.index(forKey: "cafe\u{301}") == 40)
    }

    @Test func literalKeepsTheLastValueOfARepeatedKey() {
        let o: JSONObject = ["a": 1, "b": 2, "a": 3]
        #expect(Array(o.keys) == ["a", "b"])
        #expect(o["a"] == 3)
    }

    @Test func sortReordersAndIterationFollows() {
        var o: JSONObject = ["c": 3, "a": 1, "b": 2]
        o.sort { $0.key < $1.key }
        #expect(o.map(\.key) == ["a", "b", "c"])
        #expect(o.index(forKey: "c") == 2)
        var seen: [String] = []
        for (key, value) in o { seen.append("\(key)=\(value.scalarText ?? "")") }
        #expect(seen == ["a=1", "b=2", "c=3"])
    }

    @Test func descriptionMatchesTheOrderedDictionaryText() {
        let o: JSONObject = ["a": 1]
        #expect(o.description == #"["a": KubeAPI.JSONValue.int(1)]"#)
        #expect(JSONObject().description == "[:]")
    }

    /// Recorded so layout regressions show up: objects were 24 bytes (three buffers) and
    /// JSONValue had a 32-byte stride.
    @Test func layoutIsTwoWords() {
        #expect(MemoryLayout<JSONObject>.size == 16)
        #expect(MemoryLayout<JSONValue>.size == 17)
        #expect(MemoryLayout<JSONValue>.stride == 24)
    }
}
