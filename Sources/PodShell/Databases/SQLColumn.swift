/// A column's declared type, kept close to what DESCRIBE and `\d` print.
public struct SQLColumnType: Equatable, Sendable, Codable {
    public enum Base: String, Sendable, Codable {
        case integer, bigint, smallint, tinyint, varchar, char, text, date, datetime, timestamp, boolean, decimal
    }
    public var base: Base
    /// The length of VARCHAR(n)/CHAR(n); nil otherwise.
    public var length: Int?

    var isNumeric: Bool { [.integer, .bigint, .smallint, .tinyint, .boolean].contains(base) }

    /// MySQL 5.7's DESCRIBE spelling (`int(11)`, `varchar(20)`).
    var mysqlName: String {
        switch base {
        case .integer: return "int(11)"
        case .bigint: return "bigint(20)"
        case .smallint: return "smallint(6)"
        case .tinyint, .boolean: return "tinyint(\(base == .boolean ? 1 : 4))"
        case .varchar: return "varchar(\(length ?? 255))"
        case .char: return "char(\(length ?? 1))"
        case .decimal: return "decimal(10,0)"
        default: return base.rawValue
        }
    }

    /// PostgreSQL's spelling in `\d`.
    var postgresName: String {
        switch base {
        case .integer, .tinyint: return "integer"
        case .bigint: return "bigint"
        case .smallint: return "smallint"
        case .varchar: return length.map { "character varying(\($0))" } ?? "character varying"
        case .char: return "character(\(length ?? 1))"
        case .datetime, .timestamp: return "timestamp without time zone"
        case .decimal: return "numeric"
        default: return base.rawValue
        }
    }
}

/// A column of a table as stored in its definition file.
public struct SQLColumn: Equatable, Sendable, Codable {
    public var name: String
    public var type: SQLColumnType
    public var notNull: Bool
    public var primaryKey: Bool
    public var unique: Bool
    public var autoIncrement: Bool
    public var defaultValue: SQLValue?
}

/// A table's definition and rows; stored as `<table>.frm` (definition) and `<table>.ibd` (rows,
/// one JSON array per line) in the database's directory, so `ls /var/lib/mysql/hello` looks familiar.
public struct SQLTable: Equatable, Sendable, Codable {
    public var name: String
    public var columns: [SQLColumn]
    public var rows: [[SQLValue]]
    /// The next AUTO_INCREMENT / SERIAL value.
    public var nextAutoIncrement: Int64

    func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name.lowercased() == name.lowercased() }
    }
}
