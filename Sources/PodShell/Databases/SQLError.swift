/// A statement's failure, worded by each server in its own way (`ERROR 1049 (42000): ...` in
/// MySQL, `ERROR:  ...` with a `LINE 1:` pointer in PostgreSQL).
enum SQLError: Error, Equatable {
    case syntax(offset: Int)
    case databaseExists(String)
    case unknownDatabase(String)
    case cannotDropMissingDatabase(String)
    case cannotDropOpenDatabase
    case noDatabaseSelected
    case tableMissing(database: String, table: String, offset: Int)
    case tableExists(String)
    /// DROP TABLE of missing tables: `db.a,db.b` in MySQL, the first name in PostgreSQL.
    case unknownTable(String)
    case unknownVariable(String)
    case unknownColumn(String, clause: String, offset: Int, table: String?)
    case columnCountMismatch(row: Int)
    case duplicateEntry(value: String, column: String, table: String, primary: Bool)
    case dataTooLong(column: String, row: Int, type: SQLColumnType)
    case incorrectInteger(value: String, column: String, row: Int)
    case invalidBoolean(String)
    case noDefault(column: String)
    case cannotBeNull(column: String)
    case unknownFunction(database: String?, name: String, offset: Int)
    case incorrectDatabaseName(String)
    case storage(String)
    /// PostgreSQL's integer arithmetic past its type (`integer out of range`); named by the type.
    case integerOutOfRange(PostgresIntegerType)
    /// PostgreSQL: a text value too large for an integer column.
    case valueOutOfRange(value: String, type: PostgresIntegerType)
    case divisionByZero
    /// A server condition outside the SQL engine (read-only replica, replication statements): the
    /// MySQL text whole, and the PostgreSQL message.
    case server(mysql: String, postgres: String)

    /// The MySQL client's line (`ERROR 1146 (42S02): Table 'db.t' doesn't exist`), given the statement text.
    func mysqlText(statement: String) -> String {
        switch self {
        case .syntax(let offset):
            let chars = Array(statement)
            let start = min(max(offset, 0), chars.count)
            let near = String(chars[start...].prefix(80))
            let line = chars[..<start].filter { $0 == "\n" }.count + 1
            return "ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '\(near)' at line \(line)"
        case .databaseExists(let name): return "ERROR 1007 (HY000): Can't create database '\(name)'; database exists"
        case .unknownDatabase(let name): return "ERROR 1049 (42000): Unknown database '\(name)'"
        case .cannotDropMissingDatabase(let name): return "ERROR 1008 (HY000): Can't drop database '\(name)'; database doesn't exist"
        case .cannotDropOpenDatabase: return "ERROR 1008 (HY000): Can't drop the open database"
        case .noDatabaseSelected: return "ERROR 1046 (3D000): No database selected"
        case .tableMissing(let db, let table, _): return "ERROR 1146 (42S02): Table '\(db).\(table)' doesn't exist"
        case .tableExists(let name): return "ERROR 1050 (42S01): Table '\(name)' already exists"
        case .unknownTable(let list): return "ERROR 1051 (42S02): Unknown table '\(list)'"
        case .unknownVariable(let name): return "ERROR 1193 (HY000): Unknown system variable '\(name)'"
        case .unknownColumn(let name, let clause, _, _): return "ERROR 1054 (42S22): Unknown column '\(name)' in '\(clause)'"
        case .columnCountMismatch(let row): return "ERROR 1136 (21S01): Column count doesn't match value count at row \(row)"
        case .duplicateEntry(let value, let column, _, let primary):
            return "ERROR 1062 (23000): Duplicate entry '\(value)' for key '\(primary ? "PRIMARY" : column)'"
        case .dataTooLong(let column, let row, _): return "ERROR 1406 (22001): Data too long for column '\(column)' at row \(row)"
        case .incorrectInteger(let value, let column, let row):
            return "ERROR 1366 (HY000): Incorrect integer value: '\(value)' for column '\(column)' at row \(row)"
        case .invalidBoolean(let value): return "ERROR 1366 (HY000): Incorrect integer value: '\(value)' for column 'boolean' at row 1"
        case .noDefault(let column): return "ERROR 1364 (HY000): Field '\(column)' doesn't have a default value"
        case .cannotBeNull(let column): return "ERROR 1048 (23000): Column '\(column)' cannot be null"
        case .unknownFunction(let db, let name, _): return "ERROR 1305 (42000): FUNCTION \(db ?? "").\(name.lowercased()) does not exist"
        case .incorrectDatabaseName(let name): return "ERROR 1102 (42000): Incorrect database name '\(name)'"
        case .storage(let message): return "ERROR 1030 (HY000): Got error 1 from storage engine: \(message)"
        case .integerOutOfRange(let type), .valueOutOfRange(_, let type):
            return "ERROR 1690 (22003): \(type == .bigint ? "BIGINT" : "INT") value is out of range"
        case .divisionByZero: return "ERROR 1365 (22012): Division by 0"
        case .server(let text, _): return text
        }
    }

