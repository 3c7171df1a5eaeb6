import KubeAPI

/// `--sort-by`: orders objects by the first JSONPath result as kubectl's `RuntimeSort` does:
/// numbers numerically, strings bytewise unless both read as resource quantities (`1Gi` < `1500Mi`),
/// objects without the field first. Equal keys keep their order.
public enum ObjectSorter {
    /// - Parameter table: sorting table rows, where kubectl's `TableSorter` prefixes parse errors
    ///   with `sorting error: `; other printers report the JSONPath error as it is.
    public static func sort(_ objects: [JSONValue], by field: String, table: Bool = false) throws(JSONPathError) -> [JSONValue] {
        // A field that is not a relaxed path (`{.a.b`) is parsed as written, as `NewRuntimeSorter` does.
        let expression = (try? CustomColumns.relaxedExpression(field)) ?? field
        let path: JSONPath
        do {
            path = try JSONPath(expression)
        } catch {
            throw JSONPathError(table ? "sorting error: \(error.message)" : error.message)
        }
        var keys: [JSONValue?] = []
        for o in objects { keys.append(try path.findResults(o).first?.first) }
        if !objects.isEmpty && keys.allSatisfy({ $0 == nil }) {
            throw JSONPathError("couldn't find any field with path \"\(expression)\" in the list of objects")
        }
        let present = keys.compactMap { $0 }.filter { !$0.isNull }
        if present.count >= 2, let why = unsortable(present) {
            // isLess fails on the first pair it meets, and the sorter ends kubectl with klog.Exitf.
            var error = JSONPathError("Field \(expression) in \(table ? "[][][]reflect.Value" : "*unstructured.Unstructured") "
                + "is an unsortable type: interface, err: \(why)")
            error.klogLocation = table ? "sorter.go:375" : "sorter.go:329"
            throw error
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

    /// Why sorter.go's isLess cannot order these unstructured values: maps, lists and booleans
    /// have no order there, and values of different types none between them.
    static func unsortable(_ values: [JSONValue]) -> String? {
        var kinds: Set<String> = []
        for v in values {
            switch v {
            case .object: return "unsortable type: map[string]interface {}"
            case .array: return "unsortable type: []interface {}"
            case .bool: return "unsortable type: bool"
            case .string: kinds.insert("string")
            case .int: kinds.insert("int64")
            case .double: kinds.insert("float64")
            case .null: break
            }
        }
        return kinds.count > 1 ? "unsortable interface: interface" : nil
    }

    static func less(_ l: JSONValue, _ r: JSONValue) -> Bool {
        switch (l, r) {
        case (.string(let a), .string(let b)):
            if let qa = quantity(a), let qb = quantity(b) { return qa < qb }
            return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        case (.bool(let a), .bool(let b)): return !a && b
        default:
            if let a = l.double, let b = r.double { return a < b }
            return false
        }
    }

    /// `resource.ParseQuantity`: a number with an optional SI, binary or exponent suffix.
    static func quantity(_ s: String) -> Double? {
        var body = Substring(s)
        var sign = 1.0
        if body.hasPrefix("+") { body = body.dropFirst() } else if body.hasPrefix("-") { sign = -1; body = body.dropFirst() }
        let numberEnd = body.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? body.endIndex
        let number = body[..<numberEnd]
        guard !number.isEmpty, number.filter({ $0 == "." }).count <= 1, number != ".", let value = Double(number) else { return nil }
        let suffix = String(body[numberEnd...])
        let factors: [String: Double] = [
            "": 1, "n": 1e-9, "u": 1e-6, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
            "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776, "Pi": 1_125_899_906_842_624,
            "Ei": 1_152_921_504_606_846_976,
        ]
        if let f = factors[suffix] { return sign * value * f }
        if let first = suffix.first, first == "e" || first == "E" {
            var exp = suffix.dropFirst()
            if exp.hasPrefix("+") || exp.hasPrefix("-") { exp = exp.dropFirst() }
            guard !exp.isEmpty, exp.allSatisfy({ $0.isASCII && $0.isNumber }), let e = Double(suffix.dropFirst()) else { return nil }
            return sign * value * pow10(e)
        }
        return nil
    }

    private static func pow10(_ e: Double) -> Double {
        var r = 1.0
        let n = Int(abs(e).rounded())
        for _ in 0..<min(n, 400) { r *= 10 }
        return e < 0 ? 1 / r : r
    }

    /// Digits sort before other bytes and digit runs compare by value (kept for callers that want it).
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
