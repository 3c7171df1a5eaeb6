extension JSONValue {
    /// Equality as apimachinery's `Semantic.DeepEqual` sees decoded objects: maps are equal when
    /// they hold the same keys with equal values, whatever their order (a JSONValue keeps the order
    /// it was written in, which `==` compares).
    public func isSemanticallyEqual(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let theirs = b[key], value.isSemanticallyEqual(to: theirs) else { return false }
            }
            return true
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            return zip(a, b).allSatisfy { $0.isSemanticallyEqual(to: $1) }
        default:
            return self == other
        }
    }
}
