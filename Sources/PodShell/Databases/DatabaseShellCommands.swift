extension DatabaseCommandIO {
    /// The streams, environment and files of a shell command, for the database clients.
    public convenience init(context: CommandContext) {
        var environment: [String: String] = [:]
        for variable in context.environmentVariables { environment[variable.name] = variable.value }
        let stdin = context.stdin
        self.init(arguments: context.arguments, environment: environment, stdinIsTerminal: context.stdinIsTerminal,
                  stdoutIsTerminal: context.stdoutIsTerminal, terminal: context.terminal,
                  readLine: { stdin.readLine() },
                  write: { context.write($0) }, writeError: { context.writeError($0) },
                  files: context.fileSystem, absolutePath: { context.absolutePath($0) })
    }
}

/// The database clients as entries of a container's command table. The connectors are asked for at
/// each run, because the server of a pod starts (and its peers appear) after the shell exists.
public enum DatabaseShellCommands {
    public static func mysql(_ connector: @escaping () -> MySQLConnector) -> ShellCommand {
        { context in MySQLClient.run(DatabaseCommandIO(context: context), connector: connector()) }
    }

    public static func mysqladmin(_ connector: @escaping () -> MySQLConnector) -> ShellCommand {
        { context in MySQLAdmin.run(DatabaseCommandIO(context: context), connector: connector()) }
    }

    public static func psql(_ connector: @escaping () -> PostgresConnector) -> ShellCommand {
        { context in PsqlClient.run(DatabaseCommandIO(context: context), connector: connector()) }
    }

    public static func pgDump(_ connector: @escaping () -> PostgresConnector) -> ShellCommand {
        { context in PgDump.run(DatabaseCommandIO(context: context), connector: connector(), now: context.environment.now()) }
    }
}
