/// Options shared by `psql` and `pg_dump` (getopt_long style: `-U postgres`, `-Upostgres`,
/// `--username=postgres`); the first plain argument is the database, psql's second the user.
struct PostgresClientOptions {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var commands: [String] = []
    var positional: [String] = []

    enum Failure: Error, Equatable {
        case invalidOption(String)
        case missingArgument(String)
    }

    /// Letter → canonical name, for options with a value and for flags.
    static let valued: [Character: String] = [
        "U": "username", "d": "dbname", "h": "host", "p": "port", "c": "command", "f": "file", "F": "format",
        "v": "set", "o": "output", "n": "schema", "t": "table", "P": "pset", "Z": "compress",
    ]
    static let longNames: [String: String] = [
        "username": "username", "dbname": "dbname", "host": "host", "port": "port", "command": "command",
        "file": "file", "format": "format", "set": "set", "variable": "set", "output": "output", "schema": "schema",
        "table": "table", "pset": "pset", "compress": "compress",
    ]
    static let flagLetters: [Character: String] = [
        "l": "list", "A": "no-align", "q": "quiet", "w": "no-password", "W": "password", "X": "no-psqlrc",
        "a": "data-only", "s": "schema-only", "c": "clean", "C": "create", "V": "version", "x": "expanded", "e": "echo-queries",
    ]

    /// `t` means tuples-only for psql but a table for pg_dump; `c` a command for psql, `--clean` for pg_dump.
    static func parse(_ arguments: [String], program: String) throws(Failure) -> PostgresClientOptions {
        var options = PostgresClientOptions()
        var valued = Self.valued
        var flagLetters = Self.flagLetters
        if program == "psql" {
            valued["t"] = nil
            flagLetters["t"] = "tuples-only"
            flagLetters["c"] = nil
        } else {
            valued["c"] = nil
            valued["d"] = "dbname"
        }
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if !argument.hasPrefix("-") || argument == "-" { options.positional.append(argument); continue }
            if argument == "--" { options.positional += arguments[i...]; break }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                if let canonical = Self.longNames[name] {
                    var value = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                    if value == nil {
                        guard i < arguments.count else { throw .missingArgument("--" + name) }
                        value = arguments[i]
                        i += 1
                    }
                    options.record(canonical, value ?? "")
                } else if Set(Self.flagLetters.values).contains(name) || name == "tuples-only" || name == "no-owner" || name == "verbose" {
                    options.flags.insert(name)
                } else {
                    throw .invalidOption(argument)
                }
                continue
            }
            let letters = Array(argument.dropFirst())
            var j = 0
            while j < letters.count {
                let letter = letters[j]
                j += 1
                if let name = valued[letter] {
                    var value = String(letters[j...])
                    if value.isEmpty {
                        guard i < arguments.count else { throw .missingArgument(String(letter)) }
                        value = arguments[i]
                        i += 1
                    }
                    options.record(name, value)
                    break
                }
                guard let flag = flagLetters[letter] else { throw .invalidOption(String(letter)) }
                options.flags.insert(flag)
            }
        }
        return options
    }

    private mutating func record(_ name: String, _ value: String) {
        if name == "command" { commands.append(value) } else { values[name] = value }
    }

    /// `psql: invalid option -- 'k'` and the hint line, as getopt and psql print them.
    static func message(_ failure: Failure, program: String) -> String {
        switch failure {
        case .invalidOption(let option):
            let first = option.hasPrefix("--") ? "\(program): unrecognized option '\(option)'" : "\(program): invalid option -- '\(option)'"
            return first + "\nTry \"\(program) --help\" for more information.\n"
        case .missingArgument(let option):
            let first = option.hasPrefix("--") ? "\(program): option '\(option)' requires an argument" : "\(program): option requires an argument -- '\(option)'"
            return first + "\nTry \"\(program) --help\" for more information.\n"
        }
    }
}

/// How `psql` and `pg_dump` reach a server: this container's postgres over the Unix socket, or the
/// server the runtime finds behind `-h NAME`.
public struct PostgresConnector {
    public var localServer: PostgresServer?
    public var lookupHost: (String) -> DatabaseHostLookup<PostgresServer>

    public init(localServer: PostgresServer?, lookupHost: @escaping (String) -> DatabaseHostLookup<PostgresServer> = { _ in .unknownHost }) {
        self.localServer = localServer
        self.lookupHost = lookupHost
    }

    /// The text after `psql: ` / `pg_dump: [archiver (db)] connection to database "x" failed: `.
    enum Failure: Error, Equatable {
        case noSocket
        case refused(String)
        case unknownHost(String)
        case unknownRole(String)
        case unknownDatabase(String)
        case passwordRequired
        case wrongPassword(String)

        var text: String {
            switch self {
            case .noSocket:
                return "could not connect to server: No such file or directory\n\tIs the server running locally and accepting\n\tconnections on Unix domain socket \"/var/run/postgresql/.s.PGSQL.5432\"?"
            case .refused(let host):
                return "could not connect to server: Connection refused\n\tIs the server running on host \"\(host)\" and accepting\n\tTCP/IP connections on port 5432?"
            case .unknownHost(let host): return "could not translate host name \"\(host)\" to address: Name does not resolve"
            case .unknownRole(let user): return "FATAL:  role \"\(user)\" does not exist"
            case .unknownDatabase(let name): return "FATAL:  database \"\(name)\" does not exist"
            case .passwordRequired: return "fe_sendauth: no password supplied"
            case .wrongPassword(let user): return "FATAL:  password authentication failed for user \"\(user)\""
            }
        }
    }

    static let socketNames: Set<String> = ["", "/var/run/postgresql", "/tmp"]

    /// Finds the server; `password` is asked for only when the server wants one (nil: cannot ask).
    func connect(host: String?, user: String, database: String, password: () -> String?) -> Result<PostgresServer, Failure> {
        let name = host ?? ""
        let server: PostgresServer
        let overNetwork = !Self.socketNames.contains(name)
        if !overNetwork || ["localhost", "127.0.0.1", "::1"].contains(name) || name == localServer?.hostname {
            guard let local = localServer else { return .failure(overNetwork ? .refused(name) : .noSocket) }
            server = local
        } else {
            switch lookupHost(name) {
            case .server(let found): server = found
            case .noServer: return .failure(.refused(name))
            case .unknownHost: return .failure(.unknownHost(name))
            }
        }
        // Loopback TCP is trusted by the image's pg_hba.conf, like the socket.
        let checked = overNetwork && !["localhost", "127.0.0.1", "::1"].contains(name)
        switch server.authenticate(user: user, password: nil, overNetwork: checked) {
        case .accepted: break
        case .unknownRole: return .failure(.unknownRole(user))
        case .passwordRequired, .wrongPassword:
            guard let given = password() else { return .failure(.passwordRequired) }
            switch server.authenticate(user: user, password: given, overNetwork: true) {
            case .accepted: break
            case .passwordRequired: return .failure(.passwordRequired)
            default: return .failure(.wrongPassword(user))
            }
        }
        guard server.databaseExists(database) else { return .failure(.unknownDatabase(database)) }
        return .success(server)
    }
}
