import Testing
@testable import PodShell

/// Odd input is an error message, never a crash or a hang.
@Suite struct DatabaseRobustnessTests {
    @Test func malformedStatementsAreErrors() {
        let server = makeMySQLServer()
        let connection = MySQLConnection(server: server, user: "root", database: nil)
        _ = connection.run("create database d")
        _ = connection.run("use d")
        _ = connection.run("create table t (a int, b varchar(3))")
        let inputs = [
            "", "'", "\"", "`", "select", "select * from", "create table x (", "insert into t values", "insert into t values (",
            "select ((((1", String(repeating: "(", count: 5000) + "1", String(repeating: "not ", count: 5000) + "1",
            String(repeating: "-", count: 3000) + "1", "select 9223372036854775807 * 2, -9223372036854775807 - 2 / 0",
            "select 99999999999999999999999", "select 9223372036854775807 / 7, (0 - 9223372036854775807 - 1) / -1, (0 - 9223372036854775807 - 1) % -1",
            "select * from t limit 99999999999999999999", "select * from t order by 0", "select * from t order by 99",
            "insert into t values (1, 'abcd')", "select 'a' like '%%%%%%%%%%%%%%%%%%%%%%_'", "drop table t, t, t",
            "select @@nope", "\u{0}", "select '\u{1F600}'", "create database `a/b`", "use ``", "select * from `` ",
        ]
        for input in inputs {
            let result = connection.interactive(input, vertical: false)
            #expect(!(result.out + result.err).isEmpty || input.isEmpty, "\(input.prefix(40))")
        }
        #expect(connection.interactive("select 7 / 2, 2 - 5, 'x' = 'X';", vertical: false).out.contains("| 3.5000 |    -3 |         1 |"))
    }

    @Test func psqlOddInput() {
        let storage = InMemoryDatabaseStorage()
        PostgresServer.initialize(fileSystem: storage, password: nil)
        let server = PostgresServer(storage: storage, hostname: "pg")
        let session = PsqlSession(server: server, user: "postgres", database: "postgres", connector: PostgresConnector(localServer: server), host: nil)
        for input in ["", ";", "select", "select * from", "\\", "\\d nothere", "select 1 +", String(repeating: "(", count: 4000)] {
            let result = session.run(input)
            _ = session.meta(input)
            #expect(!(result.out + result.err).isEmpty || input.isEmpty)
        }
        #expect(session.run("select 1 +;").err == "ERROR:  syntax error at or near \";\"\nLINE 1: select 1 +;\n                  ^\n")
        #expect(session.run("select 1 +").err == "ERROR:  syntax error at end of input\nLINE 1: select 1 +\n                  ^\n")
    }
}
