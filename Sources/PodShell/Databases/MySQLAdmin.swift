import Foundation

/// `mysqladmin` of the mysql:5.7 image: `ping` (the liveness probe of seed 003), `create`, `drop -f`,
/// `version`.
///
/// As documented for the real tool, `ping` exits 0 whenever the server answers, even when it refuses
/// the login: an exec probe written as `mysqladmin -p$MYSQL_ROOT_PASSWORD ping` (no shell, so the
/// variable stays unexpanded) still passes.
public enum MySQLAdmin {
    public static func run(_ io: DatabaseCommandIO, connector: MySQLConnector) -> Int32 {
        let options: MySQLClientOptions
        do { options = try MySQLClientOptions.parse(io.arguments) } catch {
            io.writeError(MySQLClientOptions.message(error, program: "mysqladmin"))
            return error.isMissingArgument ? 5 : 2
        }
        if options.showVersion {
            io.write("mysqladmin  Ver 8.42 Distrib 5.7.44, for Linux on x86_64\n")
            return 0
        }
        if options.password.map({ !$0.isEmpty }) ?? false {
            io.writeError("mysqladmin: [Warning] Using a password on the command line interface can be insecure.\n")
        }
        var password = options.password ?? io.environment["MYSQL_PWD"]
        if options.promptForPassword {
            io.write("Enter password: ")
            password = io.readLine() ?? ""
            io.write("\n")
        }
        guard let command = options.positional.first else {
            io.write("mysqladmin  Ver 8.42 Distrib 5.7.44, for Linux on x86_64\nUsage: mysqladmin [OPTIONS] command command....\n")
            return 1
        }
        let user = options.user ?? io.environment["USER"] ?? "root"
        let hostShown = options.host ?? "localhost"
        let server: MySQLServer
        switch io.connectorResult(connector, host: options.host, user: user, password: password) {
        case .success(let found):
            server = found
        case .failure(let failure):
            io.writeError("mysqladmin: connect to server at '\(hostShown)' failed\nerror: '\(failure.adminText)'\n")
            if case .noSocket = failure {
                io.writeError("Check that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!\n")
            }
            if case .accessDenied = failure, command == "ping" { return 0 }
            return 1
        }
        let connection = MySQLConnection(server: server, user: user, database: nil)
        switch command {
        case "ping":
            io.write("mysqld is alive\n")
            return 0
        case "version", "status":
            io.write("Uptime: 60  Threads: 1  Questions: 2  Slow queries: 0  Opens: 105  Flush tables: 1  Open tables: 98  Queries per second avg: 0.033\n")
            return 0
        case "create", "drop":
            guard options.positional.count > 1 else {
                io.writeError("mysqladmin: Too few arguments to \(command)\n")
                return 1
            }
            let name = options.positional[1]
            let sql = command == "create" ? "CREATE DATABASE `\(name)`" : "DROP DATABASE `\(name)`"
            if case .failure(let error) = connection.run(sql) {
                let text = error.mysqlText(statement: sql)
                let message = text.range(of: "): ").map { String(text[$0.upperBound...]) } ?? text
                io.writeError("mysqladmin: \(command.uppercased()) DATABASE failed; error: '\(message)'\n")
                return 1
            }
            if command == "drop" { io.write("Database \"\(name)\" dropped\n") }
            return 0
        default:
            io.writeError("mysqladmin: Unknown command: '\(command)'\n")
            return 1
        }
    }
}

extension DatabaseCommandIO {
    func connectorResult(_ connector: MySQLConnector, host: String?, user: String, password: String?) -> Result<MySQLServer, MySQLConnector.Failure> {
        connector.connect(host: host, user: user, password: password)
    }
}
