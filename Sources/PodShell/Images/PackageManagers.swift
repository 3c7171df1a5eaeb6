import KubeAPI

/// `apt-get`/`apk` inside containers (installing adds the package's programs to that container
/// only), and the image-specific programs.
enum PackageManagers {
    /// Where `apt-get update` keeps the package lists. Images ship without them, so `install`
    /// before `update` cannot find any package, as in a fresh `ubuntu` or `debian` container.
    static let aptListsFolder = "/var/lib/apt/lists"

    /// The list files `apt-get update` leaves, named after the mirrors it fetched from.
    static func aptListFiles(osName: String) -> [String] {
        let (host, suite) = osName.hasPrefix("Ubuntu") ? ("archive.ubuntu.com_ubuntu", "noble") : ("deb.debian.org_debian", "bookworm")
        return ["\(host)_dists_\(suite)_InRelease", "\(host)_dists_\(suite)_main_binary-amd64_Packages.lz4"]
    }

    /// Whether an `apt-get update` has left package lists in the container.
    static func hasAptLists(_ ctx: CommandContext) -> Bool {
        ((try? ctx.fileSystem.list(aptListsFolder)) ?? []).contains { $0.hasSuffix("_Packages.lz4") }
    }

    static func aptGet(instance: ContainerInstance, net: PodNetworkContext) -> ShellCommand {
        { [weak instance] ctx in
            let args = ctx.arguments.filter { !$0.hasPrefix("-") }
            let osName = instance?.profile.osName ?? ""
            guard let verb = args.first else {
                ctx.write("apt \(osName.hasPrefix("Ubuntu") ? "2.7.14" : "2.6.1") (amd64)\nUsage: apt-get [options] command\n")
                return 0
            }
            switch verb {
            case "update":
                ctx.write(ImageServices.aptUpdate(osName: osName))
                try? ctx.fileSystem.createDirectory(aptListsFolder + "/partial", withIntermediates: true)
                for file in aptListFiles(osName: osName) { try? ctx.fileSystem.writeFile(aptListsFolder + "/" + file, text: "") }
                return 0
            case "install":
                let packages = Array(args.dropFirst())
                let lists = hasAptLists(ctx)
                for p in packages where !lists || ImageServices.aptPackages[p] == nil {
                    ctx.write("Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n")
                    ctx.writeError("E: Unable to locate package \(p)\n")
                    return 100
                }
                ctx.write("Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n")
                ctx.write("The following NEW packages will be installed:\n  \(packages.joined(separator: " "))\n")
                ctx.write("0 upgraded, \(packages.count) newly installed, 0 to remove and 0 not upgraded.\n")
                for p in packages {
                    ctx.write("Setting up \(p) ...\n")
                    for program in ImageServices.aptPackages[p] ?? [] {
                        let command: ShellCommand?
                        switch program {
                        case "nslookup": command = NetworkCommands.nslookup(.bind, net)
                        case "dig": command = NetworkCommands.dig(net)
                        case "host": command = NetworkCommands.host(net)
                        case "curl": command = NetworkCommands.curl(net)
                        case "wget": command = NetworkCommands.wget(net)
                        case "ping": command = NetworkCommands.ping(.iputils, net)
                        default: command = nil
                        }
                        if let command {
                            instance?.commands[program] = command
                            ctx.environment.commands[program] = command
                        }
                    }
                }
                return 0
            default:
                ctx.writeError("E: Invalid operation \(verb)\n")
                return 100
            }
        }
    }

    static func apk(instance: ContainerInstance, net: PodNetworkContext) -> ShellCommand {
        { [weak instance] ctx in
            let args = ctx.arguments.filter { !$0.hasPrefix("-") }
            guard args.first == "add" else {
                ctx.write("fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz\nOK: 24 MiB in 14 packages\n")
                return 0
            }
            for p in args.dropFirst() {
                ctx.write("(1/1) Installing \(p)\n")
                if p == "bind-tools" {
                    for (name, command) in NetworkCommands.dnsutils(net) {
                        instance?.commands[name] = command
                        ctx.environment.commands[name] = command
                    }
                }
                if p == "curl" {
                    instance?.commands["curl"] = NetworkCommands.curl(net)
                    ctx.environment.commands["curl"] = NetworkCommands.curl(net)
                }
            }
            ctx.write("OK: 26 MiB in 15 packages\n")
            return 0
        }
    }

    /// kiamol/ch05-pi's `dotnet Pi.Web.dll -m console -dp N`.
    static func dotnetPi(_ ctx: CommandContext) -> Int32 {
        let args = ctx.arguments
        guard args.first == "Pi.Web.dll" else {
            ctx.writeError("Could not execute because the specified command or file was not found.\n")
            return 1
        }
        var places = 6
        if let i = args.firstIndex(of: "-dp"), i + 1 < args.count, let n = Int(args[i + 1]) { places = n }
        if args.contains("console") || args.contains("-m") {
            ctx.write(ImageServices.piDigits(places) + "\n")
            return 0
        }
        ctx.write("info: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://[::]:80\n")
        return 0
    }

    /// `perl -Mbignum=bpi -wle 'print bpi(2000)'`, the Job example of the Kubernetes docs; other
    /// scripts print what a one-line `print "..."` says.
    static func perl(_ ctx: CommandContext) -> Int32 {
        let script = ctx.arguments.last ?? ""
        if let open = script.range(of: "bpi("), let close = script[open.upperBound...].firstIndex(of: ")"),
            let places = Int(script[open.upperBound..<close])
        {
            // bpi(N) gives N significant digits: "3." then N-1 decimals.
            ctx.write(ImageServices.piDigits(max(0, places - 1)) + "\n")
            return 0
        }
        if let q1 = script.firstIndex(of: "\""), let q2 = script[script.index(after: q1)...].firstIndex(of: "\"") {
            ctx.write(String(script[script.index(after: q1)..<q2]).replacingAll("\\n", with: "\n"))
            return 0
        }
        return 0
    }
}
