import Foundation

/// How the MySQL clients find a server: the container's own mysqld for `localhost`, or whatever
/// the runtime's lookup finds at another host name (a mysql pod behind a Service or pod DNS name).
public struct MySQLConnector {
    /// The mysqld of this container; nil when none runs here (a client-only image, or not started yet).
    public var localServer: MySQLServer?
    /// Resolves `-h NAME` for other hosts.
    public var lookupHost: (String) -> DatabaseHostLookup<MySQLServer>
    /// This container's address as other servers see it (the pod IP), for `Access denied` texts.
    public var clientAddress: String
    /// The mysqld of another container in the same pod: containers share the pod's network, so
    /// `-h 127.0.0.1` reaches it (the socket file is the mysql container's own).
    public var podServer: MySQLServer?
    /// The client's clock, when it differs from the cluster's (a container's command run at its start).
    public var clock: (() -> Int64)?

    public init(localServer: MySQLServer?, clientAddress: String = "localhost",
                lookupHost: @escaping (String) -> DatabaseHostLookup<MySQLServer> = { _ in .unknownHost }) {
        self.localServer = localServer
        self.clientAddress = clientAddress
        self.lookupHost = lookupHost
    }

    /// A failure to reach a server, as `ERROR 2002`/`2003`/`2005` texts.
    enum Failure: Error {
        case noSocket
        case refused(String)
        case unknownHost(String)
        case accessDenied(user: String, from: String, usedPassword: Bool)

        var text: String {
            switch self {
            case .noSocket: return "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)"
            case .refused(let host): return "ERROR 2003 (HY000): Can't connect to MySQL server on '\(host)' (111)"
            case .unknownHost(let host): return "ERROR 2005 (HY000): Unknown MySQL server host '\(host)' (0)"
            case .accessDenied(let user, let from, let used):
                return "ERROR 1045 (28000): Access denied for user '\(user)'@'\(from)' (using password: \(used ? "YES" : "NO"))"
            }
        }

        /// mysqladmin words it without the error number.
        var adminText: String {
            let full = text
            guard let marker = full.range(of: "): ") else { return full }
            return String(full[marker.upperBound...])
        }
    }

    static let localNames: Set<String> = ["", "localhost", "127.0.0.1", "::1"]

    /// Finds the server and checks the credentials.
    func connect(host: String?, user: String, password: String?) -> Result<MySQLServer, Failure> {
        let name = host ?? ""
        let server: MySQLServer
        let from: String
        func accepting(_ server: MySQLServer) -> Bool {
            clock.map { server.isAcceptingConnections(at: $0()) } ?? server.isAcceptingConnections
        }
        if Self.localNames.contains(name) || name == localServer?.hostname {
            let viaTCP = !(name.isEmpty || name == "localhost")
            guard let local = localServer ?? (viaTCP ? podServer : nil), accepting(local) else {
                return .failure(name.isEmpty || name == "localhost" ? .noSocket : .refused(name))
            }
            server = local
            from = "localhost"
        } else {
            switch lookupHost(name) {
            case .server(let found):
                guard accepting(found) else { return .failure(.refused(name)) }
                server = found
            case .noServer: return .failure(.refused(name))
            case .unknownHost: return .failure(.unknownHost(name))
            }
            from = clientAddress
        }
        guard server.authenticate(user: user, password: password) else {
            return .failure(.accessDenied(user: user, from: from, usedPassword: !(password ?? "").isEmpty))
        }
        return .success(server)
    }
}
