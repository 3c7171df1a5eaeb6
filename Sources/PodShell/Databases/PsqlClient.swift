/// `psql` of the postgres image: `-c` and piped input run and exit, a terminal gets the
/// `postgres=# ` prompt. Connections over the Unix socket are trusted, as in the image.
public enum PsqlClient {
    public static func run(_ io: DatabaseCommandIO, connector: PostgresConnector) -> Int32 {
        let options: PostgresClientOptions
        do { options = try PostgresClientOptions.parse(io.arguments, program: "psql") } catch {
            io.writeError(PostgresClientOptions.message(error, program: "psql"))
            return 1
        }
        if options.flags.contains("version") { io.write("psql (PostgreSQL) 11.6\n"); return 0 }
        let request = PsqlRequest(options: options, environment: io.environment, connector: connector)
        let interactive = io.stdinIsTerminal && io.terminal != nil
        let environmentPassword = io.environment["PGPASSWORD"]
        switch request.connect(password: environmentPassword) {
        case .failure(.passwordRequired) where interactive && !options.flags.contains("no-password"):
            io.terminal?.push(PsqlProgram(request: request))
            return 0
        case .failure(let failure):
            io.writeError("psql: " + failure.text + "\n")
            return 2
        case .success(let session):
            return request.proceed(session, io: io, interactive: interactive)
        }
    }
}

/// A psql invocation's settings.
struct PsqlRequest {
    let options: PostgresClientOptions
    let user: String
    let database: String
    let host: String?
    let connector: PostgresConnector

    init(options: PostgresClientOptions, environment: [String: String], connector: PostgresConnector) {
        self.options = options
        self.user = options.values["username"] ?? (options.positional.count > 1 ? options.positional[1] : nil)
            ?? environment["PGUSER"] ?? environment["USER"] ?? "root"
        self.database = options.values["dbname"] ?? options.positional.first ?? environment["PGDATABASE"] ?? user
        self.host = options.values["host"] ?? environment["PGHOST"]
        self.connector = connector
    }

    func connect(password: String?) -> Result<PsqlSession, PostgresConnector.Failure> {
        // `-l` connects to the postgres database whatever the default.
        let target = options.flags.contains("list") && options.values["dbname"] == nil && options.positional.isEmpty ? "postgres" : database
        return connector.connect(host: host, user: user, database: target, password: { password }).map {
            PsqlSession(server: $0, user: user, database: target, connector: connector, host: host)
        }
    }

    /// After connecting: `-l`, `-c`, piped statements, or the interactive prompt.
    func proceed(_ session: PsqlSession, io: DatabaseCommandIO, interactive: Bool) -> Int32 {
        if options.flags.contains("list") {
            io.write(PsqlSession.databaseList(session.server))
            return 0
        }
        let tuplesOnly = options.flags.contains("tuples-only")
        let unaligned = options.flags.contains("no-align")
        if !options.commands.isEmpty {
            for command in options.commands {
                if command.hasPrefix("\\") {
                    let (out, err, _) = session.meta(command)
                    io.write(out)
                    io.writeError(err)
                    continue
                }
                var buffer = PsqlInputBuffer()
                var pieces = buffer.feed(command, lineNumber: 1)
                if !buffer.isEmpty { pieces += buffer.feed(";", lineNumber: 1) }
                for case .statement(let sql, _) in pieces {
                    let (out, err) = session.run(sql, tuplesOnly: tuplesOnly, unaligned: unaligned)
                    io.write(out)
                    if !err.isEmpty { io.writeError(err); return 1 }
                }
            }
            return 0
        }
        if interactive, let terminal = io.terminal {
            io.write("psql (11.6)\nType \"help\" for help.\n\n")
            terminal.push(PsqlProgram(session: session))
            return 0
        }
        // Piped script: errors name the line (`psql:<stdin>:3: ERROR:  ...`) and the script goes on.
        var buffer = PsqlInputBuffer()
        var number = 0
        while let line = io.readLine() {
            number += 1
            for piece in buffer.feed(line, lineNumber: number) {
                switch piece {
                case .statement(let sql, let at):
                    let (out, err) = session.run(sql, tuplesOnly: tuplesOnly, unaligned: unaligned)
                    io.write(out)
                    if !err.isEmpty { io.writeError("psql:<stdin>:\(at): " + err) }
                case .meta(let text, _):
                    let (out, err, quit) = session.meta(text)
                    io.write(out)
                    io.writeError(err)
                    if quit { return 0 }
                }
            }
        }
        return 0
    }
}

/// The interactive `postgres=# ` prompt, preceded by `Password for user X: ` when the server asks.
final class PsqlProgram: LineProgram {
    private var request: PsqlRequest?
    private var session: PsqlSession?
    private var buffer = PsqlInputBuffer()

    init(session: PsqlSession) { self.session = session }
    init(request: PsqlRequest) { self.request = request }

    var prompt: String {
        guard let session else { return "Password for user \(request?.user ?? ""): " }
        return session.prompt(buffer.promptMarker)
    }

    func handle(line: String, terminal: Terminal) -> LineResult {
        guard let session else { return login(password: line, terminal: terminal) }
        let trimmed = line.trimmingTrailingWhitespace.drop(while: \.isWhitespace)
        if buffer.isEmpty {
            switch trimmed {
            case "help":
                terminal.writeOut("You are using psql, the command-line interface to PostgreSQL.\nType:  \\copyright for distribution terms\n       \\h for help with SQL commands\n       \\? for help with psql commands\n       \\g or terminate with semicolon to execute query\n       \\q to quit\n")
                return .continue
            case "quit", "exit":
                return .exit(0)
            default: break
            }
        }
        for piece in buffer.feed(line, lineNumber: 1) {
            switch piece {
            case .statement(let sql, _):
                let (out, err) = session.run(sql)
                terminal.writeOut(out)
                terminal.writeErr(err)
            case .meta(let text, _):
                let (out, err, quit) = session.meta(text)
                terminal.writeOut(out)
                terminal.writeErr(err)
                if quit { return .exit(0) }
            }
        }
        return .continue
    }

    private func login(password: String, terminal: Terminal) -> LineResult {
        guard let request else { return .exit(2) }
        switch request.connect(password: password) {
        case .failure(let failure):
            terminal.writeErr("psql: " + failure.text + "\n")
            return .exit(2)
        case .success(let opened):
            terminal.writeOut("psql (11.6)\nType \"help\" for help.\n\n")
            session = opened
            return .continue
        }
    }

    func interrupt(terminal: Terminal) { buffer.clear() }

    func endOfInput(terminal: Terminal) { if session != nil { terminal.writeOut("\\q\n") } }
}
