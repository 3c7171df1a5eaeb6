import KubeSim

/// Which `nslookup` an image ships; their output differs completely.
public enum NSLookupFlavour: Sendable {
    /// busybox 1.28 (the `busybox:1.28` the Kubernetes docs pin): libc lookup, one `Address N:`
    /// line per address with its reverse name, errors on stderr.
    case busyboxLegacy
    /// busybox ≥ 1.30 (Alpine images such as `kiamol/ch03-sleep`): its own resolver, asks A and
    /// AAAA under each search domain for dotless names and prints every reply, bind-like.
    case busybox
    /// bind9's `nslookup` from dnsutils (Debian/Ubuntu images after `apt-get install dnsutils`).
    case bind
}

/// `nslookup NAME [SERVER]` in the three formats of reference §4.2/§4.3.
struct NSLookupCommand {
    let flavour: NSLookupFlavour
    let network: PodNetworkContext

    func run(_ ctx: CommandContext) -> Int32 {
        var args = ctx.arguments.filter { !$0.hasPrefix("-") }
        var queryType: DNSRecordType? = nil
        for option in ctx.arguments where option.hasPrefix("-") {
            let lower = option.lowercased()
            for prefix in ["-type=", "-querytype=", "-q=", "-t="] where lower.hasPrefix(prefix) {
                queryType = DNSRecordType(name: String(option.dropFirst(prefix.count)))
            }
        }
        guard let name = args.first, !name.isEmpty else { return usage(ctx) }
        args.removeFirst()
        let server = args.first
        if let server, !isClusterDNS(server) { return unreachable(ctx, server: server) }
        switch flavour {
        case .busyboxLegacy: return legacy(ctx, name: name)
        case .busybox: return modern(ctx, name: name, type: queryType)
        case .bind: return bind(ctx, name: name, type: queryType)
        }
    }

    private func isClusterDNS(_ server: String) -> Bool {
        if server == ClusterDNS.nameserver { return true }
        let r = network.dns.resolve(server, namespace: network.namespace)
        return r.addresses.contains(ClusterDNS.nameserver)
    }

    private func usage(_ ctx: CommandContext) -> Int32 {
        switch flavour {
        case .busyboxLegacy:
            ctx.writeError("BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n")
        case .busybox:
            ctx.writeError("BusyBox v1.36.1 (2023-11-07 18:53:09 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n")
        case .bind:
            // Without a name bind's nslookup goes interactive; there is no terminal program for it.
            ctx.writeError("nslookup: interactive mode is not available in kubelab; give a name: nslookup NAME\n")
        }
        return 1
    }

    private func unreachable(_ ctx: CommandContext, server: String) -> Int32 {
        switch flavour {
        case .busyboxLegacy:
            ctx.writeError("nslookup: can't resolve '\(server)'\n")
        case .busybox, .bind:
            ctx.write(";; connection timed out; no servers could be reached\n\n")
        }
        return 1
    }

    // MARK: busybox 1.28

    private func legacy(_ ctx: CommandContext, name: String) -> Int32 {
        let dns = network.dns
        func line(_ header: String, _ host: String) -> String {
            header.leftJustified(10) + " " + host + "\n"
        }
        func address(_ n: Int, _ ip: String) -> String {
            if let rev = dns.reverseName(for: ip) { return "Address \(n): \(ip) \(rev)\n" }
            return "Address \(n): \(ip)\n"
        }
        var out = line("Server:", ClusterDNS.nameserver) + address(1, ClusterDNS.nameserver) + "\n"
        let resolver = HostResolver(network: network, fileSystem: ctx.fileSystem)
        guard case .success(let result) = resolver.resolve(name) else {
            ctx.write(out)
            ctx.writeError("nslookup: can't resolve '\(name)'\n")
            return 1
        }
        out += line("Name:", name)
        for (i, ip) in result.addresses.enumerated() { out += address(i + 1, ip) }
        ctx.write(out)
        return 0
    }

    // MARK: busybox ≥ 1.30

    private func modern(_ ctx: CommandContext, name: String, type: DNSRecordType?) -> Int32 {
        let dns = network.dns
        var queries: [(name: String, type: DNSRecordType)] = []
        if type == nil, let reverse = IPv4Text.reverseName(name) {
            queries = [(reverse, .ptr)]
        } else {
            let types: [DNSRecordType] = type.map { [$0] } ?? [.a, .aaaa]
            // Search domains only for dotless names (busybox ignores ndots).
            let names = name.contains(".") || type == .ptr ? [name] : ClusterDNS.searchDomains(namespace: network.namespace).map { "\(name).\($0)" }
            for t in types { for n in names { queries.append((n, t)) } }
        }
        var out = "Server:\t\t\(ClusterDNS.nameserver)\nAddress:\t\(ClusterDNS.nameserver):53\n\n"
        var status: Int32 = 0
        for q in queries {
            let response = dns.query(q.name, type: q.type)
            if response.code != .noError {
                out += "** server can't find \(q.name): \(response.code.text)\n"
                status = 1
            } else {
                if !response.authoritative { out += "Non-authoritative answer:\n" }
                let printable = response.answers.filter { $0.type == q.type || q.type == .any }
                if printable.isEmpty { out += "*** Can't find \(q.name): No answer\n" }
                for record in printable { out += modernLine(record) }
            }
            out += "\n"
        }
        ctx.write(out)
        return status
    }

    private func modernLine(_ record: DNSRecord) -> String {
        switch record.data {
        case .address(let ip): return "Name:\t\(record.name)\nAddress: \(ip)\n"
        case .pointer(let target): return "\(record.name)\tname = \(target)\n"
        case .service(let p, let w, let port, let target): return "\(record.name)\tservice = \(p) \(w) \(port) \(target)\n"
        }
    }

    // MARK: bind

    private func bind(_ ctx: CommandContext, name: String, type: DNSRecordType?) -> Int32 {
        let dns = network.dns
        var out = "Server:\t\t\(ClusterDNS.nameserver)\nAddress:\t\(ClusterDNS.nameserver)#53\n\n"
        if type == nil || type == .ptr, let reverse = IPv4Text.reverseName(name) {
            let response = dns.query(reverse, type: .ptr)
            if response.code != .noError {
                out += "** server can't find \(reverse): \(response.code.text)\n\n"
                ctx.write(out)
                return 1
            }
            for r in response.answers { if case .pointer(let t) = r.data { out += "\(r.name)\tname = \(t).\n" } }
            ctx.write(out + "\n")
            return 0
        }
        let queryType = type ?? .a
        let resolution = dns.resolve(name, namespace: network.namespace, type: queryType)
        guard let answered = resolution.answered else {
            let code = resolution.failureCode
            if code == .noError {
                out += "*** Can't find \(name): No answer\n\n"
            } else {
                out += "** server can't find \(name): \(code.text)\n\n"
            }
            ctx.write(out)
            return 1
        }
        if !answered.response.authoritative { out += "Non-authoritative answer:\n" }
        for record in answered.response.answers {
            switch record.data {
            case .address(let ip): out += "Name:\t\(record.name)\nAddress: \(ip)\n"
            case .service(let p, let w, let port, let target): out += "\(record.name)\tservice = \(p) \(w) \(port) \(target).\n"
            case .pointer(let target): out += "\(record.name)\tname = \(target).\n"
            }
        }
        ctx.write(out + "\n")
        return 0
    }
}

