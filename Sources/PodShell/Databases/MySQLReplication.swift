import Foundation
import KubeAPI

/// The settings mysqld takes from its option files that kubelab acts on: `server-id`, `log-bin`
/// (binary log, so replicas can follow) and `super-read-only` (replicas refuse client writes).
/// The `mysql` image reads `/etc/mysql/conf.d/*.cnf`, which is where the replicated-MySQL
/// tutorial's init container writes `server-id.cnf` and copies `primary.cnf` or `replica.cnf`.
public struct MySQLServerOptions: Equatable, Sendable {
    /// `@@server_id`; 0 when unset (5.7's default, which refuses to replicate).
    public var serverID = 0
    public var logBin = false
    public var superReadOnly = false

    public init(serverID: Int = 0, logBin: Bool = false, superReadOnly: Bool = false) {
        self.serverID = serverID
        self.logBin = logBin
        self.superReadOnly = superReadOnly
    }

    /// The `[mysqld]` settings of option files read in order (later files win, as mysqld reads them).
    public static func parse(_ files: [String]) -> MySQLServerOptions {
        var options = MySQLServerOptions()
        for text in files {
            var inServerSection = false
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let line = raw.trimmingCharacters(in: " \t\r")
                if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
                if line.hasPrefix("[") {
                    inServerSection = line == "[mysqld]" || line == "[server]" || line == "[mysqld-5.7]"
                    continue
                }
                guard inServerSection else { continue }
                let pair = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: " \t") }
                let key = pair[0].replacingAll("_", with: "-").lowercased()
                let value = pair.count > 1 ? pair[1] : nil
                let enabled = value.map { !["0", "off", "false"].contains($0.lowercased()) } ?? true
                switch key {
                case "server-id": options.serverID = Int(value ?? "") ?? options.serverID
                case "log-bin": options.logBin = enabled
                case "skip-log-bin": options.logBin = false
                case "super-read-only": options.superReadOnly = enabled
                default: break
                }
            }
        }
        return options
    }
}

/// A place in a binary log (`mysql-0-bin.000001`, 154), as `SHOW MASTER STATUS`, xtrabackup's
/// `xtrabackup_binlog_info` and `CHANGE MASTER TO MASTER_LOG_FILE=..., MASTER_LOG_POS=...` name it.
public struct BinlogCoordinates: Equatable, Sendable {
    public var file: String
    public var position: Int
}

/// Asynchronous replication, modelled by pulling: the primary appends each write it commits to
/// its binary log (files in its data directory, so they survive the pod); a replica whose
/// `CHANGE MASTER TO ...; START SLAVE` is recorded in `master.info` applies the events after its
/// position whenever it is asked anything, which is indistinguishable from a replica that keeps up.
extension MySQLServer {
    /// The first event's position in a new binary log file (after the format description event).
    static let binlogHeaderSize = 154

    var binlogIndexPath: String { dataDirectory + "/" + hostname + "-bin.index" }
    var masterInfoPath: String { dataDirectory + "/master.info" }

    /// The binary log files in order, from the index file.
    func binlogFiles() -> [String] {
        (storage.fileText(binlogIndexPath) ?? "").split(separator: "\n").map { String($0.split(separator: "/").last ?? $0) }
    }

    /// mysqld with `log-bin` opens a new binary log file at each start.
    func openBinlog() {
        let files = binlogFiles()
        let name = hostname + "-bin." + String(format6(files.count + 1))
        try? storage.storeFile(dataDirectory + "/" + name, text: "")
        try? storage.storeFile(binlogIndexPath, text: (files + [name]).map { "./" + $0 + "\n" }.joined())
    }

