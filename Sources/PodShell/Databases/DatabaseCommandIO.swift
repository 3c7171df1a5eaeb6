/// What a database client command (`mysql`, `mysqladmin`, `psql`, `pg_dump`) needs from the
/// shell that runs it: arguments, streams, environment and the container's files.
///
/// Kept separate from the shell's `CommandContext` so the clients can be driven directly in tests;
/// `DatabaseCommandIO(context:)` builds one from a shell command context.
public final class DatabaseCommandIO {
    public let arguments: [String]
    /// The container's environment variables (`PGPASSWORD`, `MYSQL_PWD`, `USER`).
    public let environment: [String: String]
    public let stdinIsTerminal: Bool
    public let stdoutIsTerminal: Bool
    /// Where interactive clients push their line program (nil: no terminal, e.g. a probe).
    public let terminal: Terminal?
    public let readLine: () -> String?
    public let write: (String) -> Void
    public let writeError: (String) -> Void
    /// The container's files (pg_dump's `-f`, `POSTGRES_PASSWORD_FILE`).
    public let files: DatabaseStorage?
    /// Turns a path typed by the user into an absolute one (relative to the shell's cwd).
    public let absolutePath: (String) -> String

    public init(arguments: [String], environment: [String: String] = [:], stdinIsTerminal: Bool = false,
                stdoutIsTerminal: Bool = false, terminal: Terminal? = nil, readLine: @escaping () -> String? = { nil },
                write: @escaping (String) -> Void, writeError: @escaping (String) -> Void,
                files: DatabaseStorage? = nil, absolutePath: @escaping (String) -> String = { $0.hasPrefix("/") ? $0 : "/" + $0 }) {
        self.arguments = arguments
        self.environment = environment
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.terminal = terminal
        self.readLine = readLine
        self.write = write
        self.writeError = writeError
        self.files = files
        self.absolutePath = absolutePath
    }
}
