import Testing
@testable import PodShell

@Suite struct DatabasePostgresTests {
    /// A postgres:11.6-alpine data directory initialised from a secret file, as in seed 002.
    func makeServer(_ storage: InMemoryDatabaseStorage = InMemoryDatabaseStorage(), hostname: String = "todo-db-0") -> PostgresServer {
        try? storage.makeDirectory("/secrets")
        try? storage.storeFile("/secrets/postgres_password", text: "kiamol-2*2*")
        let started = PostgresServer.start(environment: ["POSTGRES_PASSWORD_FILE": "/secrets/postgres_password"], fileSystem: storage)
        #expect(started.succeeded)
        return PostgresServer(storage: storage, hostname: hostname, now: { 1_795_000_000_000 })
    }

    @Test func startLogAndSecondStart() {
        let storage = InMemoryDatabaseStorage()
        try? storage.makeDirectory("/secrets")
        try? storage.storeFile("/secrets/postgres_password", text: "pw\n")
        let first = PostgresServer.start(environment: ["POSTGRES_PASSWORD_FILE": "/secrets/postgres_password"], fileSystem: storage)
        #expect(first.log.contains("PostgreSQL init process complete; ready for start up."))
        #expect(!first.log.contains("WARNING: No password has been set"))
        #expect(first.log.hasSuffix("1970-01-01 00:00:00.000 UTC [1] LOG:  database system is ready to accept connections\n"))
        let second = PostgresServer.start(environment: [:], fileSystem: storage)
        #expect(second.log.hasPrefix("\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n"))
        let missing = PostgresServer.start(environment: ["POSTGRES_PASSWORD_FILE": "/nope"], fileSystem: InMemoryDatabaseStorage())
        #expect(missing.succeeded == false)
    }

