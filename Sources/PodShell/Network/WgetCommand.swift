/// busybox `wget` (1.3x wording): `-q`, `-O FILE`/`-O-`, `-T`, `--spider`, `-S`; saves to the
/// URL's file name (`index.html` for `/`) without `-O`. Status lines go to stderr.
struct WgetCommand {
    let network: PodNetworkContext

    func run(_ ctx: CommandContext) -> Int32 {
        var quiet = false, spider = false, showHeaders = false
        var output: String? = nil
        var urls: [String] = []
        var args = ctx.arguments[...]
        while let arg = args.popFirst() {
            if arg.hasPrefix("--") {
                if arg == "--quiet" { quiet = true }
                else if arg == "--spider" { spider = true }
                else if arg == "--server-response" { showHeaders = true }
                else if arg.hasPrefix("--output-document=") { output = String(arg.dropFirst("--output-document=".count)) }
                else if arg == "--output-document" { output = args.popFirst() }
                else if arg == "--timeout" || arg == "--header" || arg == "--user-agent" { _ = args.popFirst() }
                continue
            }
            if arg.hasPrefix("-"), arg.count > 1 {
                var chars = arg.dropFirst()
                while let c = chars.popFirst() {
                    switch c {
                    case "q": quiet = true
                    case "S": showHeaders = true
                    case "O", "T", "U", "Y", "P", "o":
                        let v = chars.isEmpty ? (args.popFirst() ?? "") : String(chars)
                        chars = ""
                        if c == "O" { output = v }
                    default: break
                    }
                }
                continue
            }
            urls.append(arg)
        }
        guard let text = urls.first else {
            ctx.writeError("BusyBox v1.36.1 (2023-11-07 18:53:09 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n")
            return 1
        }
        guard let url = HTTPURL(text) else {
            ctx.writeError("wget: not an http or ftp url: \(text)\n")
            return 1
        }
        let client = HTTPClient(network: network, fileSystem: ctx.fileSystem)
        let outcome = client.send(method: "GET", url: url, headers: [("Host", url.hostHeader), ("User-Agent", "Wget")])
        let ip: String
        let response: HTTPResponse
        switch outcome {
        case .unresolved:
            ctx.writeError("wget: bad address '\(url.host)'\n")
            return 1
        case .refused(let addr):
            if !quiet { ctx.writeError("Connecting to \(url.host) (\(addr):\(url.port))\n") }
            ctx.writeError("wget: can't connect to remote host (\(addr)): Connection refused\n")
            return 1
        case .answered(let addr, let r):
            ip = addr
            response = r
        }
        if !quiet { ctx.writeError("Connecting to \(url.host) (\(ip):\(url.port))\n") }
        if showHeaders {
            var h = "  HTTP/1.1 \(response.status) \(response.reason)\n"
            for header in response.wireHeaders { h += "  \(header.name): \(header.value)\n" }
            ctx.writeError(h)
        }
        if response.status >= 400 {
            ctx.writeError("wget: server returned error: HTTP/1.1 \(response.status) \(response.reason)\n")
            return 1
        }
        if spider {
            if !quiet { ctx.writeError("remote file exists\n") }
            return 0
        }
        let size = response.body.utf8.count
        if output == "-" {
            if !quiet { ctx.writeError("writing to stdout\n") }
            ctx.write(response.body)
            if !quiet { ctx.writeError(Self.progress("-", size) + "written to stdout\n") }
            return 0
        }
        let name = output ?? Self.fileName(for: url.path)
        let path = ctx.absolutePath(name)
        if output == nil, ctx.fileSystem.exists(path) {
            ctx.writeError("wget: can't open '\(name)': File exists\n")
            return 1
        }
        if !quiet { ctx.writeError("saving to '\(name)'\n") }
        do {
            try ctx.fileSystem.writeFile(path, text: response.body)
        } catch {
            ctx.writeError("wget: can't open '\(name)': \(error)\n")
            return 1
        }
        if !quiet { ctx.writeError(Self.progress(name, size) + "'\(name)' saved\n") }
        return 0
    }

    /// The last segment of the path, `index.html` for a directory.
    static func fileName(for path: String) -> String {
        let bare = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        let last = bare.split(separator: "/").last.map(String.init) ?? ""
        return bare.hasSuffix("/") || last.isEmpty ? "index.html" : last
    }

    /// The finished progress bar line.
    static func progress(_ name: String, _ size: Int) -> String {
        String(name.prefix(20)).leftJustified(20) + " 100% |" + String(repeating: "*", count: 32) + "| "
            + String(size).rightJustified(5) + "  0:00:00 ETA\n"
    }
}
