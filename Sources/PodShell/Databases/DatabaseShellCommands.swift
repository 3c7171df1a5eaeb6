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
///
/// Wiring in the container runtime, for a `mysql:5.7` container:
/// 1. Mount the volumes, then call `MySQLServer.start(environment:fileSystem:now:)` with the
///    container's env and its `VirtualFileSystem`; `succeeded == false` means the entrypoint exits 1
///    (CrashLoopBackOff); `log` is what `kubectl logs` shows.
/// 2. Keep one `MySQLServer(storage: fileSystem, hostname: podHostname, now: clock)` per running
///    container (the server reads its files on every statement, so a new instance over the same
///    volume after the pod is recreated sees the same data).
/// 3. `commands["mysql"] = DatabaseShellCommands.mysql { MySQLConnector(localServer: server, clientAddress: podIP, lookupHost: ...) }`
///    and the same for `mysqladmin`; `lookupHost` maps a DNS name to the `MySQLServer` of the pod
///    behind it (`.noServer` when it resolves to a pod without mysql, `.unknownHost` for NXDOMAIN).
/// For postgres images: `PostgresServer.start(environment:fileSystem:now:)`, one `PostgresServer`,
/// and `psql`/`pg_dump` with a `PostgresConnector`; client-only containers (the backup CronJob) get a
/// connector with `localServer: nil`.
public enum DatabaseShellCommands {
    public static func mysql(_ connector: @escaping () -> MySQLConnector) -> ShellCommand {
        { context in
            var c = connector()
            c.clock = context.environment.now
            return MySQLClient.run(DatabaseCommandIO(context: context), connector: c)
        }
    }

    public static func mysqladmin(_ connector: @escaping () -> MySQLConnector) -> ShellCommand {
        { context in
            var c = connector()
            c.clock = context.environment.now
            return MySQLAdmin.run(DatabaseCommandIO(context: context), connector: c)
        }
    }

    public static func psql(_ connector: @escaping () -> PostgresConnector) -> ShellCommand {
        { context in PsqlClient.run(DatabaseCommandIO(context: context), connector: connector()) }
    }

    public static func pgDump(_ connector: @escaping () -> PostgresConnector) -> ShellCommand {
        { context in PgDump.run(DatabaseCommandIO(context: context), connector: connector(), now: context.environment.now()) }
    }
}
