import KubeAPI
import KubeSim

/// `dig` from dnsutils (bind 9.18): one question, no search path unless `+search`, the full
/// sectioned answer or `+short`.
struct DigCommand {
    let network: PodNetworkContext
    var version = "9.18.28-1~deb12u2-Debian"

    private struct Display {
        var cmd = true, comments = true, question = true, answer = true, authority = true, additional = true, stats = true
        var short = false
        var search = false
        mutating func none() { cmd = false; comments = false; question = false; answer = false; authority = false; additional = false; stats = false }
    }

    func run(_ ctx: CommandContext) -> Int32 {
        var display = Display()
        var name: String? = nil
        var type: DNSRecordType? = nil
        var server: String? = nil
        var args = ctx.arguments[...]
        while let arg = args.popFirst() {
            let lower = arg.lowercased()
            if arg.hasPrefix("@") {
                server = String(arg.dropFirst())
            } else if lower == "-x" {
                guard let ip = args.popFirst(), let reverse = IPv4Text.reverseName(ip) else {
                    ctx.writeError("Invalid IP address \(ctx.arguments.last ?? "")\n")
                    return 1
                }
                name = reverse
                type = .ptr
            } else if lower == "-t" {
                guard let t = args.popFirst(), let parsed = DNSRecordType(name: t) else {
                    ctx.writeError("invalid type: \(ctx.arguments.last ?? "")\n")
                    return 1
                }
                type = parsed
            } else if arg.hasPrefix("+") {
                let option = lower.dropFirst()
                let negated = option.hasPrefix("no")
                let key = negated ? String(option.dropFirst(2)) : String(option)
                let on = !negated
                switch key {
                case "short": display.short = on
                case "search": display.search = on
                case "all": if on { display = Display(short: display.short, search: display.search) } else { display.none() }
                case "cmd": display.cmd = on
                case "comments": display.comments = on
                case "question": display.question = on
                case "answer": display.answer = on
                case "authority": display.authority = on
                case "additional": display.additional = on
                case "stats": display.stats = on
                default: break  // +tcp, +time=, +tries=... change nothing here
                }
            } else if lower == "-q" {
                name = args.popFirst() ?? name
            } else if ["-p", "-b", "-c", "-f", "-k", "-y"].contains(lower) {
                _ = args.popFirst()  // port, bind address, class, batch file, keys: nothing to change here
            } else if arg.hasPrefix("-") {
                continue  // -4, -6, -m ...
            } else if lower == "in" {
                continue
            } else if type == nil, let t = DNSRecordType(name: arg) {
                // dig reads a word that names a type as the type, wherever it stands.
                type = t
            } else if name == nil {
                name = arg
            }
        }
        let qtype = type ?? .a
        let qname = name ?? "."
        if let server, server != ClusterDNS.nameserver,
           !network.dns.resolve(server, namespace: network.namespace).addresses.contains(ClusterDNS.nameserver) {
            ctx.write(";; communications error to \(server)#53: timed out\n;; communications error to \(server)#53: timed out\n;; communications error to \(server)#53: timed out\n\n; <<>> DiG \(version) <<>> \(ctx.arguments.joined(separator: " "))\n;; global options: +cmd\n;; no servers could be reached\n")
            return 9
        }
        var asked = qname
        var response: DNSResponse
        if display.search, !qname.hasSuffix(".") {
            let resolution = network.dns.resolve(qname, namespace: network.namespace, type: qtype)
            let attempt = resolution.answered ?? resolution.attempts.last
            asked = attempt?.name ?? qname
            response = attempt?.response ?? .nameError
        } else {
            response = network.dns.query(qname, type: qtype)
            asked = qname.hasSuffix(".") ? String(qname.dropLast()) : qname
        }
        if display.short {
            ctx.write(response.answers.map { BindRecordText.data($0) + "\n" }.joined())
            return 0
        }
        ctx.write(render(display, asked: asked, type: qtype, response: response, arguments: ctx.arguments))
        return 0
    }

