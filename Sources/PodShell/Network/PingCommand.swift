import KubeSim

/// Which `ping` an image ships.
public enum PingFlavour: Sendable {
    /// busybox (`busybox`, Alpine): `seq=0`, `packets received`, `round-trip`.
    case busybox
    /// iputils (Debian/Ubuntu `iputils-ping`): `icmp_seq=1`, `rtt ... mdev`, reverse names.
    case iputils
}

/// `ping [-c N] [-W S] HOST`: pod IPs answer (TTL 64 on the same node, 63 across nodes);
/// ClusterIPs are virtual (kube-proxy only forwards TCP/UDP ports), so they never answer.
/// One packet per second of virtual time; without `-c` it stops on Ctrl-C or after
/// `maxPackets`, so a script cannot hang on it.
struct PingCommand {
    let flavour: PingFlavour
    let network: PodNetworkContext
    static let maxPackets = 1000
    /// `-c` beyond this is cut short, like any runaway output.
    static let maxCount = 100_000

    func run(_ ctx: CommandContext) -> Int32 {
        var count: Int? = nil
        var host: String? = nil
        var args = ctx.arguments[...]
        while let arg = args.popFirst() {
            if arg == "-c" {
                guard let v = args.popFirst(), let n = Int(v), n > 0 else { return badCount(ctx) }
                count = n
            } else if arg.hasPrefix("-c"), let n = Int(arg.dropFirst(2)), n > 0 {
                count = n
            } else if ["-W", "-w", "-i", "-s", "-t", "-I"].contains(arg) {
                _ = args.popFirst()
            } else if arg.hasPrefix("-") {
                continue
            } else {
                host = arg
            }
        }
        guard let host else {
            if flavour == .busybox {
                ctx.writeError("BusyBox v1.36.1 (2023-11-07 18:53:09 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n")
            } else {
                ctx.writeError("ping: usage error: Destination address required\n")
            }
            return flavour == .busybox ? 1 : 2
        }
        let resolver = HostResolver(network: network, fileSystem: ctx.fileSystem)
        guard case .success(let resolved) = resolver.resolve(host), let ip = resolved.addresses.first else {
            if flavour == .busybox {
                ctx.writeError("ping: bad address '\(host)'\n")
                return 1
            }
            ctx.writeError("ping: \(host): Name or service not known\n")
            return 2
        }
        let answers = answersPing(ip)
        let ttl = sameNode(ip) ? 64 : 63
        let shownName = flavour == .busybox ? host : resolved.name
        let replyName: String = {
            guard flavour == .iputils, !IPv4Text.isValid(host) else { return ip }
            return "\(network.dns.reverseName(for: ip) ?? ip) (\(ip))"
        }()
        if flavour == .busybox {
            ctx.write("PING \(shownName) (\(ip)): 56 data bytes\n")
        } else {
            ctx.write("PING \(shownName) (\(ip)) 56(84) bytes of data.\n")
        }
        let limit = min(count ?? Self.maxPackets, Self.maxCount)
        var times: [Int] = []  // microseconds
        var sent = 0
        while sent < limit {
            if sent > 0 {
                if !ctx.sleep(milliseconds: 1000) { break }
            }
            if ctx.isInterrupted { break }
            sent += 1
            if answers {
                let micros = network.random(in: 40...140)
                times.append(micros)
                let time = Self.millis(micros)
                let line = flavour == .busybox
                    ? "64 bytes from \(ip): seq=\(sent - 1) ttl=\(ttl) time=\(time) ms\n"
                    : "64 bytes from \(replyName): icmp_seq=\(sent) ttl=\(ttl) time=\(time) ms\n"
                if !ctx.write(line) { break }  // output budget spent
            }
        }
        if !answers, count != nil { _ = ctx.sleep(milliseconds: 1000) }
        let received = times.count
        let loss = sent == 0 ? 0 : (sent - received) * 100 / sent
        var out = "\n--- \(shownName) ping statistics ---\n"
        if flavour == .busybox {
            out += "\(sent) packets transmitted, \(received) packets received, \(loss)% packet loss\n"
            if received > 0 {
                out += "round-trip min/avg/max = \(Self.millis(times.min()!))/\(Self.millis(times.reduce(0, +) / received))/\(Self.millis(times.max()!)) ms\n"
            }
        } else {
            let elapsed = sent <= 1 ? 0 : (sent - 1) * 1000 + network.random(in: 1...3)
            out += "\(sent) packets transmitted, \(received) received, \(loss)% packet loss, time \(elapsed)ms\n"
            if received > 0 {
                let avg = times.reduce(0, +) / received
                let variance = times.reduce(0) { $0 + ($1 - avg) * ($1 - avg) } / received
                var mdev = 0
                while (mdev + 1) * (mdev + 1) <= variance { mdev += 1 }
                out += "rtt min/avg/max/mdev = \(Self.millis(times.min()!))/\(Self.millis(avg))/\(Self.millis(times.max()!))/\(Self.millis(mdev)) ms\n"
            }
        }
        ctx.write(out)
        return received > 0 ? 0 : 1
    }

    private func badCount(_ ctx: CommandContext) -> Int32 {
        if flavour == .busybox {
            ctx.writeError("ping: invalid number '\(ctx.arguments.last ?? "")'\n")
            return 1
        }
        ctx.writeError("ping: invalid argument: '\(ctx.arguments.last ?? "")'\n")
        return 1
    }

    /// Pod IPs (and the pod itself) answer; Service ClusterIPs and unknown addresses do not.
    private func answersPing(_ ip: String) -> Bool {
        if ip == "127.0.0.1" || ip == network.podIP { return true }
        if network.dns.service(withClusterIP: ip) != nil { return false }
        guard let pod = network.dns.pod(withIP: ip) else { return false }
        return pod["status"]["phase"].string == "Running"
    }

    private func sameNode(_ ip: String) -> Bool {
        if ip == "127.0.0.1" || ip == network.podIP { return true }
        guard let node = network.dns.pod(withIP: ip)?["spec"]["nodeName"].string else { return true }
        return node == network.nodeName
    }

    /// 80 µs → `0.080`.
    static func millis(_ micros: Int) -> String {
        let ms = micros / 1000, frac = micros % 1000
        return "\(ms)." + String(frac).rightJustified(3).replacingSpaces()
    }
}

private extension String {
    func replacingSpaces() -> String { String(map { $0 == " " ? "0" : $0 }) }
}