    /// psql's lines for the error, with the `LINE n:` pointer where PostgreSQL gives a position.
    func postgresText(statement: String) -> String {
        var message: String
        var offset: Int?
        var extra = ""
        switch self {
        case .syntax(let at):
            let chars = Array(statement)
            var tokenText = ""
            if at < chars.count {
                let tokens = (try? SQLLexer(dialect: .postgres).tokens(Array(chars[at...]))) ?? []
                if let first = tokens.first, first.kind != .end {
                    let next = tokens.count > 1 ? tokens[1].offset : chars.count - at
                    tokenText = String(chars[at..<min(at + max(next, 1), chars.count)]).trimmingTrailingWhitespace
                } else {
                    tokenText = String(chars[at...].prefix(1))
                }
            }
            message = tokenText.isEmpty ? "syntax error at end of input" : "syntax error at or near \"\(tokenText)\""
            offset = at
        case .databaseExists(let name): message = "database \"\(name)\" already exists"
        case .unknownDatabase(let name), .cannotDropMissingDatabase(let name): message = "database \"\(name)\" does not exist"
        case .cannotDropOpenDatabase: message = "cannot drop the currently open database"
        case .noDatabaseSelected: message = "no database selected"
        case .tableMissing(_, let table, let at): message = "relation \"\(table)\" does not exist"; offset = at
        case .tableExists(let name): message = "relation \"\(name)\" already exists"
        case .unknownTable(let table): message = "table \"\(table)\" does not exist"
        case .unknownVariable(let name): message = "unrecognized configuration parameter \"\(name)\""
        case .unknownColumn(let name, _, let at, let table):
            if let table { message = "column \"\(name)\" of relation \"\(table)\" does not exist" } else { message = "column \"\(name)\" does not exist" }
            offset = at
        case .columnCountMismatch: message = "INSERT has more expressions than target columns"
        case .duplicateEntry(let value, let column, let table, let primary):
            message = "duplicate key value violates unique constraint \"\(table)_\(primary ? "pkey" : column + "_key")\""
            extra = "DETAIL:  Key (\(column))=(\(value)) already exists.\n"
        case .dataTooLong(_, _, let type): message = "value too long for type \(type.postgresName)"
        case .incorrectInteger(let value, _, _): message = "invalid input syntax for integer: \"\(value)\""
        case .invalidBoolean(let value): message = "invalid input syntax for type boolean: \"\(value)\""
        case .noDefault(let column), .cannotBeNull(let column): message = "null value in column \"\(column)\" violates not-null constraint"
        case .unknownFunction(_, let name, let at):
            message = "function \(name.lowercased())() does not exist"
            offset = at
            extra = "HINT:  No function matches the given name and argument types. You might need to add explicit type casts.\n"
        case .incorrectDatabaseName(let name): message = "invalid database name \"\(name)\""
        case .storage(let text): message = "could not write file: \(text)"
        case .integerOutOfRange(let type): message = "\(type.rawValue) out of range"
        case .valueOutOfRange(let value, let type):
            message = "value \"\(value)\" is out of range for type \(type.rawValue)"
            // PostgreSQL points at the quoted literal; values carry no offset here, so it is found in the text.
            let chars = Array(statement), quoted = Array("'" + value + "'")
            offset = chars.count >= quoted.count ? (0...(chars.count - quoted.count)).first { chars[$0..<($0 + quoted.count)].elementsEqual(quoted) } : nil
        case .divisionByZero: message = "division by zero"
        case .server(_, let text): message = text
        }
        var text = "ERROR:  \(message)\n"
        if let offset { text += Self.pointer(statement: statement, offset: offset) }
        return text + extra
    }

    /// `LINE 2: select * from nothere;` and a caret under the offending character.
    static func pointer(statement: String, offset: Int) -> String {
        let chars = Array(statement)
        let at = min(max(offset, 0), chars.count)
        var lineStart = 0
        var lineNumber = 1
        for i in 0..<at where chars[i] == "\n" { lineStart = i + 1; lineNumber += 1 }
        var lineEnd = at
        while lineEnd < chars.count, chars[lineEnd] != "\n" { lineEnd += 1 }
        let prefix = "LINE \(lineNumber): "
        let lineText = String(chars[lineStart..<lineEnd])
        return prefix + lineText + "\n" + String(repeating: " ", count: prefix.count + at - lineStart) + "^\n"
    }
}
