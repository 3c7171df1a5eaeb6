import Foundation
import KubeAPI

/// Executes parsed statements against a catalog; shared by the MySQL and PostgreSQL servers,
/// which differ only in wording, identifier rules and which databases are built in.
final class SQLEngine {
    let dialect: SQLDialect
    let catalog: SQLCatalog
    /// What `@@hostname` answers: the pod's hostname.
    let hostname: String
    let version: String
    let user: String
    /// Virtual time in milliseconds for NOW().
    let now: () -> Int64
    /// Databases that exist without a directory (MySQL's information_schema).
    let virtualDatabases: [String]
    /// Written as `db.opt` in each new database directory (MySQL does).
    let databaseOptions: String?
    /// Server variables beyond the built-in ones (`@@server_id` from the server's configuration).
    var systemVariables: [String: SQLValue] = [:]

    init(dialect: SQLDialect, catalog: SQLCatalog, hostname: String, version: String, user: String,
         now: @escaping () -> Int64, virtualDatabases: [String], databaseOptions: String?) {
        self.dialect = dialect
        self.catalog = catalog
        self.hostname = hostname
        self.version = version
        self.user = user
        self.now = now
        self.virtualDatabases = virtualDatabases
        self.databaseOptions = databaseOptions
    }

    /// MySQL lists information_schema first, then the directories in byte order.
    func databaseNames() -> [String] { virtualDatabases + catalog.databaseNames().sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }

    func databaseExists(_ name: String) -> Bool { virtualDatabases.contains(name) || catalog.databaseExists(name) }

    /// Parses and runs one statement's text (without the client's delimiter).
    func run(_ text: String, database: inout String?) throws(SQLError) -> SQLOutcome {
        let statement: SQLStatement
        do { statement = try SQLParser.parse(text, dialect: dialect) } catch { throw .syntax(offset: error.offset) }
        return try execute(statement, database: &database)
    }

