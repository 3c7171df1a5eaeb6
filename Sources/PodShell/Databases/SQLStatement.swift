/// An expression in a select list, WHERE, SET or VALUES.
indirect enum SQLExpression: Equatable {
    case literal(SQLValue)
    case column(table: String?, name: String, offset: Int)
    case function(name: String, arguments: [SQLExpression], countsRows: Bool, offset: Int)
    case systemVariable(String)
    case negate(SQLExpression)
    case not(SQLExpression)
    case binary(String, SQLExpression, SQLExpression)
    case isNull(SQLExpression, negated: Bool)
    case like(SQLExpression, SQLExpression, negated: Bool)
    case inList(SQLExpression, [SQLExpression], negated: Bool)

    /// True when it contains COUNT(*) or another aggregate.
    var isAggregate: Bool {
        switch self {
        case .function(let name, let args, _, _):
            return ["COUNT", "MAX", "MIN", "SUM"].contains(name) || args.contains { $0.isAggregate }
        case .negate(let e), .not(let e), .isNull(let e, _): return e.isAggregate
        case .binary(_, let a, let b), .like(let a, let b, _): return a.isAggregate || b.isAggregate
        default: return false
        }
    }
}

/// `db.table` or `table`, with where it was written (PostgreSQL points at it in errors).
struct SQLTableReference: Equatable {
    var database: String?
    var name: String
    var offset: Int
}

/// One item of a select list; `text` is how it was typed, which MySQL uses as the column title.
struct SQLSelectItem: Equatable {
    enum Content: Equatable {
        case allColumns
        case expression(SQLExpression)
    }
    var content: Content
    var alias: String?
    var text: String
}

struct SQLSelect: Equatable {
    var items: [SQLSelectItem]
    var from: SQLTableReference?
    var filter: SQLExpression?
    var orderBy: [(expression: SQLExpression, descending: Bool)]
    var limit: Int?
    var offset: Int

    static func == (a: SQLSelect, b: SQLSelect) -> Bool {
        a.items == b.items && a.from == b.from && a.filter == b.filter && a.limit == b.limit && a.offset == b.offset
            && a.orderBy.map(\.expression) == b.orderBy.map(\.expression) && a.orderBy.map(\.descending) == b.orderBy.map(\.descending)
    }
}

/// A parsed statement of the supported subset.
enum SQLStatement: Equatable {
    case createDatabase(name: String, ifNotExists: Bool)
    case dropDatabase(name: String, ifExists: Bool)
    case showDatabases
    case showTables(database: String?)
    /// PostgreSQL's `SHOW name` of a setting.
    case showSetting(String)
    case use(String)
    case createTable(SQLTableReference, columns: [SQLColumn], ifNotExists: Bool)
    case dropTable([SQLTableReference], ifExists: Bool)
    case describe(SQLTableReference)
    case insert(SQLTableReference, columns: [String]?, rows: [[SQLExpression]])
    case select(SQLSelect)
    case update(SQLTableReference, assignments: [SQLAssignment], filter: SQLExpression?)
    case delete(SQLTableReference, filter: SQLExpression?)
    /// Statements accepted and ignored (`SET NAMES utf8`, `BEGIN`, `COMMIT`): they only report success.
    case accepted(tag: String)
}

struct SQLAssignment: Equatable {
    var column: String
    var value: SQLExpression
}
