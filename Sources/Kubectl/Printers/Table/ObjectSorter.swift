import KubeAPI

/// `--sort-by`: orders objects by the first JSONPath result, strings in natural order
/// (kubectl's `sortorder.NaturalLess`), numbers numerically; objects without the field go first.
public enum ObjectSorter {
    public static func sort(_ objects: [JSONValue], by field: String) throws(JSONPathError) -> [JSONValue] {
        let expression = try CustomColumns.relaxedExpression(field)
        let path = try JSONPath(expression)
        var keys: [JSONValue?] = []
        for o in objects { keys.append(try path.findResults(o).first?.first) }
        if !objects.isEmpty && keys.allSatisfy({ $0 == nil }) {
            throw JSONPathError("couldn't find any field with path \"\(expression)\" in the list of objects")
        }
        let indexed = Array(zip(objects.indices, keys))
        let sorted = indexed.sorted { a, b in
            if let l = a.1, let r = b.1 {
                if less(l, r) { return true }
                if less(r, l) { return false }
            } else if a.1 == nil && b.1 != nil {
                return true
            } else if a.1 != nil && b.1 == nil {
                return false
            }
            return a.0 < b.0
        }
        return sorted.map { objects[$0.0] }
    }

    static func less(_ l: JSONValue, _ r: JSONValue) -> Bool {
        switch (l, r) {
        case (.string(let a), .string(let b)): return naturalLess(a, b)
        case (.bool(let a), .bool(let b)): return !a && b
        default:
            if let a = l.double, let b = r.double { return a < b }
            return false
        }
    }

    /// Digits sort before other bytes and digit runs compare by value.
    static func naturalLess(_ s1: String, _ s2: String) -> Bool {
        let a = Array(s1.utf8)
        let b = Array(s2.utf8)
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            let d1 = isDigit(a[i])
            let d2 = isDigit(b[j])
            if d1 != d2 { return d1 }
            if !d1 {
                if a[i] != b[j] { return a[i] < b[j] }
                i += 1
                j += 1
                continue
            }
            while i < a.count && a[i] == 48 { i += 1 }
            while j < b.count && b[j] == 48 { j += 1 }
            let n1 = i
            let n2 = j
            while i < a.count && isDigit(a[i]) { i += 1 }
            while j < b.count && isDigit(b[j]) { j += 1 }
            if i - n1 != j - n2 { return i - n1 < j - n2 }
            let r1 = a[n1..<i]
            let r2 = b[n2..<j]
            if r1 != r2 { return r1.lexicographicallyPrecedes(r2) }
            if n1 != n2 { return n1 < n2 }
        }
        return a.count < b.count
    }
}
