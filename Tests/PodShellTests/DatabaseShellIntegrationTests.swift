import Testing
@testable import PodShell

/// The clients as container commands: over a `VirtualFileSystem` whose data directory is a
/// volume's subPath, run by the shell language, at a terminal.
@Suite struct DatabaseShellIntegrationTests {
    /// A mysql:5.7 container over `volume` mounted at /var/lib/mysql with subPath `data` (seed 003).
    func mysqlContainer(_ volume: VirtualVolume) -> (ShellEnvironment, MySQLServer) {
        let env = makeShell(.bash)
        try? env.fileSystem.mount(volume, at: "/var/lib/mysql", subPath: "data")
        env.setVariable("MYSQL_ROOT_PASSWORD", "qwerty", export: true)
        let started = MySQLServer.start(environment: ["MYSQL_ROOT_PASSWORD": "qwerty"], fileSystem: env.fileSystem)
        #expect(started.succeeded)
        let server = MySQLServer(storage: env.fileSystem, hostname: "mysql-0", now: env.now)
        env.commands["mysql"] = DatabaseShellCommands.mysql { MySQLConnector(localServer: server) }
        env.commands["mysqladmin"] = DatabaseShellCommands.mysqladmin { MySQLConnector(localServer: server) }
        return (env, server)
    }

    @Test func seed003ThroughTheShellAndAVolume() {
        let volume = VirtualVolume(name: "pvc-mysql-0")
        let (env, _) = mysqlContainer(volume)
        let terminal = Terminal(mode: .script, writeOut: { _ in }, writeErr: { _ in })
        var shown = ""
        terminal.writeOut = { shown += $0 }
        terminal.writeErr = { shown += $0 }
        terminal.push(ShellSession(environment: env, prompt: "root@mysql-0:/# "))
        terminal.feed("mysql -u root -p$MYSQL_ROOT_PASSWORD")
        #expect(terminal.prompt == "mysql> ")
        shown = ""
        terminal.feed("create database hello;")
        #expect(shown == "Query OK, 1 row affected (0.01 sec)\n\n")
        terminal.feed("exit")
        #expect(terminal.prompt == "root@mysql-0:/# ")
        #expect(env.combined("ls /var/lib/mysql/hello") == "db.opt\n")

        // The StatefulSet is deleted and re-applied: a new container over the same volume.
        let (again, _) = mysqlContainer(volume)
        #expect(again.combined("mysql -uroot -pqwerty -e 'show databases'") == """
            mysql: [Warning] Using a password on the command line interface can be insecure.
            Database
            information_schema
            hello
            mysql
            performance_schema
            sys

            """)
        #expect(again.combined("echo 'show databases like' | mysql -uroot -pqwerty 2>/dev/null; echo $?") == "1\n")
        #expect(again.combined("echo 'select @@hostname;' | mysql -N -uroot -pqwerty 2>/dev/null") == "mysql-0\n")
        // The liveness probe's exec form: no shell, so the variable is not expanded.
        var probeOut = ""
        let status = again.execute(["mysqladmin", "-p$MYSQL_ROOT_PASSWORD", "ping"], stdout: { probeOut += $0 }, stderr: { _ in })
        #expect(status == 0)
        #expect(probeOut == "")
        #expect(again.combined("mysqladmin -p$MYSQL_ROOT_PASSWORD ping 2>/dev/null") == "mysqld is alive\n")
    }

    @Test func pgDumpCronJobCommand() {
        let dbEnv = makeShell(.busyboxSh)
        try? dbEnv.fileSystem.createDirectory("/secrets")
        try? dbEnv.fileSystem.writeFile("/secrets/postgres_password", text: "kiamol-2*2*")
        _ = PostgresServer.start(environment: ["POSTGRES_PASSWORD_FILE": "/secrets/postgres_password"], fileSystem: dbEnv.fileSystem)
        let server = PostgresServer(storage: dbEnv.fileSystem, hostname: "todo-db-1", now: dbEnv.now)
        dbEnv.commands["psql"] = DatabaseShellCommands.psql { PostgresConnector(localServer: server) }
        #expect(dbEnv.combined("psql -U postgres -c 'create database todo'") == "CREATE DATABASE\n")

        let job = makeShell(.busyboxSh)
        let backup = VirtualVolume(name: "todo-db-backup-pvc")
        try? job.fileSystem.mount(backup, at: "/backup")
        job.setVariable("POSTGRES_SECONDARY_FQDN", "todo-db-1.todo-db.default.svc.cluster.local", export: true)
        job.setVariable("PGPASSWORD", "kiamol-2*2*", export: true)
        job.commands["pg_dump"] = DatabaseShellCommands.pgDump {
            PostgresConnector(localServer: nil) { $0 == "todo-db-1.todo-db.default.svc.cluster.local" ? .server(server) : .unknownHost }
        }
        let output = job.combined(#"sh -c 'pg_dump -h $POSTGRES_SECONDARY_FQDN -U postgres -F tar -f "/backup/$(date +%y%m%d-%H%M).tar" todo'"#)
        #expect(output == "")
        #expect(job.combined("ls /backup") == "250602-0900.tar\n")
        #expect(job.combined("pg_dump -h nowhere -U postgres todo; echo $?") == "pg_dump: [archiver (db)] connection to database \"todo\" failed: could not translate host name \"nowhere\" to address: Name does not resolve\n1\n")
    }
}