    func execute(_ statement: SQLStatement, database: inout String?) throws(SQLError) -> SQLOutcome {
        switch statement {
        case .createDatabase(let name, let ifNotExists):
            guard !name.contains("/"), !name.contains("\\"), name.count <= 64 else { throw .incorrectDatabaseName(name) }
            if databaseExists(name) {
                if ifNotExists { return .done(affected: 1, warnings: 1, info: nil, tag: "CREATE DATABASE") }
                throw .databaseExists(name)
            }
            try catalog.createDatabase(name, options: databaseOptions)
            return .done(affected: 1, warnings: 0, info: nil, tag: "CREATE DATABASE")
        case .dropDatabase(let name, let ifExists):
            guard catalog.databaseExists(name) else {
                if ifExists { return .done(affected: 0, warnings: 1, info: nil, tag: "DROP DATABASE") }
                throw .cannotDropMissingDatabase(name)
            }
            if dialect == .postgres && database == name { throw .cannotDropOpenDatabase }
            let count = try catalog.dropDatabase(name)
            if database == name && dialect == .mysql { database = nil }
            return .done(affected: count, warnings: 0, info: nil, tag: "DROP DATABASE")
        case .showDatabases:
            let names = databaseNames()
            return .resultSet(SQLResultSet(columns: ["Database"], numericColumns: [false], rows: names.map { [.text($0)] }))
        case .showTables(let from):
            guard let db = from ?? database else { throw .noDatabaseSelected }
            guard databaseExists(db) else { throw .unknownDatabase(db) }
            let names = catalog.tableNames(db)
            return .resultSet(SQLResultSet(columns: ["Tables_in_\(db)"], numericColumns: [false], rows: names.map { [.text($0)] }))
        case .showSetting(let name):
            let settings = ["server_version": version, "server_encoding": "UTF8", "client_encoding": "UTF8",
                            "timezone": "UTC", "datestyle": "ISO, MDY", "port": "5432"]
            guard let value = settings[name] else { throw .unknownVariable(name) }
            return .resultSet(SQLResultSet(columns: [name], numericColumns: [false], rows: [[.text(value)]]))
        case .use(let name):
            guard databaseExists(name) else { throw .unknownDatabase(name) }
            database = name
            return .databaseChanged(name)
        case .createTable(let reference, let columns, let ifNotExists):
            let db = try resolveDatabase(reference, current: database)
            if catalog.tableExists(db, reference.name) {
                if ifNotExists { return .done(affected: 0, warnings: 1, info: nil, tag: "CREATE TABLE") }
                throw .tableExists(reference.name)
            }
            var seen = Set<String>()
            for column in columns where !seen.insert(column.name.lowercased()).inserted {
                throw dialect == .mysql ? .syntax(offset: reference.offset) : .tableExists(column.name)
            }
            let table = SQLTable(name: reference.name, columns: columns, rows: [], nextAutoIncrement: 1)
            try catalog.saveTable(db, table)
            return .done(affected: 0, warnings: 0, info: nil, tag: "CREATE TABLE")
        case .dropTable(let references, let ifExists):
            var missing: [String] = []
            var existing: [(String, String)] = []
            for reference in references {
                let db = try resolveDatabase(reference, current: database)
                if catalog.tableExists(db, reference.name) { existing.append((db, reference.name)) }
                else { missing.append(dialect == .mysql ? "\(db).\(reference.name)" : reference.name) }
            }
            if !missing.isEmpty && !ifExists {
                throw .unknownTable(dialect == .mysql ? missing.joined(separator: ",") : missing[0])
            }
            for (db, name) in existing { try catalog.dropTable(db, name) }
            return .done(affected: 0, warnings: missing.count, info: nil, tag: "DROP TABLE")
        case .describe(let reference):
            let (_, table) = try loadTable(reference, current: database)
            let rows: [[SQLValue]] = table.columns.map { column in
                let key = column.primaryKey ? "PRI" : (column.unique ? "UNI" : "")
                let defaultText: SQLValue = column.defaultValue.map { $0 == .null ? .null : .text($0.displayText) } ?? .null
                return [.text(column.name), .text(column.type.mysqlName), .text(column.notNull ? "NO" : "YES"),
                        .text(key), defaultText, .text(column.autoIncrement ? "auto_increment" : "")]
            }
            return .resultSet(SQLResultSet(columns: ["Field", "Type", "Null", "Key", "Default", "Extra"],
                                           numericColumns: Array(repeating: false, count: 6), rows: rows))
        case .insert(let reference, let columnNames, let valueRows):
            return try insert(reference, columnNames: columnNames, valueRows: valueRows, database: database)
        case .select(let select):
            return .resultSet(try self.select(select, database: database))
        case .update(let reference, let assignments, let filter):
            return try update(reference, assignments: assignments, filter: filter, database: database)
        case .delete(let reference, let filter):
            let (db, table) = try loadTable(reference, current: database)
            var kept = table
            kept.rows = []
            var removed = 0
            for row in table.rows {
                var hit = true
                if let filter { hit = try evaluate(filter, table: table, row: row, clause: "where clause", database: database).isTrue }
                if hit {
                    removed += 1
                } else {
                    kept.rows.append(row)
                }
            }
            try catalog.saveTable(db, kept)
            return .done(affected: removed, warnings: 0, info: nil, tag: "DELETE \(removed)")
        case .accepted(let tag):
            return .done(affected: 0, warnings: 0, info: nil, tag: tag)
        }
    }

    // MARK: Tables

    private func resolveDatabase(_ reference: SQLTableReference, current: String?) throws(SQLError) -> String {
        guard let db = reference.database ?? current else { throw .noDatabaseSelected }
        guard databaseExists(db) else { throw .unknownDatabase(db) }
        return db
    }

    private func loadTable(_ reference: SQLTableReference, current: String?) throws(SQLError) -> (String, SQLTable) {
        let db = try resolveDatabase(reference, current: current)
        guard let table = catalog.loadTable(db, reference.name) else {
            throw .tableMissing(database: db, table: reference.name, offset: reference.offset)
        }
        return (db, table)
    }

    // MARK: INSERT and UPDATE

