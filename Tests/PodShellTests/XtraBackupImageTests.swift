import KubeAPI
import Testing
@testable import PodShell

/// The xtrabackup image's programs and the MySQL replication they set up.
@Suite struct XtraBackupImageTests {
    /// A bash shell whose `ncat` reaches `connect` and whose `xtrabackup` backs up `server`.
    func shell(connect: @escaping (String, Int) -> XtraBackupImage.Connection = { _, _ in .refused },
               server: MySQLServer? = nil) -> ShellEnvironment {
        let env = makeShell(.bash)
        let pod = ContainerInstance(
            pod: ["metadata": ["name": "mysql-1", "namespace": "default", "uid": "uid-1"], "spec": [:]],
            container: ["name": "xtrabackup", "image": "gcr.io/google-samples/xtrabackup:1.0"],
            profile: ImageProfile(base: .debian, process: .shell, osName: "Debian GNU/Linux 8 (jessie)"),
            files: DeferredFileSystem(env.fileSystem), environment: [])
        for (name, command) in XtraBackupImage.commands(instance: pod, connect: connect, mysqld: { server }) {
            env.commands[name] = command
        }
        return env
    }

    func run(_ env: ShellEnvironment, _ source: String) -> (status: Int32, out: String, err: String) {
        var out = "", err = ""
        let status = env.run(source, stdout: { out += $0 }, stderr: { err += $0 })
        return (status, out, err)
    }

    @Test func streamRoundTripsFilesIncludingMultibyteText() {
        let files = [(path: "mysql/user.ibd", text: "root\tlocalhost\n"), (path: "test/db.opt", text: "é 한\n"), (path: "empty", text: "")]
        let decoded = XtraBackupImage.decode(XtraBackupImage.encode(files))
        #expect(decoded?.map(\.path) == files.map(\.path))
        #expect(decoded?.map(\.text) == files.map(\.text))
        #expect(XtraBackupImage.decode("not a stream") == nil)
        #expect(XtraBackupImage.decode("XBSTCK01 x 9223372036854775807\nabc") == nil)
        #expect(XtraBackupImage.decode("XBSTCK01 x 5\nabc") == nil)
        #expect(XtraBackupImage.decode("")?.isEmpty == true)
    }

    @Test func receivedStreamIsExtractedIntoTheDirectory() {
        let stream = XtraBackupImage.encode([(path: "mysql/user.ibd", text: "rows\n"), (path: "xtrabackup_binlog_info", text: "mysql-0-bin.000001\t154\n")])
        let env = shell(connect: { host, port in host == "mysql-0.mysql" && port == 3307 ? .data(stream) : .refused })
        try? env.fileSystem.createDirectory("/var/lib/mysql", withIntermediates: true)
        let result = run(env, "ncat --recv-only mysql-0.mysql 3307 | xbstream -x -C /var/lib/mysql")
        #expect(result.status == 0 && result.err == "")
        #expect((try? env.fileSystem.readText("/var/lib/mysql/mysql/user.ibd")) == "rows\n")
        #expect((try? env.fileSystem.readText("/var/lib/mysql/xtrabackup_binlog_info")) == "mysql-0-bin.000001\t154\n")
    }

