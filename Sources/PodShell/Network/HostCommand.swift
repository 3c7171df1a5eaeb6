import KubeSim

/// `host NAME` / `host IP` / `host -t TYPE NAME` from dnsutils, using the search path.
struct HostCommand {
    let network: PodNetworkContext

    func run(_ ctx: CommandContext) -> Int32 {
        var type: DNSRecordType? = nil
        var operands: [String] = []
        var args = ctx.arguments[...]
        while let arg = args.popFirst() {
            if arg == "-t" {
                guard let t = args.popFirst(), let parsed = DNSRecordType(name: t) else {
                    ctx.writeError("host: invalid type: \(ctx.arguments.last ?? "")\n")
                    return 1
                }
                type = parsed
            } else if arg.hasPrefix("-") {
                continue
            } else {
                operands.append(arg)
            }
        }
        guard let name = operands.first else {
            ctx.writeError("Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n")
            return 1
        }
        if operands.count > 1, operands[1] != ClusterDNS.nameserver {
            ctx.write(";; communications error to \(operands[1])#53: timed out\n;; communications error to \(operands[1])#53: timed out\n;; no servers could be reached\n")
            return 1
        }
        let dns = network.dns
        if type == nil || type == .ptr, let reverse = IPv4Text.reverseName(name) {
            let response = dns.query(reverse, type: .ptr)
            guard response.code == .noError else {
                ctx.write("Host \(reverse). not found: \(response.code.rawValue)(\(response.code.text))\n")
                return 1
            }
            for r in response.answers { ctx.write("\(r.name) domain name pointer \(BindRecordText.data(r))\n") }
            return 0
        }
        let resolution = dns.resolve(name, namespace: network.namespace, type: type ?? .a)
        guard let answered = resolution.answered else {
            let code = resolution.failureCode
            if code == .noError {
                if let type { ctx.write("\(resolution.attempts.first { $0.response.code == .noError }?.name ?? name) has no \(type.rawValue) record\n") }
                return type == nil ? 0 : 1
            }
            ctx.write("Host \(name) not found: \(code.rawValue)(\(code.text))\n")
            return 1
        }
        var out = ""
        for r in answered.response.answers {
            switch r.data {
            case .address(let ip): out += "\(r.name) has address \(ip)\n"
            case .service: out += "\(r.name) has SRV record \(BindRecordText.data(r))\n"
            case .pointer: out += "\(r.name) domain name pointer \(BindRecordText.data(r))\n"
            }
        }
        ctx.write(out)
        return 0
    }
}
