/// Where parsing stopped: the offset of the offending token (`text.count` at the end of input).
struct SQLSyntaxError: Error, Equatable {
    let offset: Int
}

/// Recursive-descent parser for the SQL subset the MySQL and PostgreSQL clients accept.
struct SQLParser {
    let dialect: SQLDialect
    private let text: [Character]
    private var tokens: [SQLToken] = []
    private var position = 0
    /// Nesting of expressions; `((((...` deeper than this is a syntax error, not a stack overflow.
    private var depth = 0
    private static let maximumDepth = 64

    /// Words that end an expression or a select item, so they are never taken as aliases.
    private static let reserved: Set<String> = [
        "FROM", "WHERE", "ORDER", "BY", "LIMIT", "OFFSET", "AND", "OR", "NOT", "AS", "ASC", "DESC", "LIKE",
        "IS", "IN", "NULL", "SET", "VALUES", "GROUP", "HAVING", "UNION", "INTO", "ON", "JOIN",
    ]

    init(dialect: SQLDialect, text: String) {
        self.dialect = dialect
        self.text = Array(text)
    }

    /// Parses one statement (an optional trailing `;` is allowed).
    static func parse(_ text: String, dialect: SQLDialect) throws(SQLSyntaxError) -> SQLStatement {
        var parser = SQLParser(dialect: dialect, text: text)
        do {
            parser.tokens = try SQLLexer(dialect: dialect).tokens(parser.text)
        } catch {
            switch error { case .unterminated(let offset): throw SQLSyntaxError(offset: offset) }
        }
        let statement = try parser.statement()
        while parser.peek.kind == .symbol(";") { parser.position += 1 }
        guard parser.peek.kind == .end else { throw SQLSyntaxError(offset: parser.peek.offset) }
        return statement
    }

    // MARK: Token helpers

    private var peek: SQLToken { tokens[min(position, tokens.count - 1)] }
    private func peek(_ ahead: Int) -> SQLToken { tokens[min(position + ahead, tokens.count - 1)] }

