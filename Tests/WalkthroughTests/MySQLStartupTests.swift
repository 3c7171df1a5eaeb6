import Testing

/// mysql:5.7's entrypoint takes time: on first initialisation the server listens about 15 s after the
/// container starts (a few seconds over existing data), clients get ERROR 2002 until then, and the
/// log lines carry the times the entrypoint wrote them, however late they are first read.
@Suite struct MySQLStartupTests {
    static let transcript = WalkthroughHarness.run(folder: "seed003", script: """
        kubectl apply -f mysql-sts.yml
        sleep 8
        kubectl exec mysql-0 -- mysql -u root -pqwerty -e 'select 1'
        kubectl exec mysql-0 -- mysql -h 127.0.0.1 -u root -pqwerty -e 'select 1'
        sleep 52
        kubectl exec mysql-0 -- mysql -u root -pqwerty -e 'select 1'
        kubectl logs mysql-0 --timestamps
        kubectl delete pod mysql-0
        sleep 8
        kubectl logs mysql-0 --timestamps
        sleep 10
        kubectl exec mysql-0 -- mysql -u root -pqwerty -e 'select 2'
        """)

    func out(_ command: String, _ occurrence: Int = 1) -> [String] {
        WalkthroughHarness.output(of: command, in: Self.transcript, occurrence: occurrence)
    }

    @Test func clientsCannotConnectWhileTheEntrypointInitialises() {
        #expect(out("kubectl exec mysql-0 -- mysql -u root -pqwerty -e 'select 1'") == [
            "mysql: [Warning] Using a password on the command line interface can be insecure.",
            "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)",
            "command terminated with exit code 1",
        ])
        #expect(out("kubectl exec mysql-0 -- mysql -h 127.0.0.1 -u root -pqwerty -e 'select 1'").dropFirst().first
            == "ERROR 2003 (HY000): Can't connect to MySQL server on '127.0.0.1' (111)")
        #expect(out("kubectl exec mysql-0 -- mysql -u root -pqwerty -e 'select 1'", 2).suffix(2) == ["1", "1"])
        #expect(out("kubectl exec mysql-0 -- mysql -u root -pqwerty -e 'select 2'").suffix(2) == ["2", "2"])
    }

    /// `--timestamps` prefixes each line with the time it was written (RFC3339Nano), which is the
    /// entrypoint's own clock too: read a minute later, the first lines still say 09:00:0x.
    @Test func logLinesCarryTheTimeTheyWereWritten() throws {
        let lines = out("kubectl logs mysql-0 --timestamps")
        let first = try #require(lines.first)
        let stamp = String(first.prefix { $0 != " " })
        #expect(stamp.wholeMatch(of: /2025-06-02T09:00:0\d(\.\d{1,3})?Z/) != nil)
        #expect(first == stamp + " 2025-06-02 \(stamp.dropFirst(11).prefix(8))+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 5.7.44-1.el7 started.")
        let ready = try #require(lines.first { $0.hasSuffix("[Note] mysqld: ready for connections.") })
        let seconds = { (line: String) in Int(line.dropFirst(17).prefix(2)) ?? -1 }
        #expect(seconds(ready) - seconds(first) == 15)
        // Over the data the first start left, the new pod is ready within a few seconds (after its
        // volume is detached from the old pod's node and attached to the new one's).
        let restarted = out("kubectl logs mysql-0 --timestamps", 2)
        #expect(restarted.count == 4 && restarted.allSatisfy { $0.hasPrefix("2025-06-02T09:01:") })
    }
}
