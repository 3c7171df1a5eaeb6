import Foundation
import KubeAPI

/// The mysqld of a `mysql:5.7` container: its state is the data directory alone, so a server
/// created over the same (PVC-backed) directory after the pod is recreated sees the same data.
///
/// The container runtime keeps one instance per running container (it counts connection ids)
/// and calls `initialize` at container start, as the image's entrypoint does.
public final class MySQLServer {
    public static let version = "5.7.44"
    public static let defaultDataDirectory = "/var/lib/mysql"

    public let dataDirectory: String
    public let storage: DatabaseStorage
    /// The container's hostname (`mysql-0`), answered by `SELECT @@hostname`.
    public let hostname: String
    /// Virtual time in milliseconds (NOW()).
    public var now: () -> Int64
    /// The id the next client connection gets; the banner shows it.
    public private(set) var nextConnectionID = 2

    public init(dataDirectory: String = MySQLServer.defaultDataDirectory, storage: DatabaseStorage, hostname: String,
                now: @escaping () -> Int64 = { 0 }) {
        self.dataDirectory = dataDirectory
        self.storage = storage
        self.hostname = hostname
        self.now = now
        self.startedAt = now()
    }

    /// When this mysqld started (virtual ms), for `status`'s uptime.
    public let startedAt: Int64

    /// When mysqld listens on its socket and port: until then clients get ERROR 2002 locally and
    /// ERROR 2003 from other pods, as while the entrypoint is still initialising.
    public var acceptsConnectionsAt: Int64 = 0

    public var isAcceptingConnections: Bool { now() >= acceptsConnectionsAt }

    /// Whether mysqld listens at `time`: a client in a container started at the same instant
    /// (a sidecar's `until mysql ...; do sleep 1; done`) counts on its own clock.
    public func isAcceptingConnections(at time: Int64) -> Bool { time >= acceptsConnectionsAt }

    /// What its option files set (server id, binary log, read-only).
    public var options = MySQLServerOptions() {
        didSet { if options.logBin && !oldValue.logBin { openBinlog() } }
    }

    /// Whether the replication threads run: `START SLAVE`, or a start with `master.info` present.
    public internal(set) var replicaRunning = false

    /// Finds the server behind a replication source's host name (`mysql-0.mysql`), through
    /// cluster DNS; set by the container runtime.
    public var findSource: ((String) -> MySQLServer?)?

    /// Starts with the options read from its configuration: a binary log file is opened, and a
    /// replica configured before resumes replicating.
    public func configure(_ options: MySQLServerOptions) {
        self.options = options
        replicaRunning = replicationSource != nil
    }

    /// True once the system databases exist (what the entrypoint checks before initialising).
    public var isInitialized: Bool { storage.isDirectory(dataDirectory + "/mysql") }

    /// First start of the image over an empty data directory: creates the system databases, the
    /// root account and, as `MYSQL_DATABASE`/`MYSQL_USER`/`MYSQL_PASSWORD` ask, a database and a user.
    /// Returns false (and changes nothing) when the directory already holds a server's data, so the
    /// password of the first start stays, as with the real image.
    @discardableResult
    public static func initialize(dataDirectory: String = MySQLServer.defaultDataDirectory, fileSystem: DatabaseStorage,
                                  rootPassword: String, database: String? = nil, user: String? = nil,
                                  password: String? = nil) -> Bool {
        let catalog = SQLCatalog(storage: fileSystem, root: dataDirectory)
        guard !fileSystem.isDirectory(dataDirectory + "/mysql") else { return false }
        do {
            try fileSystem.makeDirectory(dataDirectory)
            try fileSystem.storeFile(dataDirectory + "/auto.cnf", text: "[auto]\nserver-uuid=\(serverUUID(dataDirectory))\n")
            for file in ["ibdata1", "ib_logfile0", "ib_logfile1", "ib_buffer_pool"] {
                try fileSystem.storeFile(dataDirectory + "/" + file, text: "")
            }
            for system in ["mysql", "performance_schema", "sys"] {
                try catalog.createDatabase(system, options: databaseOptions)
            }
            var users = SQLTable(name: "user", columns: [
                column("Host", .char, 60), column("User", .char, 32), column("authentication_string", .text, nil),
            ], rows: [], nextAutoIncrement: 1)
            let rootHash = SQLValue.text(SHA1.mysqlNativePassword(rootPassword))
            users.rows.append([.text("localhost"), .text("root"), rootHash])
            users.rows.append([.text("%"), .text("root"), rootHash])
            users.rows.append([.text("localhost"), .text("mysql.session"), .text("*THISISNOTAVALIDPASSWORDTHATCANBEUSEDHERE")])
            users.rows.append([.text("localhost"), .text("mysql.sys"), .text("*THISISNOTAVALIDPASSWORDTHATCANBEUSEDHERE")])
            if let user, !user.isEmpty, user != "root", let password {
                users.rows.append([.text("%"), .text(user), .text(SHA1.mysqlNativePassword(password))])
            }
            try catalog.saveTable("mysql", users)
            if let database, !database.isEmpty, !catalog.databaseExists(database) {
                try catalog.createDatabase(database, options: databaseOptions)
            }
        } catch {
            return false
        }
        return true
    }