    private mutating func advance() -> SQLToken {
        let token = peek
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private var failure: SQLSyntaxError { SQLSyntaxError(offset: peek.offset) }

    private mutating func accept(_ keyword: String) -> Bool {
        if peek.keyword == keyword { position += 1; return true }
        return false
    }

    private mutating func expect(_ keyword: String) throws(SQLSyntaxError) {
        guard accept(keyword) else { throw failure }
    }

    private mutating func acceptSymbol(_ symbol: String) -> Bool {
        if peek.kind == .symbol(symbol) { position += 1; return true }
        return false
    }

    private mutating func expectSymbol(_ symbol: String) throws(SQLSyntaxError) {
        guard acceptSymbol(symbol) else { throw failure }
    }

    /// An identifier: PostgreSQL folds unquoted names to lower case, MySQL keeps them.
    private mutating func identifier() throws(SQLSyntaxError) -> String {
        switch peek.kind {
        case .word(let w) where !Self.reserved.contains(w.uppercased()):
            position += 1
            return dialect == .postgres ? w.lowercased() : w
        case .quotedIdentifier(let name) where !name.isEmpty:
            position += 1
            return name
        default:
            throw failure
        }
    }

    private mutating func tableReference() throws(SQLSyntaxError) -> SQLTableReference {
        let offset = peek.offset
        let first = try identifier()
        if acceptSymbol(".") {
            let second = try identifier()
            // PostgreSQL's `public.t` is the schema, not a database.
            return dialect == .postgres ? SQLTableReference(database: nil, name: second, offset: offset)
                : SQLTableReference(database: first, name: second, offset: offset)
        }
        return SQLTableReference(database: nil, name: first, offset: offset)
    }

    /// Skips tokens up to the end (table options, character sets): accepted and ignored.
    private mutating func skipRest() {
        while peek.kind != .end && peek.kind != .symbol(";") { position += 1 }
    }

    // MARK: Statements

    private mutating func statement() throws(SQLSyntaxError) -> SQLStatement {
        guard let keyword = peek.keyword else { throw failure }
        switch keyword {
        case "CREATE": position += 1; return try create()
        case "DROP": position += 1; return try drop()
        case "SHOW": position += 1; return try show()
        case "USE" where dialect == .mysql:
            position += 1
            return .use(try identifier())
        case "DESCRIBE" where dialect == .mysql, "DESC" where dialect == .mysql, "EXPLAIN" where dialect == .mysql:
            position += 1
            return .describe(try tableReference())
        case "INSERT": position += 1; return try insert()
        case "SELECT": position += 1; return .select(try select())
        case "UPDATE": position += 1; return try update()
        case "DELETE": position += 1; return try delete()
        case "SET":
            position += 1
            skipRest()
            return .accepted(tag: "SET")
        case "BEGIN", "START", "COMMIT", "ROLLBACK", "FLUSH", "GRANT":
            position += 1
            skipRest()
            return .accepted(tag: keyword == "START" ? "BEGIN" : keyword)
        default:
            throw failure
        }
    }

    private mutating func create() throws(SQLSyntaxError) -> SQLStatement {
        if accept("DATABASE") || (dialect == .mysql && accept("SCHEMA")) {
            var ifNotExists = false
            if dialect == .mysql, accept("IF") { try expect("NOT"); try expect("EXISTS"); ifNotExists = true }
            let name = try identifier()
            skipRest()
            return .createDatabase(name: name, ifNotExists: ifNotExists)
        }
        if accept("TABLE") {
            var ifNotExists = false
            if accept("IF") { try expect("NOT"); try expect("EXISTS"); ifNotExists = true }
            let table = try tableReference()
            try expectSymbol("(")
            var columns: [SQLColumn] = []
            repeat {
                if try !tableConstraint(&columns) { columns.append(try columnDefinition()) }
            } while acceptSymbol(",")
            try expectSymbol(")")
            skipRest()
            return .createTable(table, columns: columns, ifNotExists: ifNotExists)
        }
        throw failure
    }

    /// `PRIMARY KEY (a)`, `UNIQUE KEY k (a)`, `KEY k (a)`, `FOREIGN KEY ...`: true when one was read.
    private mutating func tableConstraint(_ columns: inout [SQLColumn]) throws(SQLSyntaxError) -> Bool {
        guard let keyword = peek.keyword else { return false }
        switch keyword {
        case "CONSTRAINT":
            position += 1
            if peek.keyword != "PRIMARY" && peek.keyword != "UNIQUE" && peek.keyword != "FOREIGN" { _ = try identifier() }
            return try tableConstraint(&columns)
        case "PRIMARY", "UNIQUE", "KEY", "INDEX", "FOREIGN":
            position += 1
            if keyword == "PRIMARY" || keyword == "FOREIGN" { try expect("KEY") } else if keyword == "UNIQUE" { _ = accept("KEY") || accept("INDEX") }
            if peek.kind != .symbol("(") { _ = try identifier() }
            try expectSymbol("(")
            var names: [String] = []
            repeat { names.append(try identifier()) } while acceptSymbol(",")
            try expectSymbol(")")
            if keyword == "FOREIGN" {
                try expect("REFERENCES")
                _ = try tableReference()
                if acceptSymbol("(") { repeat { _ = try identifier() } while acceptSymbol(","); try expectSymbol(")") }
                while accept("ON") { _ = accept("DELETE") || accept("UPDATE"); _ = accept("CASCADE") || accept("RESTRICT") || (accept("SET") && accept("NULL")) }
            }
            for name in names {
                guard let i = columns.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else { continue }
                if keyword == "PRIMARY" { columns[i].primaryKey = true; columns[i].notNull = true }
                if keyword == "UNIQUE" && names.count == 1 { columns[i].unique = true }
            }
            return true
        default:
            return false
        }
    }

    private mutating func columnDefinition() throws(SQLSyntaxError) -> SQLColumn {
        let name = try identifier()
        var column = SQLColumn(name: name, type: try columnType(), notNull: false, primaryKey: false,
                               unique: false, autoIncrement: false, defaultValue: nil)
        if column.type.base == .integer, case .word(let w) = tokens[position - 1].kind, w.uppercased() == "SERIAL" {
            column.autoIncrement = true
            column.notNull = true
        }
        while true {
            if accept("NOT") { try expect("NULL"); column.notNull = true }
            else if accept("NULL") { column.notNull = false }
            else if accept("AUTO_INCREMENT") { column.autoIncrement = true; column.notNull = true }
            else if accept("PRIMARY") { try expect("KEY"); column.primaryKey = true; column.notNull = true }
            else if accept("UNIQUE") { _ = accept("KEY"); column.unique = true }
            else if accept("UNSIGNED") || accept("SIGNED") || accept("ZEROFILL") { continue }
            else if accept("DEFAULT") { column.defaultValue = try defaultLiteral() }
            else if accept("COMMENT") { guard case .string = advance().kind else { throw failure } }
            else if accept("CHARACTER") { try expect("SET"); _ = try identifier() }
            else if accept("COLLATE") { _ = try identifier() }
            else if accept("ON") { try expect("UPDATE"); _ = try defaultLiteral() }
            else if accept("REFERENCES") {
                _ = try tableReference()
                if acceptSymbol("(") { repeat { _ = try identifier() } while acceptSymbol(","); try expectSymbol(")") }
            }
            else { break }
        }
        return column
    }

    private mutating func defaultLiteral() throws(SQLSyntaxError) -> SQLValue {
        let negative = acceptSymbol("-")
        let token = advance()
        switch token.kind {
        case .number(let n): return .integer(negative ? -n : n)
        case .string(let s): return .text(s)
        case .word(let w):
            switch w.uppercased() {
            case "NULL": return .null
            case "TRUE": return .integer(1)
            case "FALSE": return .integer(0)
            case "CURRENT_TIMESTAMP", "NOW", "LOCALTIMESTAMP":
                if acceptSymbol("(") { try expectSymbol(")") }
                return .text("CURRENT_TIMESTAMP")
            default: break
            }
        default: break
        }
        throw SQLSyntaxError(offset: token.offset)
    }

    private mutating func columnType() throws(SQLSyntaxError) -> SQLColumnType {
        let token = peek
        guard let word = token.keyword else { throw failure }
        position += 1
        let base: SQLColumnType.Base
        switch word {
        case "INT", "INTEGER", "MEDIUMINT", "SERIAL", "INT4": base = .integer
        case "BIGINT", "BIGSERIAL", "INT8": base = .bigint
        case "SMALLINT", "INT2": base = .smallint
        case "TINYINT": base = .tinyint
        case "BOOL", "BOOLEAN": base = .boolean
        case "VARCHAR": base = .varchar
        case "CHARACTER", "CHAR": base = accept("VARYING") ? .varchar : .char
        case "TEXT", "LONGTEXT", "MEDIUMTEXT", "TINYTEXT": base = .text
        case "DATE": base = .date
        case "DATETIME": base = .datetime
        case "TIMESTAMP":
            base = .timestamp
            if accept("WITHOUT") || accept("WITH") { try expect("TIME"); try expect("ZONE") }
        case "DECIMAL", "NUMERIC", "FLOAT", "DOUBLE", "REAL": base = .decimal
        default: throw SQLSyntaxError(offset: token.offset)
        }
        var length: Int?
        if acceptSymbol("(") {
            guard case .number(let n) = advance().kind else { throw SQLSyntaxError(offset: tokens[position - 1].offset) }
            length = Int(clamping: n)
            if acceptSymbol(",") { guard case .number = advance().kind else { throw failure } }
            try expectSymbol(")")
        }
        if base == .varchar && length == nil && dialect == .mysql { throw failure }
        return SQLColumnType(base: base, length: (base == .varchar || base == .char) ? length : nil)
    }

    private mutating func drop() throws(SQLSyntaxError) -> SQLStatement {
        if accept("DATABASE") || (dialect == .mysql && accept("SCHEMA")) {
            var ifExists = false
            if accept("IF") { try expect("EXISTS"); ifExists = true }
            return .dropDatabase(name: try identifier(), ifExists: ifExists)
        }
        if accept("TABLE") {
            var ifExists = false
            if accept("IF") { try expect("EXISTS"); ifExists = true }
            var tables: [SQLTableReference] = []
            repeat { tables.append(try tableReference()) } while acceptSymbol(",")
            _ = accept("CASCADE") || accept("RESTRICT")
            return .dropTable(tables, ifExists: ifExists)
        }
        throw failure
    }

    private mutating func show() throws(SQLSyntaxError) -> SQLStatement {
        if dialect == .mysql {
            if accept("DATABASES") || accept("SCHEMAS") { return .showDatabases }
            if accept("TABLES") {
                if accept("FROM") || accept("IN") { return .showTables(database: try identifier()) }
                return .showTables(database: nil)
            }
            if accept("COLUMNS") || accept("FIELDS") {
                guard accept("FROM") || accept("IN") else { throw failure }
                return .describe(try tableReference())
            }
        } else if case .word(let name) = peek.kind {
            position += 1
            return .showSetting(name.lowercased())
        }
        throw failure
    }

    private mutating func insert() throws(SQLSyntaxError) -> SQLStatement {
        _ = accept("IGNORE")
        try expect("INTO")
        let table = try tableReference()
        var columns: [String]?
        if acceptSymbol("(") {
            var names: [String] = []
            repeat { names.append(try identifier()) } while acceptSymbol(",")
            try expectSymbol(")")
            columns = names
        }
        guard accept("VALUES") || (dialect == .mysql && accept("VALUE")) else { throw failure }
        var rows: [[SQLExpression]] = []
        repeat {
            try expectSymbol("(")
            var row: [SQLExpression] = []
            if peek.kind != .symbol(")") {
                repeat {
                    if accept("DEFAULT") { row.append(.function(name: "DEFAULT", arguments: [], countsRows: false, offset: 0)) }
                    else { row.append(try expression()) }
                } while acceptSymbol(",")
            }
            try expectSymbol(")")
            rows.append(row)
        } while acceptSymbol(",")
        return .insert(table, columns: columns, rows: rows)
    }

    private mutating func select() throws(SQLSyntaxError) -> SQLSelect {
        var items: [SQLSelectItem] = []
        repeat {
            let start = peek.offset
            if acceptSymbol("*") {
                items.append(SQLSelectItem(content: .allColumns, alias: nil, text: "*"))
                continue
            }
            let expression = try expression()
            let end = max(tokens[max(position - 1, 0)].end, start)
            var typed = String(text[start..<min(end, text.count)])
            // A lone string literal is titled by its value (`select 'hi'` shows `hi`).
            if case .literal(.text(let value)) = expression, peek(-1).kind == .string(value), position - 1 == tokens.firstIndex(where: { $0.offset == start }) {
                typed = value
            }
            var alias: String?
            if accept("AS") {
                if case .string(let s) = peek.kind { position += 1; alias = s } else { alias = try identifier() }
            } else if case .word(let w) = peek.kind, !Self.reserved.contains(w.uppercased()) {
                alias = try identifier()
            } else if case .quotedIdentifier = peek.kind {
                alias = try identifier()
            }
            items.append(SQLSelectItem(content: .expression(expression), alias: alias, text: typed))
        } while acceptSymbol(",")
        var select = SQLSelect(items: items, from: nil, filter: nil, orderBy: [], limit: nil, offset: 0)
        if accept("FROM") { select.from = try tableReference() }
        if accept("WHERE") { select.filter = try expression() }
        if accept("ORDER") {
            try expect("BY")
            repeat {
                let key: SQLExpression
                if case .number(let n) = peek.kind, n >= 1 {
                    position += 1
                    key = .literal(.text("#\(n)"))
                } else {
                    key = try expression()
                }
                let descending = accept("DESC")
                if !descending { _ = accept("ASC") }
                select.orderBy.append((key, descending))
            } while acceptSymbol(",")
        }
        if accept("LIMIT") {
            guard case .number(let first) = advance().kind else { throw SQLSyntaxError(offset: tokens[max(position - 1, 0)].offset) }
            if acceptSymbol(",") {
                guard case .number(let count) = advance().kind else { throw failure }
                select.offset = Int(clamping: first)
                select.limit = Int(clamping: count)
            } else {
                select.limit = Int(clamping: first)
            }
        }
        if accept("OFFSET") {
            guard case .number(let n) = advance().kind else { throw failure }
            select.offset = Int(clamping: n)
        }
        return select
    }

    private mutating func update() throws(SQLSyntaxError) -> SQLStatement {
        let table = try tableReference()
        try expect("SET")
        var assignments: [SQLAssignment] = []
        repeat {
            var column = try identifier()
            if acceptSymbol(".") { column = try identifier() }
            try expectSymbol("=")
            assignments.append(SQLAssignment(column: column, value: try expression()))
        } while acceptSymbol(",")
        let filter = accept("WHERE") ? try expression() : nil
        return .update(table, assignments: assignments, filter: filter)
    }

    private mutating func delete() throws(SQLSyntaxError) -> SQLStatement {
        try expect("FROM")
        let table = try tableReference()
        let filter = accept("WHERE") ? try expression() : nil
        return .delete(table, filter: filter)
    }

    // MARK: Expressions

    private mutating func expression() throws(SQLSyntaxError) -> SQLExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw failure }
        var left = try conjunction()
        while accept("OR") || (dialect == .mysql && acceptSymbol("||")) { left = .binary("OR", left, try conjunction()) }
        return left
    }

    private mutating func conjunction() throws(SQLSyntaxError) -> SQLExpression {
        var left = try negation()
        while accept("AND") || (dialect == .mysql && acceptSymbol("&&")) { left = .binary("AND", left, try negation()) }
        return left
    }

    private mutating func negation() throws(SQLSyntaxError) -> SQLExpression {
        if accept("NOT") {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { throw failure }
            return .not(try negation())
        }
        return try comparison()
    }

    private mutating func comparison() throws(SQLSyntaxError) -> SQLExpression {
        let left = try additive()
        if case .symbol(let s) = peek.kind, ["=", "<>", "!=", "<", ">", "<=", ">="].contains(s) {
            position += 1
            return .binary(s == "!=" ? "<>" : s, left, try additive())
        }
        if accept("IS") {
            let negated = accept("NOT")
            try expect("NULL")
            return .isNull(left, negated: negated)
        }
        let negated = accept("NOT")
        if accept("LIKE") { return .like(left, try additive(), negated: negated) }
        if accept("IN") {
            try expectSymbol("(")
            var list: [SQLExpression] = []
            repeat { list.append(try expression()) } while acceptSymbol(",")
            try expectSymbol(")")
            return .inList(left, list, negated: negated)
        }
        if negated { throw failure }
        return left
    }

    private mutating func additive() throws(SQLSyntaxError) -> SQLExpression {
        var left = try multiplicative()
        while true {
            if acceptSymbol("+") { left = .binary("+", left, try multiplicative()) }
            else if acceptSymbol("-") { left = .binary("-", left, try multiplicative()) }
            else if dialect == .postgres, acceptSymbol("||") { left = .binary("||", left, try multiplicative()) }
            else { return left }
        }
    }

    private mutating func multiplicative() throws(SQLSyntaxError) -> SQLExpression {
        var left = try unary()
        while true {
            if acceptSymbol("*") { left = .binary("*", left, try unary()) }
            else if acceptSymbol("/") { left = .binary("/", left, try unary()) }
            else if acceptSymbol("%") { left = .binary("%", left, try unary()) }
            else { return left }
        }
    }

    private mutating func unary() throws(SQLSyntaxError) -> SQLExpression {
        if peek.kind == .symbol("-") || peek.kind == .symbol("+") {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { throw failure }
            if acceptSymbol("-") { return .negate(try unary()) }
            position += 1
            return try unary()
        }
        var value = try primary()
        // PostgreSQL casts (`'1'::int`) keep the value as is.
        while dialect == .postgres, acceptSymbol("::") { _ = try columnType(); value = .function(name: "CAST", arguments: [value], countsRows: false, offset: 0) }
        return value
    }

    private mutating func primary() throws(SQLSyntaxError) -> SQLExpression {
        let token = peek
        switch token.kind {
        case .number(let n): position += 1; return .literal(.integer(n))
        case .string(let s): position += 1; return .literal(.text(s))
        case .systemVariable(let name):
            guard dialect == .mysql else { throw failure }
            position += 1
            return .systemVariable(name)
        case .symbol("("):
            position += 1
            let inner = try expression()
            try expectSymbol(")")
            return inner
        case .word(let w):
            let upper = w.uppercased()
            switch upper {
            case "NULL": position += 1; return .literal(.null)
            case "TRUE": position += 1; return .literal(dialect == .postgres ? .text("t") : .integer(1))
            case "FALSE": position += 1; return .literal(dialect == .postgres ? .text("f") : .integer(0))
            case "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_USER", "LOCALTIMESTAMP", "CURRENT_TIME", "USER":
                if peek(1).kind != .symbol("(") || upper != "USER" {
                    position += 1
                    if acceptSymbol("(") { try expectSymbol(")") }
                    return .function(name: upper, arguments: [], countsRows: false, offset: token.offset)
                }
            default: break
            }
            if Self.reserved.contains(upper) { throw failure }
            if peek(1).kind == .symbol("(") {
                position += 2
                if upper == "COUNT", acceptSymbol("*") {
                    try expectSymbol(")")
                    return .function(name: "COUNT", arguments: [], countsRows: true, offset: token.offset)
                }
                var arguments: [SQLExpression] = []
                if !acceptSymbol(")") {
                    _ = accept("DISTINCT")
                    repeat { arguments.append(try expression()) } while acceptSymbol(",")
                    try expectSymbol(")")
                }
                return .function(name: upper, arguments: arguments, countsRows: false, offset: token.offset)
            }
            let name = try identifier()
            if acceptSymbol(".") {
                let column = try identifier()
                return .column(table: name, name: column, offset: token.offset)
            }
            return .column(table: nil, name: name, offset: token.offset)
        case .quotedIdentifier:
            let name = try identifier()
            if acceptSymbol(".") { return .column(table: name, name: try identifier(), offset: token.offset) }
            return .column(table: nil, name: name, offset: token.offset)
        default:
            throw failure
        }
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
