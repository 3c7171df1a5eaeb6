import Testing
@testable import PodShell

/// PostgreSQL checks integer arithmetic against the expression's type instead of wrapping; the
/// expected lines were taken from psql against a PostgreSQL 15 server (the words are those of 11 and 16 too).
extension DatabasePostgresTests {
    func psqlScript(_ lines: [String]) -> (out: String, err: String) {
        let recorder = DatabaseCommandRecorder(input: lines)
        _ = PsqlClient.run(recorder.io(["-U", "postgres"]), connector: PostgresConnector(localServer: makeServer()))
        return (recorder.out, recorder.err)
    }

    @Test func integerArithmeticOverflowIsAnError() {
        let result = psqlScript([
            "select 2147483647 + 1;", "select 9223372036854775807 + 1;", "select -2147483648 - 1;", "select 2147483647 * 2;",
            "select 100000 * 100000;", "select -2147483648 / -1;", "select 1/0;", "select 5 % 0;",
        ])
        #expect(result.err == """
            psql:<stdin>:1: ERROR:  integer out of range
            psql:<stdin>:2: ERROR:  bigint out of range
            psql:<stdin>:3: ERROR:  integer out of range
            psql:<stdin>:4: ERROR:  integer out of range
            psql:<stdin>:5: ERROR:  integer out of range
            psql:<stdin>:6: ERROR:  integer out of range
            psql:<stdin>:7: ERROR:  division by zero
            psql:<stdin>:8: ERROR:  division by zero

            """)
        #expect(result.out == "")
    }

    @Test func integerConstantsAreTypedByTheirValue() {
        let result = psqlScript(["select -2147483648;", "select 2147483648 + 1;", "select -(-2147483648);", "select 7/2, 7%3, -7/2, -7%3;"])
        #expect(result.err == "")
        #expect(result.out == """
              ?column?   \n-------------\n -2147483648\n(1 row)\n
              ?column?  \n------------\n 2147483649\n(1 row)\n
              ?column?  \n------------\n 2147483648\n(1 row)\n
             ?column? | ?column? | ?column? | ?column? \n----------+----------+----------+----------\n        3 |        1 |       -3 |       -1\n(1 row)\n\n
            """)
    }

    @Test func aQuotedValueTooLargeForItsColumnIsPointedAt() {
        let result = psqlScript(["create table t (a int, b bigint, c smallint);", "insert into t values ('3000000000', 1, 1);"])
        #expect(result.err == """
            psql:<stdin>:2: ERROR:  value "3000000000" is out of range for type integer
            LINE 1: insert into t values ('3000000000', 1, 1);
                                          ^

            """)
    }

    @Test func columnsKeepTheirIntegerTypes() {
        let result = psqlScript([
            "create table t (a int, b bigint, c smallint);", "insert into t values (3000000000, 1, 1);",
            "insert into t values (1, 1, 40000);", "insert into t values (2147483647, 9223372036854775807, 32767);",
            "select a + 1 from t;", "select b + 1 from t;", "select c + 1 from t;", "select sum(a) from t;",
            "select count(*) + 9223372036854775807 from t;",
        ])
        #expect(result.err == """
            psql:<stdin>:2: ERROR:  integer out of range
            psql:<stdin>:3: ERROR:  smallint out of range
            psql:<stdin>:5: ERROR:  integer out of range
            psql:<stdin>:6: ERROR:  bigint out of range
            psql:<stdin>:9: ERROR:  bigint out of range

            """)
        #expect(result.out == """
            CREATE TABLE\nINSERT 0 1\n ?column? \n----------\n    32768\n(1 row)\n\n    sum     \n------------\n 2147483647\n(1 row)\n\n
            """)
    }
}
