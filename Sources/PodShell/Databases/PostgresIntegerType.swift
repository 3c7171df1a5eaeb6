/// PostgreSQL's integer types, which its arithmetic checks instead of wrapping: `2147483647 + 1` is
/// `ERROR:  integer out of range` (int4pl), a bigint past 2^63 `bigint out of range` (int8pl).
///
/// The engine keeps every integer as an Int64, so an expression's type is worked out from its
/// parts as PostgreSQL's parser does: a literal that fits in 32 bits is `integer`, a larger one
/// `bigint`; a column has its declared type; an operator takes the wider operand's type (an
/// untyped operand adopts the other's); COUNT and SUM of integers are `bigint`.
enum PostgresIntegerType: String, Comparable, Sendable {
    case smallint, integer, bigint

    var range: ClosedRange<Int64> {
        switch self {
        case .smallint: return Int64(Int16.min)...Int64(Int16.max)
        case .integer: return Int64(Int32.min)...Int64(Int32.max)
        case .bigint: return Int64.min...Int64.max
        }
    }

    private var width: Int {
        switch self {
        case .smallint: return 2
        case .integer: return 4
        case .bigint: return 8
        }
    }

    static func < (a: Self, b: Self) -> Bool { a.width < b.width }

    /// A column's integer type; nil for text, dates and numeric.
    init?(column: SQLColumnType) {
        switch column.base {
        case .integer, .tinyint: self = .integer
        case .bigint: self = .bigint
        case .smallint: self = .smallint
        default: return nil
        }
    }

    /// The type of an integer expression; nil when it is not one PostgreSQL would type as an integer.
    static func of(_ expression: SQLExpression, table: SQLTable?) -> PostgresIntegerType? {
        switch expression {
        case .literal(.integer(let n)): return Int32(exactly: n) != nil ? .integer : .bigint
        case .negate(let inner):
            if let n = foldedConstant(expression) { return of(.literal(.integer(n)), table: table) }
            return of(inner, table: table)
        case .column(_, let name, _):
            guard let table, let index = table.columnIndex(name) else { return nil }
            return PostgresIntegerType(column: table.columns[index].type)
        case .binary(let op, let left, let right) where ["+", "-", "*", "/", "%"].contains(op):
            let a = of(left, table: table), b = of(right, table: table)
            guard let a else { return isUntyped(left) ? b : nil }
            guard let b else { return isUntyped(right) ? a : nil }
            return max(a, b)
        case .function(let name, let arguments, _, _):
            switch name {
            case "COUNT": return .bigint
            // SUM of bigint is numeric, which never overflows here.
            case "SUM": return arguments.first.flatMap { of($0, table: table) } == .bigint ? nil : .bigint
            case "MAX", "MIN", "ABS": return arguments.first.flatMap { of($0, table: table) }
            case "LENGTH", "CHAR_LENGTH": return .integer
            default: return nil
            }
        default: return nil
        }
    }

    /// The value of a number with signs in front (`-2147483648`, `-(-2147483648)`): the parser folds
    /// each sign into the constant, so the constant is typed by its final value and never overflows.
    static func foldedConstant(_ expression: SQLExpression) -> Int64? {
        switch expression {
        case .literal(.integer(let n)): return n
        case .negate(let inner):
            guard let n = foldedConstant(inner), n != Int64.min else { return nil }
            return -n
        default: return nil
        }
    }

    /// A quoted literal or NULL: PostgreSQL resolves its type from the other operand.
    private static func isUntyped(_ expression: SQLExpression) -> Bool {
        switch expression {
        case .literal(.text), .literal(.null): return true
        default: return false
        }
    }

    /// Checked arithmetic: the result, or the error PostgreSQL raises for this type.
    static func apply(_ op: String, _ x: Int64, _ y: Int64, type: PostgresIntegerType) throws(SQLError) -> Int64 {
        let result: (partialValue: Int64, overflow: Bool)
        switch op {
        case "+": result = x.addingReportingOverflow(y)
        case "-": result = x.subtractingReportingOverflow(y)
        case "*": result = x.multipliedReportingOverflow(by: y)
        case "/":
            guard y != 0 else { throw .divisionByZero }
            result = x.dividedReportingOverflow(by: y)
        default:
            guard y != 0 else { throw .divisionByZero }
            // int4mod: the remainder of MIN / -1 is 0, not an overflow.
            result = y == -1 ? (0, false) : x.remainderReportingOverflow(dividingBy: y)
        }
        guard !result.overflow, type.range.contains(result.partialValue) else { throw .integerOutOfRange(type) }
        return result.partialValue
    }
}
