/// `getent hosts [NAME...]` and `getent ahosts NAME`: the C library's view (hosts file, then DNS
/// with the search path). Other databases are left to whoever builds the image's table.
struct GetentCommand {
    let network: PodNetworkContext

    func run(_ ctx: CommandContext) -> Int32 {
        guard let database = ctx.arguments.first else {
            ctx.writeError("Usage: getent [OPTION...] database [key ...]\nTry `getent --help' or `getent --usage' for more information.\n")
            return 1
        }
        let keys = Array(ctx.arguments.dropFirst())
        let resolver = HostResolver(network: network, fileSystem: ctx.fileSystem)
        switch database {
        case "hosts":
            if keys.isEmpty {
                for entry in resolver.hostsFile() {
                    ctx.write(entry.ip.leftJustified(15) + " " + entry.names.joined(separator: " ") + "\n")
                }
                return 0
            }
            var status: Int32 = 0
            for key in keys {
                guard case .success(let r) = resolver.resolve(key) else { status = 2; continue }
                // gethostbyname fills h_addr_list; getent prints one line per address.
                for ip in r.addresses {
                    ctx.write(ip.leftJustified(15) + " " + ([r.name] + r.aliases).joined(separator: " ") + "\n")
                }
            }
            return status
        case "ahosts", "ahostsv4":
            var status: Int32 = 0
            for key in keys {
                guard case .success(let r) = resolver.resolve(key) else { status = 2; continue }
                for (i, ip) in r.addresses.enumerated() {
                    ctx.write(ip.leftJustified(15) + " STREAM " + (i == 0 ? r.name : "") + "\n")
                    ctx.write(ip.leftJustified(15) + " DGRAM  \n")
                    ctx.write(ip.leftJustified(15) + " RAW    \n")
                }
            }
            return status
        default:
            ctx.writeError("Unknown database: \(database)\nTry `getent --help' or `getent --usage' for more information.\n")
            return 1
        }
    }
}
