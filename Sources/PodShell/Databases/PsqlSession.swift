/// One psql connection: runs statements and meta-commands and words the results as psql does.
final class PsqlSession {
    private(set) var server: PostgresServer
    private(set) var user: String
    private(set) var database: String
    let connector: PostgresConnector
    let host: String?

    init(server: PostgresServer, user: String, database: String, connector: PostgresConnector, host: String?) {
        self.server = server
        self.user = user
        self.database = database
        self.connector = connector
        self.host = host
    }

    /// `postgres=# ` for the superuser the image creates.
    func prompt(_ marker: Character) -> String { "\(database)\(marker)# " }

    /// Output of one statement: (stdout, stderr).
    func run(_ sql: String, tuplesOnly: Bool = false, unaligned: Bool = false) -> (out: String, err: String) {
        var current: String? = database
        do {
            let outcome = try server.engine(user: user).run(sql, database: &current)
            switch outcome {
            case .resultSet(let result):
                if unaligned { return (PsqlFormatter.unaligned(result, tuplesOnly: tuplesOnly), "") }
                return (tuplesOnly ? PsqlFormatter.tuplesOnly(result) : PsqlFormatter.aligned(result), "")
            case .done(_, _, _, let tag):
                return (tag + "\n", "")
            case .databaseChanged:
                return ("", "")
            }
        } catch {
            return ("", error.postgresText(statement: sql))
        }
    }

    /// A backslash command; `quit` true for `\q`.
    func meta(_ text: String) -> (out: String, err: String, quit: Bool) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let command = words.first ?? "\\"
        let arguments = Array(words.dropFirst())
        switch command {
        case "\\q", "\\quit":
            return ("", "", true)
        case "\\l", "\\list", "\\l+":
            return (Self.databaseList(server), "", false)
        case "\\dt", "\\d", "\\dt+", "\\d+":
            if let name = arguments.first, command.hasPrefix("\\d"), command != "\\dt" && command != "\\dt+" {
                return describe(name.lowercased())
            }
            return relations()
        case "\\c", "\\connect":
            let target = arguments.first ?? database
            let newUser = arguments.count > 1 ? arguments[1] : user
            switch connector.connect(host: host, user: newUser, database: target, password: { nil }) {
            case .success(let found):
                server = found
                database = target
                user = newUser
                return ("You are now connected to database \"\(target)\" as user \"\(newUser)\".\n", "", false)
            case .failure(let failure):
                return ("", failure.text + "\nPrevious connection kept\n", false)
            }
        case "\\conninfo":
            if let host {
                return ("You are connected to database \"\(database)\" as user \"\(user)\" on host \"\(host)\" at port \"5432\".\n", "", false)
            }
            return ("You are connected to database \"\(database)\" as user \"\(user)\" via socket in \"/var/run/postgresql\" at port \"5432\".\n", "", false)
        case "\\?":
            return ("General\n  \\q                     quit psql\n\nInformational\n  \\d[S+]                 list tables, views, and sequences\n  \\d[S+]  NAME           describe table, view, sequence, or index\n  \\dt[S+] [PATTERN]      list tables\n  \\l[+]   [PATTERN]      list databases\n\nConnection\n  \\c[onnect] {[DBNAME|- USER|- HOST|- PORT|-] | conninfo}\n                         connect to new database (currently \"\(database)\")\n  \\conninfo              display information about current connection\n\n", "", false)
        default:
            return ("", "invalid command \(command)\nTry \\? for help.\n", false)
        }
    }

    /// `\l`: the databases with owner, encoding, locale and template privileges.
    static func databaseList(_ server: PostgresServer) -> String {
        let rows: [[SQLValue]] = server.catalog.databaseNames().sorted().map { name in
            let privileges = name.hasPrefix("template") ? "=c/postgres\npostgres=CTc/postgres" : ""
            return [.text(name), .text("postgres"), .text("UTF8"), .text("en_US.utf8"), .text("en_US.utf8"), .text(privileges)]
        }
        let result = SQLResultSet(columns: ["Name", "Owner", "Encoding", "Collate", "Ctype", "Access privileges"],
                                  numericColumns: Array(repeating: false, count: 6), rows: rows)
        return PsqlFormatter.aligned(result, title: "List of databases")
    }

    private func relations() -> (out: String, err: String, quit: Bool) {
        let names = server.catalog.tableNames(database)
        guard !names.isEmpty else { return ("", "Did not find any relations.\n", false) }
        let result = SQLResultSet(columns: ["Schema", "Name", "Type", "Owner"], numericColumns: [false, false, false, false],
                                  rows: names.map { [.text("public"), .text($0), .text("table"), .text("postgres")] })
        return (PsqlFormatter.aligned(result, title: "List of relations"), "", false)
    }

    private func describe(_ name: String) -> (out: String, err: String, quit: Bool) {
        guard let table = server.catalog.loadTable(database, name) else {
            return ("", "Did not find any relation named \"\(name)\".\n", false)
        }
        let rows: [[SQLValue]] = table.columns.map { column in
            let defaultText: String
            if column.autoIncrement { defaultText = "nextval('\(table.name)_\(column.name)_seq'::regclass)" }
            else if let value = column.defaultValue, value != .null { defaultText = value.displayText }
            else { defaultText = "" }
            return [.text(column.name), .text(column.type.postgresName), .text(""), .text(column.notNull ? "not null" : ""), .text(defaultText)]
        }
        let result = SQLResultSet(columns: ["Column", "Type", "Collation", "Nullable", "Default"],
                                  numericColumns: Array(repeating: false, count: 5), rows: rows)
        var text = PsqlFormatter.aligned(result, title: "Table \"public.\(table.name)\"")
        // \d has no row count; it lists the indexes instead.
        text = String(text.dropLast("(\(rows.count) \(rows.count == 1 ? "row" : "rows"))\n\n".count))
        let keys = table.columns.filter { $0.primaryKey }.map(\.name)
        if !keys.isEmpty { text += "Indexes:\n    \"\(table.name)_pkey\" PRIMARY KEY, btree (\(keys.joined(separator: ", ")))\n" }
        return (text + "\n", "", false)
    }
}