    private func insert(_ reference: SQLTableReference, columnNames: [String]?, valueRows: [[SQLExpression]],
                        database: String?) throws(SQLError) -> SQLOutcome {
        var (db, table) = try loadTable(reference, current: database)
        var targets: [Int] = []
        if let columnNames {
            for name in columnNames {
                guard let index = table.columnIndex(name) else {
                    throw .unknownColumn(name, clause: "field list", offset: reference.offset, table: table.name)
                }
                targets.append(index)
            }
        } else {
            targets = Array(table.columns.indices)
        }
        var added: [[SQLValue]] = []
        for (rowNumber, expressions) in valueRows.enumerated() {
            // PostgreSQL fills missing trailing columns with their defaults; MySQL insists on all.
            let fillsDefaults = dialect == .postgres && columnNames == nil && expressions.count < targets.count
            guard expressions.count == targets.count || fillsDefaults else { throw .columnCountMismatch(row: rowNumber + 1) }
            var row = Array(repeating: SQLValue.null, count: table.columns.count)
            var given = Array(repeating: false, count: table.columns.count)
            for (target, expression) in zip(targets, expressions) {
                if case .function("DEFAULT", _, _, _) = expression { continue }
                row[target] = try evaluate(expression, table: nil, row: [], clause: "field list", database: database)
                given[target] = true
            }
            for (i, column) in table.columns.enumerated() {
                if column.autoIncrement && (row[i] == .null || row[i] == .integer(0)) {
                    row[i] = .integer(table.nextAutoIncrement)
                    table.nextAutoIncrement += 1
                    continue
                }
                if !given[i] {
                    if let value = column.defaultValue {
                        row[i] = value == .text("CURRENT_TIMESTAMP") ? .text(currentDateTime()) : value
                    } else if column.notNull {
                        throw dialect == .mysql ? .noDefault(column: column.name) : .cannotBeNull(column: column.name)
                    }
                } else if row[i] == .null && column.notNull {
                    throw .cannotBeNull(column: column.name)
                }
                row[i] = try coerce(row[i], to: column, row: rowNumber + 1)
                if column.autoIncrement, let n = row[i].numeric, n >= table.nextAutoIncrement { table.nextAutoIncrement = n + 1 }
            }
            try checkUnique(row, in: table.rows + added, table: table)
            added.append(row)
        }
        table.rows += added
        try catalog.saveTable(db, table)
        let info = added.count > 1 ? "Records: \(added.count)  Duplicates: 0  Warnings: 0" : nil
        return .done(affected: added.count, warnings: 0, info: info, tag: "INSERT 0 \(added.count)")
    }

    private func update(_ reference: SQLTableReference, assignments: [SQLAssignment], filter: SQLExpression?,
                        database: String?) throws(SQLError) -> SQLOutcome {
        var (db, table) = try loadTable(reference, current: database)
        var targets: [Int] = []
        for assignment in assignments {
            guard let index = table.columnIndex(assignment.column) else {
                throw .unknownColumn(assignment.column, clause: "field list", offset: reference.offset, table: table.name)
            }
            targets.append(index)
        }
        var matched = 0
        var changed = 0
        for r in table.rows.indices {
            let original = table.rows[r]
            if let filter, try !evaluate(filter, table: table, row: original, clause: "where clause", database: database).isTrue { continue }
            matched += 1
            var row = original
            for (target, assignment) in zip(targets, assignments) {
                let value = try evaluate(assignment.value, table: table, row: original, clause: "field list", database: database)
                if value == .null && table.columns[target].notNull { throw .cannotBeNull(column: table.columns[target].name) }
                row[target] = try coerce(value, to: table.columns[target], row: matched)
            }
            if row != original {
                var others = table.rows
                others.remove(at: r)
                try checkUnique(row, in: others, table: table)
                table.rows[r] = row
                changed += 1
            }
        }
        try catalog.saveTable(db, table)
        return .done(affected: changed, warnings: 0, info: "Rows matched: \(matched)  Changed: \(changed)  Warnings: 0",
                     tag: "UPDATE \(matched)")
    }

    private func checkUnique(_ row: [SQLValue], in rows: [[SQLValue]], table: SQLTable) throws(SQLError) {
        for (i, column) in table.columns.enumerated() where column.primaryKey || column.unique {
            guard row[i] != .null else { continue }
            if rows.contains(where: { SQLValue.compare($0[i], row[i], caseInsensitive: dialect == .mysql) == 0 }) {
                throw .duplicateEntry(value: row[i].displayText, column: column.name, table: table.name, primary: column.primaryKey)
            }
        }
    }