    @Test func ncatSaysWhyItCannotConnect() {
        let refused = shell(connect: { _, _ in .refused })
        #expect(run(refused, "ncat --recv-only mysql-0.mysql 3307") == (1, "", "Ncat: Connection refused.\n"))
        let unknown = shell(connect: { _, _ in .unknownHost })
        #expect(run(unknown, "ncat --recv-only nohost 3307").err
            == "Ncat: Could not resolve hostname \"nohost\": Name or service not known. QUITTING.\n")
        #expect(run(refused, "ncat --recv-only mysql-0.mysql").err == "Ncat: You must specify a host to connect to. QUITTING.\n")
        #expect(run(refused, "xbstream -x -C /nowhere < /dev/null").err
            == "xbstream: Can't change dir to '/nowhere' (OS errno 2 - No such file or directory)\n")
    }

    @Test func prepareNeedsABackupAndCompletesOne() {
        let env = shell()
        try? env.fileSystem.createDirectory("/var/lib/mysql", withIntermediates: true)
        let empty = run(env, "xtrabackup --prepare --target-dir=/var/lib/mysql")
        #expect(empty.status == 1)
        #expect(empty.err.hasSuffix("xtrabackup: error: xtrabackup_read_metadata()\n"))
        try? env.fileSystem.writeFile("/var/lib/mysql/xtrabackup_checkpoints", text: "backup_type = full-backuped\n")
        let prepared = run(env, "xtrabackup --prepare --target-dir=/var/lib/mysql")
        #expect(prepared.status == 0)
        #expect(prepared.err.hasSuffix(" completed OK!\n"))
        #expect(env.fileSystem.isFile("/var/lib/mysql/ib_logfile0") && env.fileSystem.isFile("/var/lib/mysql/ib_logfile1"))
        #expect((try? env.fileSystem.readText("/var/lib/mysql/xtrabackup_checkpoints")) == "backup_type = full-prepared\n")
    }

    @Test func backupOfAPrimaryStreamsItsDataAndBinlogPosition() {
        let env = shell()
        let server = MySQLServer(storage: env.fileSystem, hostname: "mysql-0", now: { 1_748_854_805_000 })
        MySQLServer.initialize(fileSystem: env.fileSystem, rootPassword: "")
        server.configure(MySQLServerOptions(serverID: 100, logBin: true))
        var database: String? = nil
        _ = try? server.execute("CREATE DATABASE test", engine: server.engine(user: "root"), database: &database)
        let backupShell = shell(server: server)
        backupShell.fileSystem = env.fileSystem
        let result = run(backupShell, "xtrabackup --backup --slave-info --stream=xbstream --host=127.0.0.1 --user=root")
        #expect(result.status == 0)
        let files = XtraBackupImage.decode(result.out) ?? []
        let names = Set(files.map(\.path))
        #expect(names.contains("test/db.opt") && names.contains("mysql/user.ibd") && names.contains("ibdata1"))
        #expect(!names.contains("auto.cnf") && !names.contains("mysql-0-bin.000001"))
        let end = 154 + 19 + 13 + 1 + "CREATE DATABASE test".utf8.count
        #expect(files.first { $0.path == "xtrabackup_binlog_info" }?.text == "mysql-0-bin.000001\t\(end)\n")
        // A primary is no replica: the slave info file is there, empty, as the sidecar's script expects.
        #expect(files.first { $0.path == "xtrabackup_slave_info" }?.text == "")
        #expect(result.err.contains("MySQL binlog position: filename 'mysql-0-bin.000001', position '\(end)'\n"))
    }

    @Test func backupNeedsARunningServer() {
        let result = run(shell(server: nil), "xtrabackup --backup --stream=xbstream --host=127.0.0.1")
        #expect(result == (1, "", "Failed to connect to MySQL server: Can't connect to MySQL server on '127.0.0.1' (111).\n"))
    }
}

/// MySQL's option files and asynchronous replication.
@Suite struct MySQLReplicationTests {
    func server(_ hostname: String, _ storage: InMemoryDatabaseStorage, options: MySQLServerOptions) -> MySQLServer {
        MySQLServer.initialize(fileSystem: storage, rootPassword: "")
        let server = MySQLServer(storage: storage, hostname: hostname, now: { 1_748_854_805_000 })
        server.configure(options)
        return server
    }

    func run(_ server: MySQLServer, _ sql: String) throws(SQLError) -> SQLOutcome {
        var database: String? = nil
        return try server.execute(sql, engine: server.engine(user: "root"), database: &database)
    }

    func rows(_ server: MySQLServer, _ sql: String) -> [[String]] {
        guard case .resultSet(let result)? = try? run(server, sql) else { return [] }
        return result.rows.map { $0.map(\.displayText) }
    }

    @Test func optionFilesGiveServerIDBinlogAndReadOnly() {
        let options = MySQLServerOptions.parse([
            "[mysqld]\nserver-id=101\n",
            "# Apply this config only on replicas.\n[mysqld]\nsuper-read-only\n",
            "[client]\nlog-bin\n",
        ])
        #expect(options == MySQLServerOptions(serverID: 101, logBin: false, superReadOnly: true))
        #expect(MySQLServerOptions.parse(["[mysqld]\nlog_bin = mysql-bin\nserver_id = 7\n"]) == MySQLServerOptions(serverID: 7, logBin: true))
        #expect(MySQLServerOptions.parse([]) == MySQLServerOptions())
    }

