import Foundation
import KubeAPI

/// The postgres of a `postgres:11.6-alpine` container. Like `MySQLServer`, its state is its data
/// directory (`PG_VERSION`, `global/`, and `base/<database>/` with the tables' files), so it follows
/// the volume mounted there.
public final class PostgresServer {
    public static let version = "11.6"
    public static let versionText = "PostgreSQL 11.6 on x86_64-pc-linux-musl, compiled by gcc (Alpine 8.3.0) 8.3.0, 64-bit"
    public static let defaultDataDirectory = "/var/lib/postgresql/data"

    public let dataDirectory: String
    public let storage: DatabaseStorage
    public let hostname: String
    public var now: () -> Int64

    public init(dataDirectory: String = PostgresServer.defaultDataDirectory, storage: DatabaseStorage, hostname: String,
                now: @escaping () -> Int64 = { 0 }) {
        self.dataDirectory = dataDirectory
        self.storage = storage
        self.hostname = hostname
        self.now = now
    }

    public var isInitialized: Bool { storage.fileText(dataDirectory + "/PG_VERSION") != nil }

    /// initdb over an empty directory: `postgres`, `template0`, `template1`, the superuser (and
    /// `database` when `POSTGRES_DB` names another). A nil password leaves network logins open
    /// (`trust`), as the 11.6 image did with only a warning. False when already initialised.
    @discardableResult
    public static func initialize(dataDirectory: String = PostgresServer.defaultDataDirectory, fileSystem: DatabaseStorage,
                                  password: String?, user: String = "postgres", database: String? = nil) -> Bool {
        guard fileSystem.fileText(dataDirectory + "/PG_VERSION") == nil else { return false }
        let catalog = SQLCatalog(storage: fileSystem, root: dataDirectory + "/base")
        do {
            try fileSystem.makeDirectory(dataDirectory + "/global")
            try fileSystem.makeDirectory(dataDirectory + "/base")
            try fileSystem.storeFile(dataDirectory + "/PG_VERSION", text: "11\n")
            try fileSystem.storeFile(dataDirectory + "/postgresql.conf", text: "listen_addresses = '*'\n")
            let method = (password ?? "").isEmpty ? "trust" : "md5"
            try fileSystem.storeFile(dataDirectory + "/pg_hba.conf", text: """
                # TYPE  DATABASE        USER            ADDRESS                 METHOD
                local   all             all                                     trust
                host    all             all             127.0.0.1/32            trust
                host    all             all             ::1/128                 trust
                host all all all \(method)

                """)
            for name in ["postgres", "template0", "template1"] + [database ?? user].filter({ !["postgres", "template0", "template1"].contains($0) }) {
                try catalog.createDatabase(name, options: nil)
            }
            let roles = SQLTable(name: "pg_authid", columns: [
                SQLColumn(name: "rolname", type: SQLColumnType(base: .text), notNull: true, primaryKey: true, unique: false, autoIncrement: false, defaultValue: nil),
                SQLColumn(name: "rolpassword", type: SQLColumnType(base: .text), notNull: false, primaryKey: false, unique: false, autoIncrement: false, defaultValue: nil),
            ], rows: [[.text(user), (password ?? "").isEmpty ? .null : .text(passwordHash(password ?? "", user: user))]], nextAutoIncrement: 1)
            try SQLCatalog(storage: fileSystem, root: dataDirectory).saveTable("global", roles)
        } catch {
            return false
        }
        return true
    }

