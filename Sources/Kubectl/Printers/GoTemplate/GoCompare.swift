/// Go's template comparisons (`eq`, `ne`, `lt`, `le`, `gt`, `ge`): basic kinds only, integers of any
/// size compare with each other, everything else of different kinds is an error.
enum GoCompare {
    private enum Basic {
        case bool(Bool), int(Int64), uint(UInt64), float(Double), string(String), invalid
    }

    private static func basic(_ v: GoTemplateValue) -> Basic {
        switch v.kind {
        case .bool(let b): return .bool(b)
        case .int(let i, let t): return t.isUnsigned ? .uint(UInt64(i)) : .int(i)
        case .float(let d): return .float(d)
        case .string(let s): return .string(s)
        default: return .invalid
        }
    }

    private static func sameKind(_ a: Basic, _ b: Basic) -> Bool {
        switch (a, b) {
        case (.bool, .bool), (.int, .int), (.uint, .uint), (.float, .float), (.string, .string), (.invalid, .invalid): return true
        default: return false
        }
    }

    static func eq(_ arg1: GoTemplateValue, _ rest: [GoTemplateValue]) throws(GoTemplateCallError) -> Bool {
        let a1 = arg1.unboxed
        if rest.isEmpty { throw .call("missing argument for comparison") }
        let k1 = basic(a1)
        for arg in rest {
            let a = arg.unboxed
            let k2 = basic(a)
            var truth = false
            if !sameKind(k1, k2) {
                switch (k1, k2) {
                case (.int(let x), .uint(let y)): truth = x >= 0 && UInt64(x) == y
                case (.uint(let x), .int(let y)): truth = y >= 0 && x == UInt64(y)
                default:
                    if a1.isValid && a.isValid { throw .call("incompatible types for comparison") }
                }
            } else {
                switch (k1, k2) {
                case (.bool(let x), .bool(let y)): truth = x == y
                case (.int(let x), .int(let y)): truth = x == y
                case (.uint(let x), .uint(let y)): truth = x == y
                case (.float(let x), .float(let y)): truth = x == y
                case (.string(let x), .string(let y)): truth = x == y
                default:
                    // Maps, slices and nil: only nil compares.
                    if !a1.isValid || !a.isValid {
                        truth = !a1.isValid && !a.isValid
                    } else if a1.typeName != a.typeName {
                        throw .call("non-comparable types \(GoFmt.plain(a1)): \(a1.typeName), \(a.typeName): \(GoFmt.plain(a))")
                    } else {
                        throw .call("non-comparable type \(GoFmt.plain(a)): \(a.typeName)")
                    }
                }
            }
            if truth { return true }
        }
        return false
    }

    static func lt(_ arg1: GoTemplateValue, _ arg2: GoTemplateValue) throws(GoTemplateCallError) -> Bool {
        let k1 = basic(arg1.unboxed)
        if case .invalid = k1 { throw .call("invalid type for comparison") }
        let k2 = basic(arg2.unboxed)
        if case .invalid = k2 { throw .call("invalid type for comparison") }
        switch (k1, k2) {
        case (.int(let x), .uint(let y)): return x < 0 || UInt64(x) < y
        case (.uint(let x), .int(let y)): return y >= 0 && x < UInt64(y)
        case (.bool, .bool): throw .call("invalid type for comparison")
        case (.int(let x), .int(let y)): return x < y
        case (.uint(let x), .uint(let y)): return x < y
        case (.float(let x), .float(let y)): return x < y
        case (.string(let x), .string(let y)): return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
        default: throw .call("incompatible types for comparison")
        }
    }
}
