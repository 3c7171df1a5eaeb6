import Testing
@testable import PodShell

@Suite struct DatabaseMySQLClientTests {
    let warning = "mysql: [Warning] Using a password on the command line interface can be insecure.\n"

    /// Starts `mysql ARGS` at a terminal and returns the terminal with the monitor on it.
    func openMonitor(_ server: MySQLServer, _ recorder: DatabaseCommandRecorder, _ arguments: [String] = ["-u", "root", "-pqwerty"]) -> (Terminal, Int32) {
        let terminal = recorder.terminal()
        let status = MySQLClient.run(recorder.io(arguments, stdinIsTerminal: true, stdoutIsTerminal: true, terminal: terminal),
                                     connector: MySQLConnector(localServer: server))
        return (terminal, status)
    }

    @Test func seed003CreateDatabaseSurvivesANewServer() {
        let storage = InMemoryDatabaseStorage()
        let server = makeMySQLServer(storage: storage)
        let recorder = DatabaseCommandRecorder()
        let (terminal, status) = openMonitor(server, recorder)
        #expect(status == 0)
        #expect(terminal.prompt == "mysql> ")
        let opened = recorder.take()
        #expect(opened.err == warning)
        #expect(opened.out == """
            Welcome to the MySQL monitor.  Commands end with ; or \\g.
            Your MySQL connection id is 2
            Server version: 5.7.44 MySQL Community Server (GPL)

            Copyright (c) 2000, 2023, Oracle and/or its affiliates.

            Oracle is a registered trademark of Oracle Corporation and/or its
            affiliates. Other names may be trademarks of their respective
            owners.

            Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.


            """)
        terminal.feed("create database hello;")
        #expect(recorder.take().out == "Query OK, 1 row affected (0.01 sec)\n\n")
        terminal.feed("show databases;")
        let listing = """
            +--------------------+
            | Database           |
            +--------------------+
            | information_schema |
            | hello              |
            | mysql              |
            | performance_schema |
            | sys                |
            +--------------------+
            5 rows in set (0.00 sec)


            """
        #expect(recorder.take().out == listing)
        #expect(terminal.feed("exit") == 0)
        #expect(recorder.take().out == "Bye\n")
        #expect(terminal.isFinished)

        // The pod is recreated over the same volume: a new server, initialisation skipped.
        #expect(MySQLServer.initialize(dataDirectory: "/var/lib/mysql", fileSystem: storage, rootPassword: "other") == false)
        let recreated = MySQLServer(dataDirectory: "/var/lib/mysql", storage: storage, hostname: "mysql-0")
        let (again, _) = openMonitor(recreated, recorder)
        _ = recorder.take()
        again.feed("show databases;")
        #expect(recorder.take().out == listing)
    }

    @Test func freshServerListsTheSystemDatabases() {
        let recorder = DatabaseCommandRecorder()
        let status = MySQLClient.run(recorder.io(["-uroot", "-pqwerty", "-e", "show databases"]),
                                     connector: MySQLConnector(localServer: makeMySQLServer()))
        #expect(status == 0)
        #expect(recorder.out == "Database\ninformation_schema\nmysql\nperformance_schema\nsys\n")
        #expect(recorder.err == warning)
    }

    @Test func executeAtATerminalPrintsBoxesWithoutRowCount() {
        let recorder = DatabaseCommandRecorder()
        _ = MySQLClient.run(recorder.io(["-uroot", "-pqwerty", "-e", "select 1+1, @@hostname"], stdoutIsTerminal: true),
                            connector: MySQLConnector(localServer: makeMySQLServer()))
        #expect(recorder.out == """
            +-----+------------+
            | 1+1 | @@hostname |
            +-----+------------+
            |   2 | mysql-0    |
            +-----+------------+

            """)
    }

    @Test func wrongPasswordIsDenied() {
        let recorder = DatabaseCommandRecorder()
        let status = MySQLClient.run(recorder.io(["-u", "root", "-pwrong"]), connector: MySQLConnector(localServer: makeMySQLServer()))
        #expect(status == 1)
        #expect(recorder.err == warning + "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\n")
        let noPassword = DatabaseCommandRecorder()
        _ = MySQLClient.run(noPassword.io([]), connector: MySQLConnector(localServer: makeMySQLServer()))
        #expect(noPassword.err == "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n")
    }

    @Test func passwordPromptAtTheTerminalReadsTheNextLine() {
        let recorder = DatabaseCommandRecorder()
        let (terminal, status) = openMonitor(makeMySQLServer(), recorder, ["-u", "root", "-p"])
        #expect(status == 0)
        #expect(terminal.prompt == "Enter password: ")
        #expect(recorder.take() == ("", ""))
        terminal.feed("qwerty")
        #expect(recorder.out.hasPrefix("Welcome to the MySQL monitor."))
        #expect(terminal.prompt == "mysql> ")

        let denied = DatabaseCommandRecorder()
        let (other, _) = openMonitor(makeMySQLServer(), denied, ["-u", "root", "-p"])
        #expect(other.feed("nope") == 1)
        #expect(denied.err == "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\n")
        #expect(other.isFinished)
    }

    @Test func passwordPromptWithoutATerminalReadsStdin() {
        let recorder = DatabaseCommandRecorder(input: ["qwerty", "show databases;"])
        let status = MySQLClient.run(recorder.io(["-uroot", "-p"]), connector: MySQLConnector(localServer: makeMySQLServer()))
        #expect(status == 0)
        #expect(recorder.out == "Enter password: \nDatabase\ninformation_schema\nmysql\nperformance_schema\nsys\n")
    }

    @Test func pipedInputRunsInBatchMode() {
        let recorder = DatabaseCommandRecorder(input: [
            "create database shop; use shop",
            "create table items (id int auto_increment primary key, name varchar(20) not null);",
            "insert into items (name) values ('apple'), ('pear');",
            "select * from items",
            "  order by name desc;",
            "select count(*) from items; select nothere from items;",
            "show tables;",
        ])
        let status = MySQLClient.run(recorder.io(["-uroot", "-pqwerty"]), connector: MySQLConnector(localServer: makeMySQLServer()))
        #expect(status == 1)
        #expect(recorder.out == "id\tname\n2\tpear\n1\tapple\ncount(*)\n2\n")
        #expect(recorder.err == warning + "ERROR 1054 (42S22) at line 6: Unknown column 'nothere' in 'field list'\n")
    }

    @Test func unknownDatabaseOnTheCommandLine() {
        let recorder = DatabaseCommandRecorder()
        let status = MySQLClient.run(recorder.io(["-uroot", "-pqwerty", "nothere"]), connector: MySQLConnector(localServer: makeMySQLServer()))
        #expect(status == 1)
        #expect(recorder.err == warning + "ERROR 1049 (42000): Unknown database 'nothere'\n")
    }

    @Test func hostsOtherThanLocalhost() {
        let local = makeMySQLServer()
        let remote = makeMySQLServer(hostname: "mysql-1")
        let connector = MySQLConnector(localServer: nil, clientAddress: "10.244.1.7") { name in
            switch name {
            case "mysql-1.mysql": return .server(remote)
            case "web": return .noServer
            default: return .unknownHost
            }
        }
        _ = local
        let unknown = DatabaseCommandRecorder()
        #expect(MySQLClient.run(unknown.io(["-h", "db", "-uroot", "-pqwerty"]), connector: connector) == 1)
        #expect(unknown.err == warning + "ERROR 2005 (HY000): Unknown MySQL server host 'db' (0)\n")
        let refused = DatabaseCommandRecorder()
        _ = MySQLClient.run(refused.io(["-hweb", "-uroot", "-pqwerty"]), connector: connector)
        #expect(refused.err == warning + "ERROR 2003 (HY000): Can't connect to MySQL server on 'web' (111)\n")
        let noSocket = DatabaseCommandRecorder()
        _ = MySQLClient.run(noSocket.io(["-uroot", "-pqwerty"]), connector: connector)
        #expect(noSocket.err == warning + "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)\n")
        let reached = DatabaseCommandRecorder()
        _ = MySQLClient.run(reached.io(["-h", "mysql-1.mysql", "-uroot", "-pqwerty", "-N", "-e", "select @@hostname"]), connector: connector)
        #expect(reached.out == "mysql-1\n")
        let denied = DatabaseCommandRecorder()
        _ = MySQLClient.run(denied.io(["-h", "mysql-1.mysql", "-uroot", "-pbad"]), connector: connector)
        #expect(denied.err == warning + "ERROR 1045 (28000): Access denied for user 'root'@'10.244.1.7' (using password: YES)\n")
    }

    @Test func badOptions() {
        let recorder = DatabaseCommandRecorder()
        #expect(MySQLClient.run(recorder.io(["--bogus"]), connector: MySQLConnector(localServer: nil)) == 2)
        #expect(recorder.err == "mysql: [ERROR] unknown option '--bogus'\n")
        let missing = DatabaseCommandRecorder()
        #expect(MySQLClient.run(missing.io(["-e"]), connector: MySQLConnector(localServer: nil)) == 5)
        #expect(missing.err == "mysql: [ERROR] mysql: option '-e' requires an argument\n")
    }

    @Test func mysqladminPing() {
        let server = makeMySQLServer()
        let recorder = DatabaseCommandRecorder()
        #expect(MySQLAdmin.run(recorder.io(["-pqwerty", "ping"]), connector: MySQLConnector(localServer: server)) == 0)
        #expect(recorder.out == "mysqld is alive\n")
        #expect(recorder.err == "mysqladmin: [Warning] Using a password on the command line interface can be insecure.\n")
        // The probe of seed 003 runs without a shell: the password is the literal `$MYSQL_ROOT_PASSWORD`.
        let probe = DatabaseCommandRecorder()
        #expect(MySQLAdmin.run(probe.io(["-p$MYSQL_ROOT_PASSWORD", "ping"]), connector: MySQLConnector(localServer: server)) == 0)
        #expect(probe.out == "")
        #expect(probe.err == """
            mysqladmin: [Warning] Using a password on the command line interface can be insecure.
            mysqladmin: connect to server at 'localhost' failed
            error: 'Access denied for user 'root'@'localhost' (using password: YES)'

            """)
        let down = DatabaseCommandRecorder()
        #expect(MySQLAdmin.run(down.io(["ping"]), connector: MySQLConnector(localServer: nil)) == 1)
        #expect(down.err == """
            mysqladmin: connect to server at 'localhost' failed
            error: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'
            Check that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!

            """)
    }
}