    /// The image's entrypoint: reads `POSTGRES_PASSWORD` or the file `POSTGRES_PASSWORD_FILE` names,
    /// `POSTGRES_USER`, `POSTGRES_DB`, initialises an empty directory, and returns the container log.
    public static func start(environment: [String: String], dataDirectory: String = PostgresServer.defaultDataDirectory,
                             fileSystem: DatabaseStorage, now: Millis = 0) -> (succeeded: Bool, log: String) {
        let stamp = Timestamp.rfc3339(now).prefix(19).replacingOccurrences(of: "T", with: " ") + ".000 UTC"
        let ready = """
            \(stamp) [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432
            \(stamp) [1] LOG:  listening on IPv6 address "::", port 5432
            \(stamp) [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"
            \(stamp) [1] LOG:  database system is ready to accept connections

            """
        if fileSystem.fileText(dataDirectory + "/PG_VERSION") != nil {
            return (true, "\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n" + ready)
        }
        var password = environment["POSTGRES_PASSWORD"]
        if let file = environment["POSTGRES_PASSWORD_FILE"] {
            guard let text = fileSystem.fileText(file) else {
                return (false, "/usr/local/bin/docker-entrypoint.sh: line 1: \(file): No such file or directory\n")
            }
            password = text.trimmingTrailingWhitespace
        }
        let user = environment["POSTGRES_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "postgres"
        let database = environment["POSTGRES_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? user
        guard initialize(dataDirectory: dataDirectory, fileSystem: fileSystem, password: password, user: user, database: database) else {
            return (false, "initdb: could not access directory \"\(dataDirectory)\": Permission denied\n")
        }
        var log = """
            The files belonging to this database system will be owned by user "postgres".
            This user must also own the server process.

            The database cluster will be initialized with locale "en_US.utf8".
            The default database encoding has accordingly been set to "UTF8".
            The default text search configuration will be set to "english".

            Data page checksums are disabled.

            fixing permissions on existing directory \(dataDirectory) ... ok
            creating subdirectories ... ok
            selecting default max_connections ... 100
            selecting default shared_buffers ... 128MB
            selecting dynamic shared memory implementation ... posix
            creating configuration files ... ok
            running bootstrap script ... ok
            performing post-bootstrap initialization ... ok
            syncing data to disk ... ok

            Success. You can now start the database server using:

                pg_ctl -D \(dataDirectory) -l logfile start


            """
        if (password ?? "").isEmpty {
            log += """
                ****************************************************
                WARNING: No password has been set for the database.
                         This will allow anyone with access to the
                         Postgres port to access your database. In
                         Docker's default configuration, this is
                         effectively any other container on the same
                         system.

                         Use "-e POSTGRES_PASSWORD=password" to set
                         it in "docker run".
                ****************************************************

                """
        }
        log += "\nPostgreSQL init process complete; ready for start up.\n\n"
        return (true, log + ready)
    }

    /// Local (socket) logins are trusted as in the image; network logins check the password unless
    /// the server was initialised without one.
    func authenticate(user: String, password: String?, overNetwork: Bool) -> PostgresLoginResult {
        guard let roles = SQLCatalog(storage: storage, root: dataDirectory).loadTable("global", "pg_authid"),
              let role = roles.rows.first(where: { $0.first?.displayText == user }) else { return .unknownRole }
        let stored = role.count > 1 ? role[1] : .null
        if !overNetwork || stored == .null { return .accepted }
        guard let password, !password.isEmpty else { return .passwordRequired }
        return stored.displayText == Self.passwordHash(password, user: user) ? .accepted : .wrongPassword
    }

    func databaseExists(_ name: String) -> Bool { catalog.databaseExists(name) }

    var catalog: SQLCatalog { SQLCatalog(storage: storage, root: dataDirectory + "/base") }

    func engine(user: String) -> SQLEngine {
        SQLEngine(dialect: .postgres, catalog: catalog, hostname: hostname, version: Self.versionText, user: user, now: now,
                  virtualDatabases: [], databaseOptions: nil)
    }

    /// Stored like MySQL's hash, salted with the role name as PostgreSQL's md5 scheme is.
    static func passwordHash(_ password: String, user: String) -> String {
        "sha1" + SHA1.mysqlNativePassword(password + user).dropFirst().lowercased()
    }
}

enum PostgresLoginResult {
    case accepted, unknownRole, passwordRequired, wrongPassword
}
