import Testing
@testable import PodShell

/// Statements typed at the `mysql>` prompt, compared with the 5.7 client's exact output.
@Suite struct DatabaseMySQLStatementTests {
    final class Monitor {
        let recorder = DatabaseCommandRecorder()
        let terminal: Terminal
        let storage = InMemoryDatabaseStorage()

        init() {
            let server = makeMySQLServer(storage: storage)
            terminal = recorder.terminal()
            _ = MySQLClient.run(recorder.io(["-uroot", "-pqwerty"], stdinIsTerminal: true, terminal: terminal),
                                connector: MySQLConnector(localServer: server))
            _ = recorder.take()
        }

        /// Feeds lines and returns stdout and stderr together, as a terminal shows them.
        func type(_ lines: String...) -> String {
            for line in lines { terminal.feed(line) }
            let (out, err) = recorder.take()
            return out + err
        }
    }

    @Test func errorTexts() {
        let m = Monitor()
        #expect(m.type("create database hello;") == "Query OK, 1 row affected (0.01 sec)\n\n")
        #expect(m.type("create database hello;") == "ERROR 1007 (HY000): Can't create database 'hello'; database exists\n")
        #expect(m.type("use x;") == "ERROR 1049 (42000): Unknown database 'x'\n")
        #expect(m.type("show tables;") == "ERROR 1046 (3D000): No database selected\n")
        #expect(m.type("select * from t;") == "ERROR 1046 (3D000): No database selected\n")
        #expect(m.type("use hello") == "Database changed\n")
        #expect(m.type("select * from t;") == "ERROR 1146 (42S02): Table 'hello.t' doesn't exist\n")
        #expect(m.type("selec * from t;") == "ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'selec * from t' at line 1\n")
        #expect(m.type("create table t (id int", "  name varchar(5));") == "ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'name varchar(5))' at line 2\n")
        #expect(m.type("drop database nothere;") == "ERROR 1008 (HY000): Can't drop database 'nothere'; database doesn't exist\n")
        #expect(m.type("drop table nothere;") == "ERROR 1051 (42S02): Unknown table 'hello.nothere'\n")
        #expect(m.type("create table t (id int primary key, name varchar(5) not null);") == "Query OK, 0 rows affected (0.01 sec)\n\n")
        #expect(m.type("create table t (a int);") == "ERROR 1050 (42S01): Table 't' already exists\n")
        #expect(m.type("insert into t values (1);") == "ERROR 1136 (21S01): Column count doesn't match value count at row 1\n")
        #expect(m.type("insert into t values (1, 'ann');") == "Query OK, 1 row affected (0.01 sec)\n\n")
        #expect(m.type("insert into t values (1, 'bob');") == "ERROR 1062 (23000): Duplicate entry '1' for key 'PRIMARY'\n")
        #expect(m.type("insert into t values (2, 'toolongname');") == "ERROR 1406 (22001): Data too long for column 'name' at row 1\n")
        #expect(m.type("insert into t values ('x', 'y');") == "ERROR 1366 (HY000): Incorrect integer value: 'x' for column 'id' at row 1\n")
        #expect(m.type("insert into t (id) values (3);") == "ERROR 1364 (HY000): Field 'name' doesn't have a default value\n")
        #expect(m.type("select nope from t;") == "ERROR 1054 (42S22): Unknown column 'nope' in 'field list'\n")
        #expect(m.type("select * from t where nope = 1;") == "ERROR 1054 (42S22): Unknown column 'nope' in 'where clause'\n")
        #expect(m.type("select foo();") == "ERROR 1305 (42000): FUNCTION hello.foo does not exist\n")
        #expect(m.type(";") == "ERROR: \nNo query specified\n\n")
    }