    private func format6(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Where the next event goes: the last file and its size (`SHOW MASTER STATUS`); nil without `log-bin`.
    public var masterStatus: BinlogCoordinates? {
        guard options.logBin, let file = binlogFiles().last else { return nil }
        return BinlogCoordinates(file: file, position: events(in: file).last?.end ?? Self.binlogHeaderSize)
    }

    /// One logged statement: where it ends, the default database it ran in, and its text.
    struct BinlogEvent {
        var end: Int
        var database: String?
        var statement: String
    }

    private func events(in file: String) -> [BinlogEvent] {
        guard let text = storage.fileText(dataDirectory + "/" + file) else { return [] }
        if let cached = binlogCache[file], cached.text == text { return cached.events }
        let events: [BinlogEvent] = text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, let end = Int(fields[0]) else { return nil }
            return BinlogEvent(end: end, database: fields[1].isEmpty ? nil : fields[1],
                               statement: fields[2].replacingAll("\\n", with: "\n"))
        }
        binlogCache[file] = (text, events)
        return events
    }

    /// Appends a committed write to the current binary log.
    func logWrite(_ statement: String, database: String?) {
        guard let status = masterStatus else { return }
        let path = dataDirectory + "/" + status.file
        // An event's size: a 19-byte header, the query event's fixed part and the statement.
        let end = status.position + 19 + 13 + (database?.utf8.count ?? 0) + 1 + statement.utf8.count
        let line = "\(end)\t\(database ?? "")\t\(statement.replacingAll("\n", with: "\\n"))\n"
        try? storage.storeFile(path, text: (storage.fileText(path) ?? "") + line)
    }

    /// The events after `coordinates`, across the following files too.
    func events(after coordinates: BinlogCoordinates) -> [(file: String, event: BinlogEvent)] {
        let files = binlogFiles()
        guard let first = files.firstIndex(of: coordinates.file) else { return [] }
        var out: [(file: String, event: BinlogEvent)] = []
        for file in files[first...] {
            for event in events(in: file) where file != coordinates.file || event.end > coordinates.position {
                out.append((file, event))
            }
        }
        return out
    }

    // MARK: Replica side

    /// What `CHANGE MASTER TO` recorded: the source and the position applied so far.
    struct ReplicationSource: Equatable {
        var host: String
        var user: String
        var password: String
        var coordinates: BinlogCoordinates
    }

    /// The replica's `master.info` (5.7 keeps it as a file in the data directory).
    var replicationSource: ReplicationSource? {
        get {
            guard let text = storage.fileText(masterInfoPath) else { return nil }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard lines.count >= 6, let position = Int(lines[2]) else { return nil }
            return ReplicationSource(host: lines[3], user: lines[4], password: lines[5],
                                     coordinates: BinlogCoordinates(file: lines[1], position: position))
        }
        set {
            guard let source = newValue else { try? storage.removeItem(masterInfoPath); return }
            let lines = ["25", source.coordinates.file, String(source.coordinates.position), source.host, source.user,
                         source.password, "3306", "10"]
            try? storage.storeFile(masterInfoPath, text: lines.joined(separator: "\n") + "\n")
        }
    }

    /// `xtrabackup --slave-info`'s line for a replica: where a clone of it continues from.
    public var slaveInfo: String? {
        guard let source = replicationSource else { return nil }
        return "CHANGE MASTER TO MASTER_LOG_FILE='\(source.coordinates.file)', MASTER_LOG_POS=\(source.coordinates.position)"
    }

    /// Applies what the source has logged since this replica's position.
    func catchUp() {
        guard replicaRunning, var source = replicationSource, let find = findSource, let primary = find(source.host),
              primary !== self, primary.isAcceptingConnections else { return }
        let pending = primary.events(after: source.coordinates)
        guard !pending.isEmpty else { return }
        let applier = engine(user: "system user")
        for (file, event) in pending {
            var database = event.database
            _ = try? applier.run(event.statement, database: &database)
            source.coordinates = BinlogCoordinates(file: file, position: event.end)
        }
        replicationSource = source
    }