    private func render(_ display: Display, asked: String, type: DNSRecordType, response: DNSResponse, arguments: [String]) -> String {
        var out = ""
        if display.cmd {
            out += "\n; <<>> DiG \(version) <<>> \(arguments.joined(separator: " "))\n;; global options: +cmd\n"
        }
        var authority: [String] = []
        var authoritySize = 0
        if response.answers.isEmpty && response.code != .serverFailure {
            let soa = response.authoritative ? BindRecordText.soa(for: asked, serial: network.cluster.now / 1000)
                                             : BindRecordText.rootSOA(serial: network.cluster.now)
            authority = [soa.line]
            authoritySize = soa.wireSize
        }
        // CoreDNS's own answers lack RA (hence dig's warning); forwarded ones carry it.
        let forwarded = !response.authoritative && response.code != .serverFailure
        if display.comments {
            let id = network.random(in: 1...65535)
            let flags = response.authoritative ? "qr aa rd" : (forwarded ? "qr rd ra" : "qr rd")
            out += ";; Got answer:\n"
            if asked == ClusterDNS.zone || asked.hasSuffix(".local") {
                out += ";; WARNING: .local is reserved for Multicast DNS\n;; You are currently testing what happens when an mDNS query is leaked to DNS\n"
            }
            out += ";; ->>HEADER<<- opcode: QUERY, status: \(response.code.text), id: \(id)\n"
            out += ";; flags: \(flags); QUERY: 1, ANSWER: \(response.answers.count), AUTHORITY: \(authority.count), ADDITIONAL: \(response.additional.count + 1)\n"
            if !forwarded { out += ";; WARNING: recursion requested but not available\n" }
            out += "\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n"
            out += "; COOKIE: \(cookie()) (echoed)\n"
        }
        if display.question {
            if display.comments { out += ";; QUESTION SECTION:\n" }
            out += BindRecordText.question(asked, type: type) + "\n"
            if display.comments { out += "\n" }
        }
        func section(_ title: String, _ lines: [String], _ shown: Bool) {
            guard shown, !lines.isEmpty else { return }
            if display.comments { out += ";; \(title) SECTION:\n" }
            for l in lines { out += l + "\n" }
            if display.comments { out += "\n" }
        }
        section("ANSWER", response.answers.map(BindRecordText.record), display.answer)
        section("AUTHORITY", authority, display.authority)
        section("ADDITIONAL", response.additional.map(BindRecordText.record), display.additional)
        if display.stats {
            out += ";; Query time: 0 msec\n"
            out += ";; SERVER: \(ClusterDNS.nameserver)#53(\(ClusterDNS.nameserver)) (UDP)\n"
            out += ";; WHEN: \(BindRecordText.when(network.cluster.now))\n"
            out += ";; MSG SIZE  rcvd: \(messageSize(asked, response, authoritySize: authoritySize))\n\n"
        }
        return out
    }

    /// dig's client cookie, which CoreDNS echoes: 8 bytes in hex.
    private func cookie() -> String {
        var hex = ""
        for _ in 0..<4 { hex += String(network.random(in: 0x1000...0xFFFF), radix: 16) }
        return hex
    }

    /// The reply's size on the wire. CoreDNS does not compress the kubernetes plugin's owner
    /// names, and the OPT record carries the echoed 8-byte cookie (11 + 12 bytes); this matches
    /// real replies (`nginx.default.svc.cluster.local` A → 119 bytes).
    private func messageSize(_ asked: String, _ response: DNSResponse, authoritySize: Int) -> Int {
        var size = 12 + BindRecordText.wireLength(asked) + 4 + 11 + 12 + authoritySize
        for r in response.answers + response.additional {
            size += BindRecordText.wireLength(r.name) + 10
            switch r.data {
            case .address: size += 4
            case .pointer(let t): size += BindRecordText.wireLength(t)
            case .service(_, _, _, let t): size += 6 + BindRecordText.wireLength(t)
            }
        }
        return size
    }
}