    @Test func tablesAndQueries() {
        let m = Monitor()
        _ = m.type("create database shop;", "use shop;")
        #expect(m.type("create table items (id int not null auto_increment primary key, name varchar(20), added date);")
                == "Query OK, 0 rows affected (0.01 sec)\n\n")
        #expect(m.type("insert into items (name, added) values ('apple', '2024-01-02'), ('pear', now()), ('fig', NULL);")
                == "Query OK, 3 rows affected (0.01 sec)\nRecords: 3  Duplicates: 0  Warnings: 0\n\n")
        #expect(m.type("select * from items where name like 'p%' or id = 1 order by id desc;") == """
            +----+-------+------------+
            | id | name  | added      |
            +----+-------+------------+
            |  2 | pear  | 2026-11-18 |
            |  1 | apple | 2024-01-02 |
            +----+-------+------------+
            2 rows in set (0.00 sec)


            """)
        #expect(m.type("select name, added from items where added is null;") == """
            +------+-------+
            | name | added |
            +------+-------+
            | fig  | NULL  |
            +------+-------+
            1 row in set (0.00 sec)


            """)
        #expect(m.type("select count(*) from items;") == """
            +----------+
            | count(*) |
            +----------+
            |        3 |
            +----------+
            1 row in set (0.00 sec)


            """)
        #expect(m.type("update items set name = 'plum' where id <> 1 and id < 3;")
                == "Query OK, 1 row affected (0.01 sec)\nRows matched: 1  Changed: 1  Warnings: 0\n\n")
        #expect(m.type("delete from items where id > 2;") == "Query OK, 1 row affected (0.01 sec)\n\n")
        #expect(m.type("select id, name from items order by name limit 1;") == """
            +----+-------+
            | id | name  |
            +----+-------+
            |  1 | apple |
            +----+-------+
            1 row in set (0.00 sec)


            """)
        #expect(m.type("select * from items where id = 99;") == "Empty set (0.00 sec)\n\n")
        #expect(m.type("describe items;") == """
            +-------+-------------+------+-----+---------+----------------+
            | Field | Type        | Null | Key | Default | Extra          |
            +-------+-------------+------+-----+---------+----------------+
            | id    | int(11)     | NO   | PRI | NULL    | auto_increment |
            | name  | varchar(20) | YES  |     | NULL    |                |
            | added | date        | YES  |     | NULL    |                |
            +-------+-------------+------+-----+---------+----------------+
            3 rows in set (0.00 sec)


            """)
        #expect(m.type("show tables;") == """
            +----------------+
            | Tables_in_shop |
            +----------------+
            | items          |
            +----------------+
            1 row in set (0.00 sec)


            """)
        #expect(m.type("select database(), version(), @@hostname;") == """
            +------------+-----------+------------+
            | database() | version() | @@hostname |
            +------------+-----------+------------+
            | shop       | 5.7.44    | mysql-0    |
            +------------+-----------+------------+
            1 row in set (0.00 sec)


            """)
        #expect(m.type("select now();") == """
            +---------------------+
            | now()               |
            +---------------------+
            | 2026-11-18 11:06:40 |
            +---------------------+
            1 row in set (0.00 sec)


            """)
        #expect(m.type("drop database shop;") == "Query OK, 1 row affected (0.01 sec)\n\n")
        #expect(m.type("select database();") == """
            +------------+
            | database() |
            +------------+
            | NULL       |
            +------------+
            1 row in set (0.00 sec)


            """)
    }

    @Test func continuationPromptsCommentsAndSeveralStatementsOnALine() {
        let m = Monitor()
        #expect(m.terminal.prompt == "mysql> ")
        #expect(m.type("select 'a;b'") == "")
        #expect(m.terminal.prompt == "    -> ")
        #expect(m.type("-- a comment; still typing", "/* block */ ;") == """
            +-----+
            | a;b |
            +-----+
            | a;b |
            +-----+
            1 row in set (0.00 sec)


            """)
        #expect(m.type("# just a comment") == "")
        #expect(m.terminal.prompt == "mysql> ")
        #expect(m.type("select 'it''s") == "")
        #expect(m.terminal.prompt == "    '> ")
        #expect(m.type("'\\c") == "")
        #expect(m.terminal.prompt == "mysql> ")
        #expect(m.type("create database a; create database b; show databases\\G") == """
            Query OK, 1 row affected (0.01 sec)

            Query OK, 1 row affected (0.01 sec)

            *************************** 1. row ***************************
            Database: information_schema
            *************************** 2. row ***************************
            Database: a
            *************************** 3. row ***************************
            Database: b
            *************************** 4. row ***************************
            Database: mysql
            *************************** 5. row ***************************
            Database: performance_schema
            *************************** 6. row ***************************
            Database: sys
            6 rows in set (0.00 sec)


            """)
        #expect(m.terminal.feed("\\q") == 0)
        #expect(m.recorder.take().out == "Bye\n")
    }

    @Test func statusReport() {
        var clock: Int64 = 1_000_000
        let server = MySQLServer(storage: InMemoryDatabaseStorage(), hostname: "mysql-0", now: { clock })
        MySQLServer.initialize(fileSystem: server.storage, rootPassword: "qwerty")
        let recorder = DatabaseCommandRecorder()
        let terminal = recorder.terminal()
        _ = MySQLClient.run(recorder.io(["-uroot", "-pqwerty", "mysql"], stdinIsTerminal: true, terminal: terminal), connector: MySQLConnector(localServer: server))
        _ = recorder.take()
        clock += 3_665_000
        terminal.feed("\\s")
        #expect(recorder.take().out == """
            --------------
            mysql  Ver 14.14 Distrib 5.7.44, for Linux (x86_64) using  EditLine wrapper

            Connection id:\t\t2
            Current database:\tmysql
            Current user:\t\troot@localhost
            SSL:\t\t\tNot in use
            Current pager:\t\tstdout
            Using outfile:\t\t''
            Using delimiter:\t;
            Server version:\t\t5.7.44 MySQL Community Server (GPL)
            Protocol version:\t10
            Connection:\t\tLocalhost via UNIX socket
            Server characterset:\tlatin1
            Db     characterset:\tlatin1
            Client characterset:\tlatin1
            Conn.  characterset:\tlatin1
            UNIX socket:\t\t/var/run/mysqld/mysqld.sock
            Uptime:\t\t\t1 hour 1 min 5 sec

            Threads: 1  Questions: 5  Slow queries: 0  Opens: 105  Flush tables: 1  Open tables: 98  Queries per second avg: 0.001
            --------------


            """)
    }

    @Test func filesLiveUnderTheDataDirectory() {
        let m = Monitor()
        _ = m.type("create database hello;", "use hello", "create table t (id int);", "insert into t values (7);")
        #expect(m.storage.directoryEntries("/var/lib/mysql") == [
            "auto.cnf", "hello", "ib_buffer_pool", "ib_logfile0", "ib_logfile1", "ibdata1", "mysql", "performance_schema", "sys",
        ])
        #expect(m.storage.directoryEntries("/var/lib/mysql/hello") == ["db.opt", "t.frm", "t.ibd"])
        #expect(m.storage.fileText("/var/lib/mysql/hello/t.ibd") == "[7]\n")
        // A damaged table file never crashes the server.
        try? m.storage.storeFile("/var/lib/mysql/hello/t.ibd", text: "garbage\n[8]\n")
        #expect(m.type("select * from t;").contains("|    8 |"))
        try? m.storage.storeFile("/var/lib/mysql/hello/t.frm", text: "{")
        #expect(m.type("select * from t;") == "ERROR 1146 (42S02): Table 'hello.t' doesn't exist\n")
    }

    @Test func entrypointNeedsAPasswordOption() {
        let storage = InMemoryDatabaseStorage()
        let failed = MySQLServer.start(environment: [:], fileSystem: storage)
        #expect(failed.succeeded == false)
        #expect(failed.log.hasSuffix("""
            1970-01-01 00:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified
                You need to specify one of the following as an environment variable:
                - MYSQL_ROOT_PASSWORD
                - MYSQL_ALLOW_EMPTY_PASSWORD
                - MYSQL_RANDOM_ROOT_PASSWORD

            """))
        let started = MySQLServer.start(environment: ["MYSQL_ROOT_PASSWORD": "pw", "MYSQL_DATABASE": "app"], fileSystem: storage)
        #expect(started.succeeded)
        #expect(started.log.contains("[Note] [Entrypoint]: MySQL init process done. Ready for start up."))
        #expect(started.log.hasSuffix("Version: '5.7.44'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)\n"))
        #expect(!MySQLServer.start(environment: [:], fileSystem: storage).log.contains("Initializing"))
        let server = MySQLServer(storage: storage, hostname: "db")
        #expect(server.authenticate(user: "root", password: "pw"))
        #expect(!server.authenticate(user: "root", password: "qwerty"))
        #expect(server.engine(user: "root").databaseNames() == ["information_schema", "app", "mysql", "performance_schema", "sys"])
        #expect(SHA1.mysqlNativePassword("qwerty") == "*AA1420F182E88B9E5F874F6FBE7459291E8F4601")
    }
}