    /// The replication statements a client may send: `CHANGE MASTER TO`, `START SLAVE`, `STOP SLAVE`,
    /// `RESET SLAVE`, `SHOW MASTER STATUS`. Nil for any other statement.
    func replicationStatement(_ sql: String) throws(SQLError) -> SQLOutcome? {
        let words = sql.split(whereSeparator: { " \t\n".contains($0) }).map { $0.uppercased() }
        guard words.count >= 2 else { return nil }
        switch (words[0], words[1]) {
        case ("CHANGE", "MASTER"):
            guard words.count >= 3, words[2] == "TO", let to = sql.range(of: "TO", options: .caseInsensitive) else {
                throw .syntax(offset: 0)
            }
            var settings: [String: String] = [:]
            for item in Self.splitSettings(String(sql[to.upperBound...])) {
                let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: " \t\n") }
                guard pair.count == 2 else { throw .syntax(offset: 0) }
                var value = pair[1]
                if value.count >= 2, value.first == "'" || value.first == "\"", value.last == value.first {
                    value = String(value.dropFirst().dropLast())
                }
                settings[pair[0].uppercased()] = value
            }
            let old = replicationSource
            let file = settings["MASTER_LOG_FILE"] ?? old?.coordinates.file ?? ""
            let position = settings["MASTER_LOG_POS"].flatMap { Int($0) } ?? old?.coordinates.position ?? 4
            replicationSource = ReplicationSource(
                host: settings["MASTER_HOST"] ?? old?.host ?? "", user: settings["MASTER_USER"] ?? old?.user ?? "",
                password: settings["MASTER_PASSWORD"] ?? old?.password ?? "",
                coordinates: BinlogCoordinates(file: file, position: position))
            return .done(affected: 0, warnings: 0, info: nil, tag: "SET")
        case ("START", "SLAVE"):
            guard replicationSource != nil else {
                throw .server(mysql: "ERROR 1200 (HY000): The server is not configured as slave; fix in config file or with CHANGE MASTER TO",
                              postgres: "not a replica")
            }
            replicaRunning = true
            catchUp()
            return .done(affected: 0, warnings: 0, info: nil, tag: "SET")
        case ("STOP", "SLAVE"):
            replicaRunning = false
            return .done(affected: 0, warnings: 0, info: nil, tag: "SET")
        case ("RESET", "SLAVE"):
            replicaRunning = false
            replicationSource = nil
            return .done(affected: 0, warnings: 0, info: nil, tag: "SET")
        case ("SHOW", "MASTER"):
            let rows: [[SQLValue]] = masterStatus.map { [[.text($0.file), .integer(Int64($0.position)), .text(""), .text(""), .text("")]] } ?? []
            return .resultSet(SQLResultSet(columns: ["File", "Position", "Binlog_Do_DB", "Binlog_Ignore_DB", "Executed_Gtid_Set"],
                                           numericColumns: [false, true, false, false, false], rows: rows))
        default:
            return nil
        }
    }

    /// `A='x', B=2` split at commas outside quotes.
    private static func splitSettings(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var quote: Character? = nil
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
                current.append(c)
            } else if c == "'" || c == "\"" {
                quote = c
                current.append(c)
            } else if c == "," {
                items.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.trimmingCharacters(in: " \t\n").isEmpty { items.append(current) }
        return items
    }

    /// Statements that change data, which `super-read-only` refuses and the binary log records.
    static func isWrite(_ sql: String) -> Bool {
        let first = sql.drop(while: { " \t\n(".contains($0) }).prefix(while: { $0.isLetter }).uppercased()
        return ["CREATE", "DROP", "INSERT", "UPDATE", "DELETE", "ALTER", "TRUNCATE", "RENAME", "REPLACE", "GRANT", "REVOKE"].contains(first)
    }

    /// Runs one client statement: replication statements here, the rest in the SQL engine, with
    /// the replica brought up to date first and committed writes logged on a primary.
    func execute(_ sql: String, engine: SQLEngine, database: inout String?) throws(SQLError) -> SQLOutcome {
        if let outcome = try replicationStatement(sql) { return outcome }
        catchUp()
        let write = Self.isWrite(sql)
        if write, options.superReadOnly {
            throw .server(mysql: "ERROR 1290 (HY000): The MySQL server is running with the --super-read-only option so it cannot execute this statement",
                          postgres: "read-only")
        }
        let outcome = try engine.run(sql, database: &database)
        if write, case .done = outcome { logWrite(sql, database: database) }
        return outcome
    }
}
