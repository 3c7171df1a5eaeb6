import Foundation

/// One client's session with a server: the current database and how its statements' results
/// are reported in the client's interactive and batch styles.
final class MySQLConnection {
    let server: MySQLServer
    let engine: SQLEngine
    let id: Int
    var database: String?

    init(server: MySQLServer, user: String, database: String?) {
        self.server = server
        self.engine = server.engine(user: user)
        self.id = server.openConnection()
        self.database = database
    }

    func run(_ sql: String) -> Result<SQLOutcome, SQLError> {
        do { return .success(try server.execute(sql, engine: engine, database: &database)) } catch { return .failure(error) }
    }

    /// Output of a statement at the `mysql>` prompt: (stdout text, stderr text).
    func interactive(_ sql: String, vertical: Bool) -> (out: String, err: String) {
        switch run(sql) {
        case .failure(let error):
            return ("", error.mysqlText(statement: sql) + "\n")
        case .success(.databaseChanged):
            return ("Database changed\n", "")
        case .success(.resultSet(let result)):
            if result.rows.isEmpty { return ("Empty set (0.00 sec)\n\n", "") }
            let table = vertical ? MySQLResultFormatter.vertical(result) : MySQLResultFormatter.boxed(result)
            return (table + MySQLResultFormatter.rowCount(result.rows.count) + " (0.00 sec)\n\n", "")
        case .success(.done(let affected, let warnings, let info, let tag)):
            var line = "Query OK, \(affected) \(affected == 1 ? "row" : "rows") affected"
            if warnings > 0 { line += ", \(warnings) \(warnings == 1 ? "warning" : "warnings")" }
            let seconds = ["SET", "BEGIN", "COMMIT", "ROLLBACK"].contains(tag) || warnings > 0 ? "0.00" : "0.01"
            line += " (\(seconds) sec)\n"
            if let info { line += info + "\n" }
            return (line + "\n", "")
        }
    }

    /// Output in batch mode (`-e`, piped stdin); nil error text on success.
    func batch(_ sql: String, vertical: Bool, table: Bool, columnNames: Bool, line: Int) -> (out: String, error: String?) {
        switch run(sql) {
        case .failure(let error):
            return ("", Self.batchError(error.mysqlText(statement: sql), line: line))
        case .success(.resultSet(let result)):
            if vertical { return (MySQLResultFormatter.vertical(result), nil) }
            if table { return (result.rows.isEmpty ? "" : MySQLResultFormatter.boxed(result), nil) }
            return (result.rows.isEmpty ? "" : MySQLResultFormatter.tabSeparated(result, columnNames: columnNames), nil)
        case .success:
            return ("", nil)
        }
    }

    /// The client's `status` (`\\s`) report.
    func statusReport() -> String {
        var seconds = max(0, (server.now() - server.startedAt) / 1000)
        let elapsed = seconds
        // mysql's nice_time: units that are zero are left out; `min` and `sec` never take an s.
        var uptime = ""
        for (size, one, many) in [(Int64(86400), "day", "days"), (3600, "hour", "hours"), (60, "min", "min")] where seconds >= size {
            let count = seconds / size
            seconds -= count * size
            uptime += "\(count) \(count > 1 ? many : one) "
        }
        uptime += "\(seconds) sec"
        let average = elapsed > 0 ? String(format: "%.3f", 5.0 / Double(elapsed)) : "5.000"
        return """
            --------------
            \(MySQLClient.versionLine)
            Connection id:\t\t\(id)
            Current database:\t\(database ?? "")
            Current user:\t\t\(engine.user)@localhost
            SSL:\t\t\tNot in use
            Current pager:\t\tstdout
            Using outfile:\t\t''
            Using delimiter:\t;
            Server version:\t\t5.7.44 MySQL Community Server (GPL)
            Protocol version:\t10
            Connection:\t\tLocalhost via UNIX socket
            Server characterset:\tlatin1
            Db     characterset:\tlatin1
            Client characterset:\tlatin1
            Conn.  characterset:\tlatin1
            UNIX socket:\t\t/var/run/mysqld/mysqld.sock
            Uptime:\t\t\t\(uptime)

            Threads: 1  Questions: 5  Slow queries: 0  Opens: 105  Flush tables: 1  Open tables: 98  Queries per second avg: \(average)
            --------------


            """
    }

    /// Batch mode names the input line: `ERROR 1049 (42000) at line 1: Unknown database 'x'`.
    static func batchError(_ text: String, line: Int) -> String {
        guard let marker = text.range(of: "): ") else { return text + "\n" }
        return text[..<marker.lowerBound] + ") at line \(line): " + text[marker.upperBound...] + "\n"
    }
}
