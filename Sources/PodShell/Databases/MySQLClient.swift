import Foundation

/// The `mysql` command-line client of the mysql:5.7 image: batch mode for `-e` and piped input,
/// the `mysql>` monitor when stdin is the terminal.
public enum MySQLClient {
    public static let versionLine = "mysql  Ver 14.14 Distrib 5.7.44, for Linux (x86_64) using  EditLine wrapper\n"

    public static let banner = """
        Welcome to the MySQL monitor.  Commands end with ; or \\g.
        Your MySQL connection id is %ID%
        Server version: 5.7.44 MySQL Community Server (GPL)

        Copyright (c) 2000, 2023, Oracle and/or its affiliates.

        Oracle is a registered trademark of Oracle Corporation and/or its
        affiliates. Other names may be trademarks of their respective
        owners.

        Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.


        """

    /// Runs `mysql ARGS`; returns the exit status, or 0 after pushing the monitor onto the terminal
    /// (the monitor's own status then arrives through `childExited`).
    public static func run(_ io: DatabaseCommandIO, connector: MySQLConnector) -> Int32 {
        let options: MySQLClientOptions
        do { options = try MySQLClientOptions.parse(io.arguments) } catch {
            io.writeError(MySQLClientOptions.message(error, program: "mysql"))
            return error.isMissingArgument ? 5 : 2
        }
        if options.showVersion { io.write(versionLine); return 0 }
        let request = MySQLClientRequest(options: options, environment: io.environment, connector: connector,
                                         stdoutIsTerminal: io.stdoutIsTerminal)
        if options.password.map({ !$0.isEmpty }) ?? false {
            io.writeError("mysql: [Warning] Using a password on the command line interface can be insecure.\n")
        }
        let interactive = io.stdinIsTerminal && io.terminal != nil
        if options.promptForPassword && interactive, let terminal = io.terminal {
            terminal.push(MySQLMonitor(request: request))
            return 0
        }
        var password = options.password ?? io.environment["MYSQL_PWD"]
        if options.promptForPassword {
            io.write("Enter password: ")
            password = io.readLine() ?? ""
            io.write("\n")
        }
        let connection: MySQLConnection
        switch request.connect(password: password) {
        case .failure(let error):
            io.writeError(error.text)
            return 1
        case .success(let opened):
            connection = opened
        }
        if let sql = options.execute {
            return request.runBatch(lines: sql.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                                    connection: connection, write: io.write, writeError: io.writeError, fromExecute: true)
        }
        if interactive, let terminal = io.terminal {
            io.write(banner.replacingFirst("%ID%", with: String(connection.id)))
            terminal.push(MySQLMonitor(connection: connection))
            return 0
        }
        var lines: [String] = []
        while let line = io.readLine() { lines.append(line) }
        return request.runBatch(lines: lines, connection: connection, write: io.write, writeError: io.writeError, fromExecute: false)
    }
}

/// A `mysql` invocation's settings once its options are read.
struct MySQLClientRequest {
    let options: MySQLClientOptions
    let user: String
    let database: String?
    let connector: MySQLConnector
    let stdoutIsTerminal: Bool

    init(options: MySQLClientOptions, environment: [String: String], connector: MySQLConnector, stdoutIsTerminal: Bool) {
        self.options = options
        self.user = options.user ?? environment["USER"] ?? "root"
        self.database = options.database ?? options.positional.first
        self.connector = connector
        self.stdoutIsTerminal = stdoutIsTerminal
    }

    /// Connects and selects the database; the failure is the client's error line.
    func connect(password: String?) -> Result<MySQLConnection, ConnectError> {
        switch connector.connect(host: options.host, user: user, password: password) {
        case .failure(let failure):
            return .failure(ConnectError(text: failure.text + "\n"))
        case .success(let server):
            let connection = MySQLConnection(server: server, user: user, database: nil)
            if let database {
                if case .failure(let error) = connection.run("USE `\(database.replacingOccurrences("`", "``"))`") {
                    return .failure(ConnectError(text: error.mysqlText(statement: "") + "\n"))
                }
            }
            return .success(connection)
        }
    }

