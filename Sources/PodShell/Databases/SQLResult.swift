/// Rows a query returned, with which columns hold numbers (both clients right-align those).
public struct SQLResultSet: Equatable, Sendable {
    public var columns: [String]
    public var numericColumns: [Bool]
    public var rows: [[SQLValue]]
    /// Columns that may hold NULL: the MySQL client makes them at least 4 wide (room for `NULL`).
    public var nullableColumns: [Bool]

    init(columns: [String], numericColumns: [Bool], rows: [[SQLValue]], nullableColumns: [Bool]? = nil) {
        self.columns = columns
        self.numericColumns = numericColumns
        self.rows = rows
        self.nullableColumns = nullableColumns ?? columns.indices.map { i in rows.contains { i < $0.count && $0[i] == .null } }
    }
}

/// What one statement did, for the client to print in its own words.
enum SQLOutcome: Equatable {
    case resultSet(SQLResultSet)
    /// MySQL: `Query OK, n rows affected`, plus `info` (`Records: 2  Duplicates: 0  Warnings: 0`);
    /// PostgreSQL prints `tag` (`INSERT 0 2`, `CREATE TABLE`).
    case done(affected: Int, warnings: Int, info: String?, tag: String)
    case databaseChanged(String)
}