    /// What the `mysql:5.7` entrypoint does with the container's environment at start, as one text.
    public static func start(environment: [String: String], dataDirectory: String = MySQLServer.defaultDataDirectory,
                             fileSystem: DatabaseStorage, now: Int64 = 0) -> (succeeded: Bool, log: String) {
        let started = startTimeline(environment: environment, dataDirectory: dataDirectory, fileSystem: fileSystem, now: now)
        return (started.succeeded, started.lines.map(\.text).joined())
    }

    /// The `mysql:5.7` entrypoint's start, line by line with the time each is written.
    public struct StartTimeline {
        public var succeeded: Bool
        /// Log text with its offset from the container's start (ms).
        public var lines: [(offset: Int64, text: String)]
        /// When mysqld is ready for connections, from the container's start (ms); nil when it never is.
        public var readyAfter: Int64?
    }

    /// A first start initialises the data directory with a temporary server (about 15 s); a start
    /// over existing data is ready after a few seconds. An empty data directory without a password
    /// option fails, as the real entrypoint does.
    public static func startTimeline(environment: [String: String], dataDirectory: String = MySQLServer.defaultDataDirectory,
                                     fileSystem: DatabaseStorage, now: Int64 = 0) -> StartTimeline {
        var lines: [(offset: Int64, text: String)] = []
        func note(_ offset: Int64, _ text: String) {
            let day = Timestamp.rfc3339(now + offset).prefix(19).replacingOccurrences(of: "T", with: " ") + "+00:00"
            lines.append((offset, text.isEmpty ? "\n" : "\(day) \(text)\n"))
        }
        func server(_ offset: Int64, _ text: String) {
            lines.append((offset, Timestamp.rfc3339(now + offset).prefix(19) + ".000000Z 0 " + text + "\n"))
        }
        func ready(_ offset: Int64) -> StartTimeline {
            server(offset, "[Note] mysqld (mysqld 5.7.44) starting as process 1 ...")
            server(offset, "[Note] InnoDB: Completed initialization of buffer pool")
            server(offset, "[Note] Server hostname (bind-address): '*'; port: 3306")
            server(offset + 1000, "[Note] mysqld: ready for connections.")
            lines.append((offset + 1000, "Version: '5.7.44'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)\n"))
            return StartTimeline(succeeded: true, lines: lines, readyAfter: offset + 1000)
        }
        note(0, "[Note] [Entrypoint]: Entrypoint script for MySQL Server 5.7.44-1.el7 started.")
        note(0, "[Note] [Entrypoint]: Switching to dedicated user 'mysql'")
        note(0, "[Note] [Entrypoint]: Entrypoint script for MySQL Server 5.7.44-1.el7 started.")
        lines.append((0, "\n"))
        if fileSystem.isDirectory(dataDirectory + "/mysql") { return ready(2000) }
        let allowEmpty = !(environment["MYSQL_ALLOW_EMPTY_PASSWORD"] ?? "").isEmpty
        let randomRoot = !(environment["MYSQL_RANDOM_ROOT_PASSWORD"] ?? "").isEmpty
        var rootPassword = environment["MYSQL_ROOT_PASSWORD"]
        if let file = environment["MYSQL_ROOT_PASSWORD_FILE"], let text = fileSystem.fileText(file) {
            rootPassword = text.trimmingTrailingWhitespace
        }
        if (rootPassword ?? "").isEmpty && !allowEmpty && !randomRoot {
            note(0, "[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified")
            lines.append((0, """
                    You need to specify one of the following as an environment variable:
                    - MYSQL_ROOT_PASSWORD
                    - MYSQL_ALLOW_EMPTY_PASSWORD
                    - MYSQL_RANDOM_ROOT_PASSWORD

                """))
            return StartTimeline(succeeded: false, lines: lines, readyAfter: nil)
        }
        let ok = initialize(dataDirectory: dataDirectory, fileSystem: fileSystem, rootPassword: rootPassword ?? "",
                            database: environment["MYSQL_DATABASE"], user: environment["MYSQL_USER"],
                            password: environment["MYSQL_PASSWORD"])
        guard ok else {
            server(0, "[ERROR] --initialize specified but the data directory has files in it. Aborting.")
            return StartTimeline(succeeded: false, lines: lines, readyAfter: nil)
        }
        note(0, "[Note] [Entrypoint]: Initializing database files")
        note(5000, "[Note] [Entrypoint]: Database files initialized")
        note(5000, "[Note] [Entrypoint]: Starting temporary server")
        note(7000, "[Note] [Entrypoint]: Temporary server started.")
        note(12000, "[Note] [Entrypoint]: Stopping temporary server")
        note(14000, "[Note] [Entrypoint]: Temporary server stopped")
        note(14000, "")
        note(14000, "[Note] [Entrypoint]: MySQL init process done. Ready for start up.")
        note(14000, "")
        note(14000, "")
        return ready(14000)
    }