    struct ConnectError: Error { let text: String }

    /// Runs statements read from `-e` or piped stdin; stops at the first error unless `--force`.
    func runBatch(lines: [String], connection: MySQLConnection, write: (String) -> Void,
                  writeError: (String) -> Void, fromExecute: Bool) -> Int32 {
        var buffer = MySQLInputBuffer()
        var status: Int32 = 0
        // `-e` prints tables when its output is a terminal; piped input prints tabs unless `-t`.
        let table = options.table || (fromExecute && stdoutIsTerminal && !options.batch)
        func execute(_ piece: MySQLInputBuffer.Piece) -> Bool {
            switch piece {
            case .statement(let sql, let vertical, let line):
                let (out, error) = connection.batch(sql, vertical: vertical || options.vertical, table: table,
                                                    columnNames: !options.skipColumnNames, line: line)
                write(out)
                if let error { writeError(error); status = 1; return options.force }
            case .use(let name, let line):
                if case .failure(let error) = connection.run("USE `\(name.replacingOccurrences("`", "``"))`") {
                    writeError(MySQLConnection.batchError(error.mysqlText(statement: ""), line: line))
                    status = 1
                    return options.force
                }
            case .emptyStatement:
                break
            case .status:
                write(connection.statusReport())
            case .quit:
                return false
            }
            return true
        }
        for (index, line) in lines.enumerated() {
            for piece in buffer.feed(line, lineNumber: index + 1) where !execute(piece) { return status }
        }
        if !buffer.isEmpty {
            // A last statement without `;` still runs at the end of input.
            let text = buffer.pending.trimmingTrailingWhitespace
            _ = execute(.statement(String(text.drop(while: \.isWhitespace)), vertical: false, line: lines.count))
        }
        return status
    }
}

/// The interactive `mysql>` prompt: first `Enter password: ` when `-p` was given without a value.
final class MySQLMonitor: LineProgram {
    private var request: MySQLClientRequest?
    private var connection: MySQLConnection?
    private var buffer = MySQLInputBuffer()

    init(connection: MySQLConnection) { self.connection = connection }
    init(request: MySQLClientRequest) { self.request = request }

    var prompt: String { connection == nil ? "Enter password: " : buffer.prompt }

    func handle(line: String, terminal: Terminal) -> LineResult {
        guard let connection else { return login(password: line, terminal: terminal) }
        for piece in buffer.feed(line, lineNumber: 1) {
            switch piece {
            case .quit:
                terminal.writeOut("Bye\n")
                return .exit(0)
            case .emptyStatement:
                terminal.writeErr("ERROR: \nNo query specified\n\n")
            case .status:
                terminal.writeOut(connection.statusReport())
            case .use(let name, _):
                let (out, err) = connection.interactive("USE `\(name.replacingOccurrences("`", "``"))`", vertical: false)
                terminal.writeOut(out)
                terminal.writeErr(err)
            case .statement(let sql, let vertical, _):
                let (out, err) = connection.interactive(sql, vertical: vertical)
                terminal.writeOut(out)
                terminal.writeErr(err)
            }
        }
        return .continue
    }

    private func login(password: String, terminal: Terminal) -> LineResult {
        guard let request else { return .exit(1) }
        switch request.connect(password: password) {
        case .failure(let error):
            terminal.writeErr(error.text)
            return .exit(1)
        case .success(let opened):
            if let sql = request.options.execute {
                let status = request.runBatch(lines: sql.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                                              connection: opened, write: terminal.writeOut, writeError: terminal.writeErr, fromExecute: true)
                return .exit(status)
            }
            terminal.writeOut(MySQLClient.banner.replacingFirst("%ID%", with: String(opened.id)))
            connection = opened
            return .continue
        }
    }

    /// Ctrl-C drops the statement being typed; the client stays.
    func interrupt(terminal: Terminal) {
        buffer.clear()
    }

    func endOfInput(terminal: Terminal) {
        if connection != nil { terminal.writeOut("Bye\n") }
    }
}

extension MySQLClientOptions.Failure {
    var isMissingArgument: Bool { if case .missingArgument = self { return true } else { return false } }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }

    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