    /// Converts a value to the column's type the way strict-mode MySQL and PostgreSQL do.
    private func coerce(_ value: SQLValue, to column: SQLColumn, row: Int) throws(SQLError) -> SQLValue {
        guard value != .null else { return .null }
        switch column.type.base {
        case .boolean where dialect == .postgres:
            // PostgreSQL keeps booleans as `t`/`f`, which psql prints as they are.
            switch value.displayText.lowercased().trimmingCharacters(in: .whitespaces) {
            case "t", "true", "y", "yes", "on", "1": return .text("t")
            case "f", "false", "n", "no", "off", "0": return .text("f")
            default: throw .invalidBoolean(value.displayText)
            }
        case .integer, .bigint, .smallint, .tinyint, .boolean:
            let postgresType = dialect == .postgres ? PostgresIntegerType(column: column.type) : nil
            switch value {
            case .integer(let n):
                if let postgresType, !postgresType.range.contains(n) { throw .integerOutOfRange(postgresType) }
                return value
            case .text(let s):
                let trimmed = s.trimmingCharacters(in: .whitespaces)
                let digits = trimmed.first == "-" || trimmed.first == "+" ? trimmed.dropFirst() : Substring(trimmed)
                if let postgresType, !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit),
                   Int64(trimmed).map({ !postgresType.range.contains($0) }) ?? true {
                    throw .valueOutOfRange(value: s, type: postgresType)
                }
                if let n = Int64(trimmed) { return .integer(n) }
                if column.type.base == .boolean {
                    switch trimmed.lowercased() {
                    case "true", "t", "yes", "y", "on": return .integer(1)
                    case "false", "f", "no", "n", "off": return .integer(0)
                    default: break
                    }
                }
                throw .incorrectInteger(value: s, column: column.name, row: row)
            case .null: return .null
            }
        case .varchar, .char:
            let text = value.displayText
            if let length = column.type.length, text.count > length {
                throw .dataTooLong(column: column.name, row: row, type: column.type)
            }
            return .text(text)
        case .date:
            let text = value.displayText
            return .text(text.count > 10 && text.dropFirst(10).first == " " ? String(text.prefix(10)) : text)
        default:
            return .text(value.displayText)
        }
    }

    // MARK: SELECT

    private func select(_ select: SQLSelect, database: String?) throws(SQLError) -> SQLResultSet {
        var table: SQLTable?
        if let from = select.from { table = try loadTable(from, current: database).1 }
        // The columns of the result: `*` expands to the table's columns.
        var columns: [String] = []
        var expressions: [SQLExpression] = []
        for item in select.items {
            switch item.content {
            case .allColumns:
                guard let table else { throw .syntax(offset: 0) }
                for column in table.columns {
                    columns.append(column.name)
                    expressions.append(.column(table: nil, name: column.name, offset: 0))
                }
            case .expression(let expression):
                columns.append(item.alias ?? title(for: expression, typed: item.text))
                expressions.append(expression)
            }
        }
        var rows = table?.rows ?? [[]]
        if let filter = select.filter {
            var kept: [[SQLValue]] = []
            for row in rows where try evaluate(filter, table: table, row: row, clause: "where clause", database: database).isTrue {
                kept.append(row)
            }
            rows = kept
        }
        var output: [[SQLValue]]
        if expressions.contains(where: \.isAggregate) {
            var values: [SQLValue] = []
            for expression in expressions {
                values.append(try evaluate(expression, table: table, row: rows.first ?? [], clause: "field list", database: database, group: rows))
            }
            output = [values]
        } else {
            var keyed: [(row: [SQLValue], keys: [SQLValue])] = []
            for row in rows {
                var values: [SQLValue] = []
                for expression in expressions {
                    values.append(try evaluate(expression, table: table, row: row, clause: "field list", database: database))
                }
                var keys: [SQLValue] = []
                for order in select.orderBy {
                    keys.append(try orderKey(order.expression, columns: columns, values: values, table: table, row: row, database: database))
                }
                keyed.append((values, keys))
            }
            if !select.orderBy.isEmpty {
                let descending = select.orderBy.map(\.descending)
                let insensitive = dialect == .mysql
                keyed = stableSorted(keyed) { a, b in
                    for (i, desc) in descending.enumerated() {
                        let c = Self.orderCompare(a.keys[i], b.keys[i], caseInsensitive: insensitive)
                        if c != 0 { return desc ? c > 0 : c < 0 }
                    }
                    return false
                }
            }
            output = keyed.map(\.row)
        }
        let start = min(select.offset, output.count)
        output = Array(output[start...])
        if let limit = select.limit { output = Array(output.prefix(limit)) }
        let numeric = columns.indices.map { i in
            output.contains { $0[i] != .null } && output.allSatisfy { if case .text = $0[i] { return false } else { return true } }
                || (output.isEmpty && Self.isNumericColumn(expressions[i], table: table))
        }
        let nullable = columns.indices.map { i in
            output.contains { $0[i] == .null } || Self.isNullableColumn(expressions[i], table: table)
        }
        return SQLResultSet(columns: columns, numericColumns: numeric, rows: output, nullableColumns: nullable)
    }

    private static func isNullableColumn(_ expression: SQLExpression, table: SQLTable?) -> Bool {
        if case .column(_, let name, _) = expression, let table, let i = table.columnIndex(name) { return !table.columns[i].notNull }
        return false
    }

    private static func isNumericColumn(_ expression: SQLExpression, table: SQLTable?) -> Bool {
        if case .column(_, let name, _) = expression, let table, let i = table.columnIndex(name) { return table.columns[i].type.isNumeric }
        if case .function("COUNT", _, _, _) = expression { return true }
        return false
    }

    /// NULLs first, numbers numerically, texts by the collation.
    private static func orderCompare(_ a: SQLValue, _ b: SQLValue, caseInsensitive: Bool) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        default: return SQLValue.compare(a, b, caseInsensitive: caseInsensitive) ?? 0
        }
    }

    private func stableSorted<T>(_ items: [T], by less: (T, T) -> Bool) -> [T] {
        items.enumerated().sorted { x, y in
            if less(x.element, y.element) { return true }
            if less(y.element, x.element) { return false }
            return x.offset < y.offset
        }.map(\.element)
    }

    /// ORDER BY a position (`ORDER BY 2`), an alias, or an expression over the row.
    private func orderKey(_ expression: SQLExpression, columns: [String], values: [SQLValue], table: SQLTable?,
                          row: [SQLValue], database: String?) throws(SQLError) -> SQLValue {
        if case .literal(.text(let s)) = expression, s.hasPrefix("#"), let n = Int(s.dropFirst()) {
            guard n >= 1, n <= values.count else { throw .unknownColumn(String(n), clause: "order clause", offset: 0, table: nil) }
            return values[n - 1]
        }
        if case .column(nil, let name, _) = expression, table?.columnIndex(name) == nil,
           let i = columns.firstIndex(where: { $0.lowercased() == name.lowercased() }) {
            return values[i]
        }
        return try evaluate(expression, table: table, row: row, clause: "order clause", database: database)
    }

    /// The column title: MySQL shows the item as typed, PostgreSQL the column or function name.
    private func title(for expression: SQLExpression, typed: String) -> String {
        guard dialect == .postgres else { return typed }
        switch expression {
        case .column(_, let name, _): return name
        case .function(let name, _, _, _):
            switch name {
            case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP": return "now"
            case "CURRENT_DATE": return "current_date"
            case "CURRENT_USER", "USER": return "current_user"
            case "CAST": return "?column?"
            default: return name.lowercased()
            }
        default: return "?column?"
        }
    }

    // MARK: Expressions

    func currentDateTime() -> String {
        let text = Timestamp.rfc3339(now())
        return String(text.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    private func evaluate(_ expression: SQLExpression, table: SQLTable?, row: [SQLValue], clause: String,
                          database: String?, group: [[SQLValue]]? = nil) throws(SQLError) -> SQLValue {
        func recurse(_ e: SQLExpression) throws(SQLError) -> SQLValue {
            try evaluate(e, table: table, row: row, clause: clause, database: database, group: group)
        }
        switch expression {
        case .literal(let value):
            return value
        case .column(let qualifier, let name, let offset):
            let shown = qualifier.map { "\($0).\(name)" } ?? name
            guard let table, let index = table.columnIndex(name), qualifier == nil || qualifier == table.name,
                  index < row.count else {
                throw .unknownColumn(shown, clause: clause, offset: offset, table: nil)
            }
            return row[index]
        case .systemVariable(let name):
            switch name {
            case "hostname": return .text(hostname)
            case "version": return .text(version)
            case "port": return .integer(3306)
            case "datadir": return .text(catalog.root + "/")
            case "version_comment": return .text("MySQL Community Server (GPL)")
            case "autocommit": return .integer(1)
            default:
                guard let value = systemVariables[name] else { throw .unknownVariable(name) }
                return value
            }
        case .negate(let inner):
            let value = try recurse(inner)
            guard let n = value.numeric else { return .null }
            if dialect == .postgres, let type = PostgresIntegerType.of(expression, table: table) {
                if let constant = PostgresIntegerType.foldedConstant(expression) { return .integer(constant) }
                return .integer(try PostgresIntegerType.apply("-", 0, n, type: type))
            }
            return .integer(0 &- n)
        case .not(let inner):
            let value = try recurse(inner)
            return value == .null ? .null : .boolean(!value.isTrue)
        case .isNull(let inner, let negated):
            return .boolean((try recurse(inner) == .null) != negated)
        case .like(let subject, let pattern, let negated):
            let s = try recurse(subject)
            let p = try recurse(pattern)
            if s == .null || p == .null { return .null }
            return .boolean(Self.like(s.displayText, p.displayText, caseInsensitive: dialect == .mysql) != negated)
        case .inList(let subject, let list, let negated):
            let s = try recurse(subject)
            if s == .null { return .null }
            var found = false
            for item in list where SQLValue.compare(s, try recurse(item), caseInsensitive: dialect == .mysql) == 0 { found = true }
            return .boolean(found != negated)
        case .binary(let op, let left, let right):
            let a = try recurse(left)
            if op == "AND", a != .null, !a.isTrue { return .boolean(false) }
            if op == "OR", a.isTrue { return .boolean(true) }
            let b = try recurse(right)
            switch op {
            case "AND": return (a == .null || b == .null) ? (b != .null && !b.isTrue ? .boolean(false) : .null) : .boolean(b.isTrue)
            case "OR": return b.isTrue ? .boolean(true) : ((a == .null || b == .null) ? .null : .boolean(false))
            case "||": return (a == .null || b == .null) ? .null : .text(a.displayText + b.displayText)
            case "+", "-", "*", "/", "%":
                guard let x = a.numeric, let y = b.numeric else { return .null }
                if dialect == .postgres, let type = PostgresIntegerType.of(expression, table: table) {
                    return .integer(try PostgresIntegerType.apply(op, x, y, type: type))
                }
                switch op {
                case "+": return .integer(x &+ y)
                case "-": return .integer(x &- y)
                case "*": return .integer(x &* y)
                default:
                    guard y != 0 else { return .null }
                    let (remainder, overflow) = x.remainderReportingOverflow(dividingBy: y)
                    if overflow { return .integer(0) }
                    if op == "%" { return .integer(remainder) }
                    return remainder == 0 ? .integer(x.dividedReportingOverflow(by: y).partialValue) : .text(Self.decimalQuotient(x, y))
                }
            default:
                guard let c = SQLValue.compare(a, b, caseInsensitive: dialect == .mysql) else { return .null }
                switch op {
                case "=": return .boolean(c == 0)
                case "<>": return .boolean(c != 0)
                case "<": return .boolean(c < 0)
                case ">": return .boolean(c > 0)
                case "<=": return .boolean(c <= 0)
                default: return .boolean(c >= 0)
                }
            }
        case .function(let name, let arguments, let countsRows, let offset):
            if let group {
                switch name {
                case "COUNT":
                    if countsRows { return .integer(Int64(group.count)) }
                    var n: Int64 = 0
                    for r in group where try evaluate(arguments.first ?? .literal(.null), table: table, row: r, clause: clause, database: database) != .null { n += 1 }
                    return .integer(n)
                case "MAX", "MIN", "SUM":
                    var values: [SQLValue] = []
                    for r in group {
                        let v = try evaluate(arguments.first ?? .literal(.null), table: table, row: r, clause: clause, database: database)
                        if v != .null { values.append(v) }
                    }
                    guard let first = values.first else { return .null }
                    if name == "SUM" { return .integer(values.reduce(0) { $0 &+ ($1.numeric ?? 0) }) }
                    return values.dropFirst().reduce(first) { best, v in
                        let c = SQLValue.compare(v, best, caseInsensitive: dialect == .mysql) ?? 0
                        return (name == "MAX" ? c > 0 : c < 0) ? v : best
                    }
                default: break
                }
            } else if ["COUNT", "MAX", "MIN", "SUM"].contains(name) {
                return .null
            }
            var values: [SQLValue] = []
            for argument in arguments { values.append(try recurse(argument)) }
            return try callFunction(name, values, database: database, offset: offset)
        }
    }

    private func callFunction(_ name: String, _ values: [SQLValue], database: String?, offset: Int) throws(SQLError) -> SQLValue {
        switch name {
        case "NOW", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "SYSDATE":
            if dialect == .postgres {
                let ms = now()
                let fraction = String(1000 + ((ms % 1000) + 1000) % 1000).dropFirst()
                return .text(currentDateTime() + "." + fraction + "+00")
            }
            return .text(currentDateTime())
        case "CURDATE", "CURRENT_DATE": return .text(String(currentDateTime().prefix(10)))
        case "CURTIME", "CURRENT_TIME": return .text(String(currentDateTime().suffix(8)))
        case "DATABASE", "SCHEMA", "CURRENT_DATABASE": return database.map { .text($0) } ?? .null
        case "VERSION": return .text(version)
        case "USER", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER":
            return .text(dialect == .mysql ? "\(user)@localhost" : user)
        case "UPPER", "UCASE": return values.first.map { $0 == .null ? .null : .text($0.displayText.uppercased()) } ?? .null
        case "LOWER", "LCASE": return values.first.map { $0 == .null ? .null : .text($0.displayText.lowercased()) } ?? .null
        case "LENGTH", "CHAR_LENGTH": return values.first.map { $0 == .null ? .null : .integer(Int64($0.displayText.utf8.count)) } ?? .null
        case "CONCAT":
            if values.contains(.null) { return .null }
            return .text(values.map(\.displayText).joined())
        case "ABS": return values.first?.numeric.map { .integer($0 < 0 ? 0 &- $0 : $0) } ?? .null
        case "COALESCE", "IFNULL": return values.first { $0 != .null } ?? .null
        case "CAST": return values.first ?? .null
        default: throw .unknownFunction(database: database, name: name, offset: offset)
        }
    }

    private static func decimalQuotient(_ x: Int64, _ y: Int64) -> String {
        // MySQL prints 4 decimals for integer division: 7/2 = 3.5000.
        let negative = (x < 0) != (y < 0)
        let ax = x.magnitude, ay = y.magnitude
        let (product, overflow) = ax.multipliedReportingOverflow(by: 10000)
        if overflow { return (negative ? "-" : "") + "\(ax / ay).0000" }
        let scaled = (product + ay / 2) / ay
        let whole = scaled / 10000, fraction = scaled % 10000
        let fractionText = String(fraction + 10000).dropFirst()
        return (negative ? "-" : "") + "\(whole).\(fractionText)"
    }

    /// SQL LIKE with `%` and `_`, by dynamic programming so any pattern is linear in size.
    static func like(_ text: String, _ pattern: String, caseInsensitive: Bool) -> Bool {
        let s = Array(caseInsensitive ? text.lowercased() : text)
        let p = Array(caseInsensitive ? pattern.lowercased() : pattern)
        var matches = Array(repeating: false, count: s.count + 1)
        matches[0] = true
        var pi = 0
        while pi < p.count {
            var c = p[pi]
            var literal = false
            if c == "\\", pi + 1 < p.count { pi += 1; c = p[pi]; literal = true }
            var next = Array(repeating: false, count: s.count + 1)
            if c == "%" && !literal {
                var any = false
                for i in 0...s.count { any = any || matches[i]; next[i] = any }
            } else {
                for i in 0..<s.count where matches[i] && ((c == "_" && !literal) || s[i] == c) { next[i + 1] = true }
            }
            matches = next
            pi += 1
        }
        return matches[s.count]
    }
}
