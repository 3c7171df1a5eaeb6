@testable import PodShell

/// Captures what a database client writes, and drives it like the shell would.
final class DatabaseCommandRecorder {
    var out = ""
    var err = ""
    var input: [String]

    init(input: [String] = []) { self.input = input }

    func io(_ arguments: [String], environment: [String: String] = [:], stdinIsTerminal: Bool = false,
            stdoutIsTerminal: Bool = false, terminal: Terminal? = nil, files: DatabaseStorage? = nil) -> DatabaseCommandIO {
        DatabaseCommandIO(arguments: arguments, environment: environment, stdinIsTerminal: stdinIsTerminal,
                          stdoutIsTerminal: stdoutIsTerminal, terminal: terminal,
                          readLine: { [unowned self] in self.input.isEmpty ? nil : self.input.removeFirst() },
                          write: { [unowned self] in self.out += $0 }, writeError: { [unowned self] in self.err += $0 },
                          files: files)
    }

    /// A terminal whose output lands in `out`/`err`.
    func terminal() -> Terminal {
        Terminal(mode: .script, writeOut: { [unowned self] in self.out += $0 }, writeErr: { [unowned self] in self.err += $0 })
    }

    /// Takes what was written so far.
    func take() -> (out: String, err: String) {
        defer { out = ""; err = "" }
        return (out, err)
    }
}

/// A mysql:5.7 container's data directory, initialised with root password `qwerty`.
func makeMySQLServer(storage: InMemoryDatabaseStorage = InMemoryDatabaseStorage(), hostname: String = "mysql-0") -> MySQLServer {
    MySQLServer.initialize(dataDirectory: "/var/lib/mysql", fileSystem: storage, rootPassword: "qwerty")
    return MySQLServer(dataDirectory: "/var/lib/mysql", storage: storage, hostname: hostname, now: { 1_795_000_000_000 })
}