    @Test func serverIDIsASystemVariable() {
        let primary = server("mysql-0", InMemoryDatabaseStorage(), options: MySQLServerOptions(serverID: 100, logBin: true))
        #expect(rows(primary, "SELECT @@server_id") == [["100"]])
        #expect(rows(primary, "SHOW MASTER STATUS") == [["mysql-0-bin.000001", "154", "", "", ""]])
    }

    @Test func replicaFollowsThePrimaryFromItsPosition() throws {
        let primary = server("mysql-0", InMemoryDatabaseStorage(), options: MySQLServerOptions(serverID: 100, logBin: true))
        let replica = server("mysql-1", InMemoryDatabaseStorage(), options: MySQLServerOptions(serverID: 101, superReadOnly: true))
        replica.findSource = { host in host == "mysql-0.mysql" ? primary : nil }
        _ = try run(replica, "CHANGE MASTER TO MASTER_LOG_FILE='mysql-0-bin.000001', MASTER_LOG_POS=154, MASTER_HOST='mysql-0.mysql', MASTER_USER='root', MASTER_PASSWORD='', MASTER_CONNECT_RETRY=10")
        _ = try run(replica, "START SLAVE")
        _ = try run(primary, "CREATE DATABASE test")
        _ = try run(primary, "CREATE TABLE test.messages (message VARCHAR(250))")
        _ = try run(primary, "INSERT INTO test.messages VALUES ('hello')")
        #expect(rows(replica, "SELECT * FROM test.messages") == [["hello"]])
        #expect(replica.slaveInfo == "CHANGE MASTER TO MASTER_LOG_FILE='mysql-0-bin.000001', MASTER_LOG_POS=\(primary.masterStatus!.position)")
        // Clients cannot write to a super-read-only replica.
        #expect(throws: SQLError.server(mysql: "ERROR 1290 (HY000): The MySQL server is running with the --super-read-only option so it cannot execute this statement", postgres: "read-only")) {
            try run(replica, "INSERT INTO test.messages VALUES ('no')")
        }
        // After STOP SLAVE the replica no longer applies new writes.
        _ = try run(replica, "STOP SLAVE")
        _ = try run(primary, "INSERT INTO test.messages VALUES ('later')")
        #expect(rows(replica, "SELECT * FROM test.messages") == [["hello"]])
    }

    @Test func replicationStateSurvivesAServerRestart() throws {
        let primary = server("mysql-0", InMemoryDatabaseStorage(), options: MySQLServerOptions(serverID: 100, logBin: true))
        let storage = InMemoryDatabaseStorage()
        let replica = server("mysql-1", storage, options: MySQLServerOptions(serverID: 101))
        replica.findSource = { _ in primary }
        _ = try run(replica, "CHANGE MASTER TO MASTER_LOG_FILE='mysql-0-bin.000001', MASTER_LOG_POS=154, MASTER_HOST='mysql-0.mysql'")
        _ = try run(replica, "START SLAVE")
        _ = try run(primary, "CREATE DATABASE kept")
        let restarted = server("mysql-1", storage, options: MySQLServerOptions(serverID: 101))
        restarted.findSource = { _ in primary }
        _ = try run(primary, "CREATE DATABASE after")
        #expect(rows(restarted, "SHOW DATABASES").map { $0[0] }.filter { ["kept", "after"].contains($0) } == ["after", "kept"])
    }

    @Test func startSlaveNeedsChangeMasterFirst() {
        let lone = server("mysql-1", InMemoryDatabaseStorage(), options: MySQLServerOptions(serverID: 101))
        #expect(throws: SQLError.server(mysql: "ERROR 1200 (HY000): The server is not configured as slave; fix in config file or with CHANGE MASTER TO", postgres: "not a replica")) {
            try run(lone, "START SLAVE")
        }
    }
}
