import KubeAPI
import KubeSim

/// The C library's name lookup inside a container (getaddrinfo/gethostbyname): an address
/// literal, then `/etc/hosts`, then the cluster DNS along the resolv.conf search path. `curl`,
/// `wget`, `ping`, `getent` and busybox 1.28's `nslookup` resolve this way.
struct HostResolver {
    let network: PodNetworkContext
    let fileSystem: VirtualFileSystem?

    struct Result {
        /// The canonical name (FQDN found, or the hosts-file name).
        var name: String
        var addresses: [String]
        var aliases: [String] = []
    }

    enum Failure: Error, Equatable {
        /// NXDOMAIN / no data (`Name or service not known`).
        case notFound
        /// SERVFAIL (`Temporary failure in name resolution`).
        case temporary
    }

    func resolve(_ host: String) -> Swift.Result<Result, Failure> {
        let name = host.hasSuffix(".") && host.count > 1 ? String(host.dropLast()) : host
        if name.isEmpty { return .failure(.notFound) }
        if IPv4Text.isValid(name) { return .success(Result(name: name, addresses: [name])) }
        if let entry = hostsFile().first(where: { $0.names.contains { $0.lowercased() == name.lowercased() } }) {
            return .success(Result(name: entry.names[0], addresses: [entry.ip], aliases: Array(entry.names.dropFirst())))
        }
        if name.lowercased() == "localhost" { return .success(Result(name: "localhost", addresses: ["127.0.0.1"])) }
        let resolution = network.dns.resolve(host, namespace: network.namespace)
        if let fqdn = resolution.fqdn { return .success(Result(name: fqdn, addresses: resolution.addresses)) }
        return .failure(resolution.failureCode == .serverFailure ? .temporary : .notFound)
    }

    /// `/etc/hosts` entries (IPv4 only), in file order.
    func hostsFile() -> [(ip: String, names: [String])] {
        guard let fs = fileSystem, let text = try? fs.readText("/etc/hosts", limit: 1 << 20) else { return [] }
        var out: [(String, [String])] = []
        for line in text.split(separator: "\n") {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count >= 2, IPv4Text.isValid(fields[0]) else { continue }
            out.append((fields[0], Array(fields.dropFirst())))
        }
        return out
    }
}