    /// Checks a login against `mysql.user`; `password` nil means none was given.
    public func authenticate(user: String, password: String?) -> Bool {
        guard let users = accounts() else { return false }
        let hash = SHA1.mysqlNativePassword(password ?? "")
        return users.rows.contains { row in
            row.count >= 3 && row[1].displayText == user && row[2].displayText == hash
        }
    }

    /// Each binary log file's events as last parsed, with the text they came from (replicas ask
    /// for the events after their position before every statement).
    var binlogCache: [String: (text: String, events: [BinlogEvent])] = [:]

    /// `mysql.user` as last decoded, with the file texts it came from: every connection (a readiness
    /// probe's every 2 s) checks its login, and decoding the table each time cost most of a probe.
    private var accountsCache: (definition: String?, rows: String?, table: SQLTable)?

    /// The accounts table, decoded again only when its files changed.
    func accounts() -> SQLTable? {
        let base = dataDirectory + "/mysql/user"
        let definition = storage.fileText(base + ".frm"), rows = storage.fileText(base + ".ibd")
        if let cached = accountsCache, cached.definition == definition, cached.rows == rows { return cached.table }
        guard let table = catalog.loadTable("mysql", "user") else { return nil }
        accountsCache = (definition, rows, table)
        return table
    }

    /// A new connection's id (the banner's `Your MySQL connection id is N`).
    func openConnection() -> Int {
        defer { nextConnectionID += 1 }
        return nextConnectionID
    }

    var catalog: SQLCatalog { SQLCatalog(storage: storage, root: dataDirectory) }

    func engine(user: String) -> SQLEngine {
        let engine = SQLEngine(dialect: .mysql, catalog: catalog, hostname: hostname, version: Self.version, user: user, now: now,
                               virtualDatabases: ["information_schema"], databaseOptions: Self.databaseOptions)
        engine.systemVariables = [
            "server_id": .integer(Int64(options.serverID)),
            "read_only": .integer(options.superReadOnly ? 1 : 0),
            "super_read_only": .integer(options.superReadOnly ? 1 : 0),
            "log_bin": .integer(options.logBin ? 1 : 0),
        ]
        return engine
    }

    static let databaseOptions = "default-character-set=latin1\ndefault-collation=latin1_swedish_ci\n"

    private static func column(_ name: String, _ base: SQLColumnType.Base, _ length: Int?) -> SQLColumn {
        SQLColumn(name: name, type: SQLColumnType(base: base, length: length), notNull: true, primaryKey: false,
                  unique: false, autoIncrement: false, defaultValue: nil)
    }

    /// A stable uuid-looking id derived from the path (no randomness; the directory is the identity).
    private static func serverUUID(_ seed: String) -> String {
        let hex = SHA1.digest(Array(seed.utf8)).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-11ef-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }
}

/// What a client finds at the host it was given (`-h`): filled in by the container runtime from
/// cluster DNS and the images of the pods behind the name.
public enum DatabaseHostLookup<Server> {
    /// A database server of the right kind listens there.
    case server(Server)
    /// The name resolves but nothing of that kind listens (connection refused).
    case noServer
    /// DNS does not know the name.
    case unknownHost
}