    @Test func interactivePsqlSession() {
        let server = makeServer()
        let recorder = DatabaseCommandRecorder()
        let terminal = recorder.terminal()
        let status = PsqlClient.run(recorder.io(["-U", "postgres"], stdinIsTerminal: true, terminal: terminal),
                                    connector: PostgresConnector(localServer: server))
        #expect(status == 0)
        #expect(recorder.take().out == "psql (11.6)\nType \"help\" for help.\n\n")
        #expect(terminal.prompt == "postgres=# ")
        terminal.feed("\\l")
        #expect(recorder.take().out == """
                                             List of databases
               Name    |  Owner   | Encoding |  Collate   |   Ctype    |   Access privileges   
            -----------+----------+----------+------------+------------+-----------------------
             postgres  | postgres | UTF8     | en_US.utf8 | en_US.utf8 | 
             template0 | postgres | UTF8     | en_US.utf8 | en_US.utf8 | =c/postgres          +
                       |          |          |            |            | postgres=CTc/postgres
             template1 | postgres | UTF8     | en_US.utf8 | en_US.utf8 | =c/postgres          +
                       |          |          |            |            | postgres=CTc/postgres
            (3 rows)


            """)
        terminal.feed("CREATE DATABASE todo;")
        #expect(recorder.take().out == "CREATE DATABASE\n")
        terminal.feed("create database todo;")
        #expect(recorder.take().err == "ERROR:  database \"todo\" already exists\n")
        terminal.feed("\\c todo")
        #expect(recorder.take().out == "You are now connected to database \"todo\" as user \"postgres\".\n")
        #expect(terminal.prompt == "todo=# ")
        terminal.feed("\\dt")
        #expect(recorder.take().err == "Did not find any relations.\n")
        terminal.feed("create table items (id serial primary key,")
        #expect(terminal.prompt == "todo(# ")
        terminal.feed("  item varchar(50), done boolean);")
        #expect(recorder.take().out == "CREATE TABLE\n")
        terminal.feed("insert into items (item, done) values ('milk', false), ('eggs', true);")
        #expect(recorder.take().out == "INSERT 0 2\n")
        terminal.feed("select * from items order by id;")
        #expect(recorder.take().out == """
             id | item | done 
            ----+------+------
              1 | milk | f
              2 | eggs | t
            (2 rows)


            """)
        terminal.feed("select item from items where done;")
        #expect(recorder.take().out == " item \n------\n eggs\n(1 row)\n\n")
        terminal.feed("update items set done = true where done = false;")
        #expect(recorder.take().out == "UPDATE 1\n")
        terminal.feed("select count(*), current_database() from items;")
        #expect(recorder.take().out == " count | current_database \n-------+------------------\n     2 | todo\n(1 row)\n\n")
        terminal.feed("select * from nothere;")
        #expect(recorder.take().err == "ERROR:  relation \"nothere\" does not exist\nLINE 1: select * from nothere;\n                      ^\n")
        terminal.feed("selec 1;")
        #expect(recorder.take().err == "ERROR:  syntax error at or near \"selec\"\nLINE 1: selec 1;\n        ^\n")
        terminal.feed("\\dt")
        #expect(recorder.take().out == """
                     List of relations
             Schema | Name  | Type  |  Owner   
            --------+-------+-------+----------
             public | items | table | postgres
            (1 row)


            """)
        terminal.feed("\\d items")
        #expect(recorder.take().out == """
                                               Table "public.items"
             Column |         Type          | Collation | Nullable |              Default              
            --------+-----------------------+-----------+----------+-----------------------------------
             id     | integer               |           | not null | nextval('items_id_seq'::regclass)
             item   | character varying(50) |           |          | 
             done   | boolean               |           |          | 
            Indexes:
                "items_pkey" PRIMARY KEY, btree (id)


            """)
        terminal.feed("\\foo")
        #expect(recorder.take().err == "invalid command \\foo\nTry \\? for help.\n")
        #expect(terminal.feed("\\q") == 0)
        #expect(terminal.isFinished)
    }

    @Test func commandOptionAndConnectionErrors() {
        let server = makeServer()
        let connector = PostgresConnector(localServer: server) { name in
            name == "todo-db-0.todo-db" ? .server(server) : (name == "web" ? .noServer : .unknownHost)
        }
        let asRoot = DatabaseCommandRecorder()
        #expect(PsqlClient.run(asRoot.io([]), connector: connector) == 2)
        #expect(asRoot.err == "psql: FATAL:  role \"root\" does not exist\n")
        let noDatabase = DatabaseCommandRecorder()
        _ = PsqlClient.run(noDatabase.io(["-U", "postgres", "-d", "todo"]), connector: connector)
        #expect(noDatabase.err == "psql: FATAL:  database \"todo\" does not exist\n")
        let command = DatabaseCommandRecorder()
        #expect(PsqlClient.run(command.io(["-U", "postgres", "-c", "select 1 + 1 as two, 'x'"]), connector: connector) == 0)
        #expect(command.out == " two | ?column? \n-----+----------\n   2 | x\n(1 row)\n\n")
        let remoteNoPassword = DatabaseCommandRecorder()
        _ = PsqlClient.run(remoteNoPassword.io(["-h", "todo-db-0.todo-db", "-U", "postgres"]), connector: connector)
        #expect(remoteNoPassword.err == "psql: fe_sendauth: no password supplied\n")
        let remoteWrong = DatabaseCommandRecorder()
        _ = PsqlClient.run(remoteWrong.io(["-h", "todo-db-0.todo-db", "-U", "postgres"], environment: ["PGPASSWORD": "bad"]), connector: connector)
        #expect(remoteWrong.err == "psql: FATAL:  password authentication failed for user \"postgres\"\n")
        let remote = DatabaseCommandRecorder()
        _ = PsqlClient.run(remote.io(["-h", "todo-db-0.todo-db", "-U", "postgres", "-tAc", "select 7"], environment: ["PGPASSWORD": "kiamol-2*2*"]), connector: connector)
        #expect(remote.out == "7\n")
        let unknown = DatabaseCommandRecorder()
        _ = PsqlClient.run(unknown.io(["-h", "nowhere", "-U", "postgres"]), connector: connector)
        #expect(unknown.err == "psql: could not translate host name \"nowhere\" to address: Name does not resolve\n")
        let badOption = DatabaseCommandRecorder()
        #expect(PsqlClient.run(badOption.io(["-k"]), connector: connector) == 1)
        #expect(badOption.err == "psql: invalid option -- 'k'\nTry \"psql --help\" for more information.\n")
    }

    @Test func passwordPromptOverTheNetwork() {
        let server = makeServer()
        let connector = PostgresConnector(localServer: nil) { _ in .server(server) }
        let recorder = DatabaseCommandRecorder()
        let terminal = recorder.terminal()
        _ = PsqlClient.run(recorder.io(["-h", "todo-db", "-U", "postgres"], stdinIsTerminal: true, terminal: terminal), connector: connector)
        #expect(terminal.prompt == "Password for user postgres: ")
        terminal.feed("kiamol-2*2*")
        #expect(recorder.take().out == "psql (11.6)\nType \"help\" for help.\n\n")
        #expect(terminal.prompt == "postgres=# ")
    }

    @Test func pipedScriptNamesTheFailingLine() {
        let server = makeServer()
        let recorder = DatabaseCommandRecorder(input: ["create table t (n int, m text);", "insert into t values ('x');", "select n from t;", "insert into t values (4);", "select * from t;"])
        #expect(PsqlClient.run(recorder.io(["-U", "postgres"]), connector: PostgresConnector(localServer: server)) == 0)
        #expect(recorder.out == "CREATE TABLE\n n \n---\n(0 rows)\n\nINSERT 0 1\n n | m \n---+---\n 4 | \n(1 row)\n\n")
        #expect(recorder.err == "psql:<stdin>:2: ERROR:  invalid input syntax for integer: \"x\"\n")
    }

    @Test func pgDumpWritesATarFileFromTheSecondary() {
        let dbStorage = InMemoryDatabaseStorage()
        let server = makeServer(dbStorage)
        let setup = DatabaseCommandRecorder()
        _ = PsqlClient.run(setup.io(["-U", "postgres", "-c", "create database todo"]), connector: PostgresConnector(localServer: server))
        _ = PsqlClient.run(setup.io(["-U", "postgres", "-d", "todo", "-c", "create table todos (id int not null, item text); insert into todos values (1, 'wash\tup'), (2, NULL)"]),
                           connector: PostgresConnector(localServer: server))
        #expect(setup.err == "")
        // The backup job's own container: another filesystem with the backup volume at /backup.
        let jobFiles = InMemoryDatabaseStorage()
        try? jobFiles.makeDirectory("/backup")
        let connector = PostgresConnector(localServer: nil) { $0 == "todo-db-1.todo-db.default.svc.cluster.local" ? .server(server) : .unknownHost }
        let recorder = DatabaseCommandRecorder()
        let status = PgDump.run(recorder.io(["-h", "todo-db-1.todo-db.default.svc.cluster.local", "-U", "postgres", "-F", "tar", "-f", "/backup/261118-1106.tar", "todo"],
                                            environment: ["PGPASSWORD": "kiamol-2*2*"], files: jobFiles), connector: connector, now: 1_795_000_000_000)
        #expect(status == 0)
        #expect(recorder.out == "" && recorder.err == "")
        let archive = Array((jobFiles.fileText("/backup/261118-1106.tar") ?? "").utf8)
        #expect(archive.count % 512 == 0 && archive.count >= 512 * 5)
        #expect(String(decoding: archive.prefix(7), as: UTF8.self) == "toc.dat")
        #expect(String(decoding: archive[257..<262], as: UTF8.self) == "ustar")
        let text = String(decoding: archive, as: UTF8.self)
        #expect(text.contains("COPY public.todos (id, item) FROM stdin;\n1\twash\\tup\n2\t\\N\n\\.\n"))
        #expect(text.contains("CREATE TABLE public.todos (\n    id integer NOT NULL,\n    item text\n);"))

        let plain = DatabaseCommandRecorder()
        _ = PgDump.run(plain.io(["-U", "postgres", "todo"]), connector: PostgresConnector(localServer: server))
        #expect(plain.out.hasPrefix("--\n-- PostgreSQL database dump\n--\n\n-- Dumped from database version 11.6\n"))
        #expect(plain.out.hasSuffix("--\n-- PostgreSQL database dump complete\n--\n\n"))

        let missingDirectory = DatabaseCommandRecorder()
        #expect(PgDump.run(missingDirectory.io(["-U", "postgres", "-F", "t", "-f", "/nope/x.tar", "todo"], files: jobFiles), connector: PostgresConnector(localServer: server)) == 1)
        #expect(missingDirectory.err == "pg_dump: [tar archiver] could not open TOC file \"/nope/x.tar\" for output: No such file or directory\n")
        let unknownHost = DatabaseCommandRecorder()
        _ = PgDump.run(unknownHost.io(["-h", "todo-db-9", "-U", "postgres", "todo"]), connector: connector)
        #expect(unknownHost.err == "pg_dump: [archiver (db)] connection to database \"todo\" failed: could not translate host name \"todo-db-9\" to address: Name does not resolve\n")
        let noDatabase = DatabaseCommandRecorder()
        _ = PgDump.run(noDatabase.io(["-U", "postgres", "shop"]), connector: PostgresConnector(localServer: server))
        #expect(noDatabase.err == "pg_dump: [archiver (db)] connection to database \"shop\" failed: FATAL:  database \"shop\" does not exist\n")
    }

    @Test func dataSurvivesANewServerOverTheSameDirectory() {
        let storage = InMemoryDatabaseStorage()
        let server = makeServer(storage)
        let recorder = DatabaseCommandRecorder()
        _ = PsqlClient.run(recorder.io(["-U", "postgres", "-c", "create database kept"]), connector: PostgresConnector(localServer: server))
        let again = PostgresServer(storage: storage, hostname: "todo-db-0")
        #expect(PostgresServer.initialize(fileSystem: storage, password: "other") == false)
        #expect(again.catalog.databaseNames() == ["kept", "postgres", "template0", "template1"])
        #expect(storage.directoryEntries("/var/lib/postgresql/data") == ["PG_VERSION", "base", "global", "pg_hba.conf", "postgresql.conf"])
    }
}
