/// Rows a query returned, with which columns hold numbers (both clients right-align those).
public struct SQLResultSet: Equatable, Sendable {
    public var columns: [String]
    public var numericColumns: [Bool]
    public var rows: [[SQLValue]]
}

/// What one statement did, for the client to print in its own words.
enum SQLOutcome: Equatable {
    case resultSet(SQLResultSet)
    /// MySQL: `Query OK, n rows affected`, plus `info` (`Records: 2  Duplicates: 0  Warnings: 0`);
    /// PostgreSQL prints `tag` (`INSERT 0 2`, `CREATE TABLE`).
    case done(affected: Int, warnings: Int, info: String?, tag: String)
    case databaseChanged(String)
}
