import KubeAPI
import KubeSim

/// Resource records in bind's master-file layout as `dig` prints them: fields advance to tab
/// stops (TTL at column 24, class 32, type 40, data 48), or one space when a field ran past.
enum BindRecordText {
    static func absolute(_ name: String) -> String { name.hasSuffix(".") ? name : name + "." }

    static func line(owner: String, ttl: Int?, type: String, data: String) -> String {
        var text = absolute(owner)
        var column = text.count
        func advance(to stop: Int) {
            if column >= stop {
                text += " "
                column += 1
            } else {
                let tabs = max(1, stop / 8 - column / 8)
                text += String(repeating: "\t", count: tabs)
                column = stop
            }
        }
        func field(_ s: String) {
            text += s
            column += s.count
        }
        if let ttl {
            advance(to: 24)
            field(String(ttl))
        }
        advance(to: 32)
        field("IN")
        advance(to: 40)
        field(type)
        if !data.isEmpty {
            advance(to: 48)
            field(data)
        }
        return text
    }

    static func question(_ name: String, type: DNSRecordType) -> String {
        line(owner: ";" + absolute(name), ttl: nil, type: type.rawValue, data: "")
    }

    static func data(_ record: DNSRecord) -> String {
        switch record.data {
        case .address(let ip): return ip
        case .pointer(let target): return absolute(target)
        case .service(let p, let w, let port, let target): return "\(p) \(w) \(port) \(absolute(target))"
        }
    }

    static func record(_ r: DNSRecord) -> String {
        line(owner: r.name, ttl: r.ttl, type: r.type.rawValue, data: data(r))
    }

    /// The zone's SOA, which an authoritative negative answer carries in AUTHORITY.
    static func soa(for name: String, serial: Int64) -> (line: String, wireSize: Int) {
        let zone = name.hasSuffix("in-addr.arpa") ? "in-addr.arpa" : ClusterDNS.zone
        let mname = "ns.dns.\(zone)", rname = "hostmaster.\(zone)"
        let data = "\(mname). \(rname). \(serial) 7200 1800 86400 \(ClusterDNS.ttl)"
        let size = wireLength(zone) + 10 + wireLength(mname) + wireLength(rname) + 20
        return (line(owner: zone, ttl: ClusterDNS.ttl, type: "SOA", data: data), size)
    }

    /// The root zone's SOA, as a forwarded NXDOMAIN carries it (TTL capped by CoreDNS's cache).
    static func rootSOA(serial ms: Millis) -> (line: String, wireSize: Int) {
        let date = Timestamp.rfc3339(ms).prefix(10).filter { $0 != "-" }
        let data = "a.root-servers.net. nstld.verisign-grs.com. \(date)00 1800 900 604800 86400"
        let size = 1 + 10 + wireLength("a.root-servers.net") + wireLength("nstld.verisign-grs.com") + 20
        return (line(owner: ".", ttl: ClusterDNS.ttl, type: "SOA", data: data), size)
    }

    /// Uncompressed wire length of a name.
    static func wireLength(_ name: String) -> Int {
        let labels = name.split(separator: ".")
        return labels.reduce(1) { $0 + $1.utf8.count + 1 }
    }

    /// `Sun Nov 02 04:27:05 UTC 2026`: dig's `WHEN:` (strftime `%a %b %d %T %Z %Y`, day zero-padded).
    static func when(_ ms: Millis) -> String {
        var parts = Timestamp.dateCommand(ms).split(separator: " ").map(String.init)
        if parts.count == 6, parts[2].count == 1 { parts[2] = "0" + parts[2] }
        return parts.joined(separator: " ")
    }
}
