import KubeSim

/// A URL as curl and wget take it: `[http[s]://]host[:port][/path]`.
struct HTTPURL: Equatable {
    var scheme: String
    var host: String
    var port: Int
    var path: String
    /// Whether the URL named the port (the Host header then carries it).
    var explicitPort: Bool

    init?(_ text: String) {
        var rest = Substring(text)
        if let range = rest.range(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
        } else {
            scheme = "http"
        }
        guard scheme == "http" || scheme == "https" else { return nil }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var path = String(rest[authorityEnd...])
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        if path.isEmpty || path.hasPrefix("?") { path = "/" + path }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var port = scheme == "https" ? 443 : 80
        explicitPort = false
        if let colon = authority.lastIndex(of: ":") {
            let portText = authority[authority.index(after: colon)...]
            guard let p = Int(portText), p > 0, p < 65536 else { return nil }
            port = p
            explicitPort = true
            authority = authority[..<colon]
        }
        guard !authority.isEmpty else { return nil }
        host = String(authority)
        self.port = port
        self.path = path
    }

    var hostHeader: String { explicitPort ? "\(host):\(port)" : host }
}

/// Resolves, connects (through kube-proxy for ClusterIPs) and exchanges one request.
struct HTTPClient {
    let network: PodNetworkContext
    let fileSystem: VirtualFileSystem?

    enum Outcome {
        case unresolved
        case refused(ip: String)
        case answered(ip: String, response: HTTPResponse)
    }

    func send(method: String, url: HTTPURL, headers: [(name: String, value: String)] = [], body: String = "") -> Outcome {
        let resolver = HostResolver(network: network, fileSystem: fileSystem)
        guard case .success(let resolved) = resolver.resolve(url.host), let ip = resolved.addresses.first else { return .unresolved }
        let router = ServiceRouter(network: network)
        guard let destination = router.route(ip: ip, port: url.port) else { return .refused(ip: ip) }
        let request = HTTPRequest(method: method, path: url.path, host: url.hostHeader, headers: headers, body: body,
                                  podNamespace: destination.namespace, podName: destination.podName, port: destination.port,
                                  clientIP: ip.hasPrefix("127.") ? "127.0.0.1" : network.podIP ?? "127.0.0.1")
        guard let response = router.exchange(request, to: destination) else { return .refused(ip: ip) }
        return .answered(ip: ip, response: response)
    }
}
