/// One cell: the engine keeps only integers, text and NULL; dates are text in MySQL's format.
public enum SQLValue: Equatable, Hashable, Sendable {
    case null
    case integer(Int64)
    case text(String)

    /// How the clients print it (NULL as `NULL`; psql prints it as empty, see `PsqlFormatter`).
    public var displayText: String {
        switch self {
        case .null: return "NULL"
        case .integer(let n): return String(n)
        case .text(let s): return s
        }
    }

    var isNull: Bool { self == .null }

    /// MySQL's truthiness: non-zero numbers, numeric-looking text.
    var isTrue: Bool {
        switch self {
        case .null: return false
        case .integer(let n): return n != 0
        case .text(let s): return s == "t" || (Self.leadingInteger(s) ?? 0) != 0
        }
    }

    /// The number a text converts to in arithmetic and comparisons (`'12abc'` → 12).
    var numeric: Int64? {
        switch self {
        case .null: return nil
        case .integer(let n): return n
        case .text(let s): return Self.leadingInteger(s)
        }
    }

    static func leadingInteger(_ s: String) -> Int64? {
        let trimmed = s.drop(while: { $0 == " " })
        var digits = ""
        for (i, c) in trimmed.enumerated() {
            if c.isASCII && c.isNumber { digits.append(c) } else if i == 0 && (c == "-" || c == "+") { digits.append(c) } else { break }
            if digits.count > 19 { break }
        }
        return Int64(digits)
    }

    static func boolean(_ flag: Bool) -> SQLValue { .integer(flag ? 1 : 0) }

    /// Three-way comparison; nil when either side is NULL. Numbers compare numerically,
    /// texts case-insensitively (MySQL's default collation).
    static func compare(_ a: SQLValue, _ b: SQLValue, caseInsensitive: Bool) -> Int? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case (.text(let x), .text(let y)):
            let l = caseInsensitive ? x.lowercased() : x
            let r = caseInsensitive ? y.lowercased() : y
            return l == r ? 0 : (l < r ? -1 : 1)
        default:
            guard let x = a.numeric, let y = b.numeric else { return nil }
            return x == y ? 0 : (x < y ? -1 : 1)
        }
    }
}

/// Stored as plain JSON scalars (`null`, `12`, `"text"`), so the table files stay readable with `cat`.
extension SQLValue: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let n = try? container.decode(Int64.self) { self = .integer(n) }
        else { self = .text(try container.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let n): try container.encode(n)
        case .text(let s): try container.encode(s)
        }
    }
}
