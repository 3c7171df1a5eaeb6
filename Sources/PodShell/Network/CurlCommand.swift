/// `curl` (8.x wording): GET/HEAD/POST to pods and Services with the common flags
/// (`-s -S -f -i -I -o -w -X -d -H -L -m -k -v`), the progress meter on stderr when the body is
/// not going to a terminal, and curl's error lines and exit codes (3, 6, 7, 22).
struct CurlCommand {
    let network: PodNetworkContext

    private struct Options {
        var silent = false
        var showError = false
        var fail = false
        var include = false
        var head = false
        var verbose = false
        var output: String? = nil
        var writeOut: String? = nil
        var method: String? = nil
        var data: String? = nil
        var headers: [(name: String, value: String)] = []
        var userAgent: String? = nil
        var urls: [String] = []
    }

    private static let valueFlags: Set<Character> = ["o", "w", "X", "d", "H", "m", "u", "A", "e", "x", "b", "c", "T", "F", "r", "y", "Y", "z", "E", "K", "P", "Q"]

    func run(_ ctx: CommandContext) -> Int32 {
        var o = Options()
        var args = ctx.arguments[...]
        while let arg = args.popFirst() {
            if arg.hasPrefix("--") {
                var name = String(arg.dropFirst(2))
                var inline: String? = nil
                if let eq = name.firstIndex(of: "=") {
                    inline = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
                func value() -> String { inline ?? args.popFirst() ?? "" }
                switch name {
                case "silent": o.silent = true
                case "show-error": o.showError = true
                case "fail", "fail-with-body": o.fail = true
                case "include": o.include = true
                case "head": o.head = true
                case "verbose": o.verbose = true
                case "output": o.output = value()
                case "write-out": o.writeOut = value()
                case "request": o.method = value()
                case "data", "data-raw", "data-binary", "data-ascii": o.data = value()
                case "header": if let h = Self.header(value()) { o.headers.append(h) }
                case "user-agent": o.userAgent = value()
                case "max-time", "connect-timeout", "user", "retry", "cacert", "proto", "resolve": _ = value()
                case "url": o.urls.append(value())
                default: break  // --location, --insecure, --compressed, --http1.1 ...
                }
                continue
            }
            if arg.hasPrefix("-"), arg.count > 1 {
                var chars = arg.dropFirst()
                while let c = chars.popFirst() {
                    if Self.valueFlags.contains(c) {
                        let v = chars.isEmpty ? (args.popFirst() ?? "") : String(chars)
                        chars = ""
                        switch c {
                        case "o": o.output = v
                        case "w": o.writeOut = v
                        case "X": o.method = v
                        case "d": o.data = v
                        case "H": if let h = Self.header(v) { o.headers.append(h) }
                        case "A": o.userAgent = v
                        default: break
                        }
                        continue
                    }
                    switch c {
                    case "s": o.silent = true
                    case "S": o.showError = true
                    case "f": o.fail = true
                    case "i": o.include = true
                    case "I": o.head = true
                    case "v": o.verbose = true
                    default: break  // -L -k -4 -N -#
                    }
                }
                continue
            }
            o.urls.append(arg)
        }
        guard !o.urls.isEmpty else {
            ctx.writeError("curl: try 'curl --help' or 'curl --manual' for more information\n")
            return 2
        }
        var status: Int32 = 0
        for url in o.urls {
            status = fetch(ctx, url, o)
        }
        return status
    }

    private static func header(_ text: String) -> (name: String, value: String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let value = text[text.index(after: colon)...].drop { $0 == " " }
        return (String(text[..<colon]), String(value))
    }

    private func fetch(_ ctx: CommandContext, _ text: String, _ o: Options) -> Int32 {
        let meter = !o.silent && (o.output != nil || !ctx.stdoutIsTerminal) && !o.verbose
        func fail(_ code: Int32, _ message: String) -> Int32 {
            if meter { ctx.writeError(Self.meterHeader + Self.meterLine(0)) }
            if !o.silent || o.showError { ctx.writeError("curl: (\(code)) \(message)\n") }
            return code
        }
        guard let url = HTTPURL(text) else { return fail(3, "URL using bad/illegal format or missing URL") }
        let method = o.method ?? (o.head ? "HEAD" : (o.data != nil ? "POST" : "GET"))
        // -A replaces curl's own User-Agent where it stands; a -H header replaces the built-in one of its name.
        let builtIn: [(name: String, value: String)] = [("Host", url.hostHeader), ("User-Agent", o.userAgent ?? "curl/8.5.0"), ("Accept", "*/*")]
        let given = Set(o.headers.map { $0.name.lowercased() })
        let headers = builtIn.filter { !given.contains($0.name.lowercased()) } + o.headers
        let client = HTTPClient(network: network, fileSystem: ctx.fileSystem)
        switch client.send(method: method, url: url, headers: headers, body: o.data ?? "") {
        case .unresolved:
            if o.verbose { ctx.writeError("* Could not resolve host: \(url.host)\n* Closing connection\n") }
            return fail(6, "Could not resolve host: \(url.host)")
        case .refused(let ip):
            if o.verbose {
                let local = "\(network.podIP ?? "0.0.0.0") port \(network.random(in: 32768...60999))"
                ctx.writeError("*   Trying \(ip):\(url.port)...\n* connect to \(ip) port \(url.port) from \(local) failed: Connection refused\n"
                    + "* Failed to connect to \(url.host) port \(url.port) after 0 ms: Couldn't connect to server\n* Closing connection\n")
            }
            return fail(7, "Failed to connect to \(url.host) port \(url.port) after 0 ms: Couldn't connect to server")
        case .answered(let ip, let response):
            if o.verbose { ctx.writeError(verboseTrace(ip: ip, url: url, method: method, headers: headers, response: response, stdoutIsTerminal: ctx.stdoutIsTerminal)) }
            if o.fail && response.status >= 400 {
                return fail(22, "The requested URL returned error: \(response.status)")
            }
            var out = ""
            if o.include || o.head {
                out += "HTTP/1.1 \(response.status) \(response.reason)\r\n"
                for h in response.wireHeaders { out += "\(h.name): \(h.value)\r\n" }
                out += "\r\n"
            }
            let body = method == "HEAD" ? "" : response.body
            out += body
            if meter {
                ctx.writeError(Self.meterHeader + Self.meterLine(body.utf8.count))
            }
            if let path = o.output, path != "-" {
                if path != "/dev/null" {
                    do {
                        try ctx.fileSystem.writeFile(ctx.absolutePath(path), text: out)
                    } catch {
                        return fail(23, "Failure writing output to destination")
                    }
                }
            } else {
                ctx.write(out)
            }
            if let format = o.writeOut { ctx.write(Self.expand(format, status: response.status, size: body.utf8.count)) }
            return 0
        }
    }

    /// What `-v` prints on stderr around a completed exchange (curl 8.x layout; raw header
    /// lines keep their CRLF).
    private func verboseTrace(ip: String, url: HTTPURL, method: String, headers: [(name: String, value: String)],
                              response: HTTPResponse, stdoutIsTerminal: Bool) -> String {
        var t = "*   Trying \(ip):\(url.port)...\n* Connected to \(url.host) (\(ip)) port \(url.port)\n"
        t += "> \(method) \(url.path) HTTP/1.1\r\n"
        for h in headers { t += "> \(h.name): \(h.value)\r\n" }
        t += "> \r\n"
        t += "< HTTP/1.1 \(response.status) \(response.reason)\r\n"
        for h in response.wireHeaders { t += "< \(h.name): \(h.value)\r\n" }
        t += "< \r\n"
        if !stdoutIsTerminal && method != "HEAD" { t += "{ [\(response.body.utf8.count) bytes data]\n" }
        t += "* Connection #0 to host \(url.host) left intact\n"
        return t
    }

    /// `-w` variables kubelab knows; others expand to nothing.
    private static func expand(_ format: String, status: Int, size: Int) -> String {
        var s = format
        for (k, v) in [("%{http_code}", String(status)), ("%{response_code}", String(status)), ("%{size_download}", String(size)),
                       ("%{time_total}", "0.001000"), ("\\n", "\n"), ("\\t", "\t")] {
            s = s.replacingAll(k, with: v)
        }
        return s
    }

    static let meterHeader = "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
        + "                                 Dload  Upload   Total   Spent    Left  Speed\n"

    /// The meter's final line, as if the transfer took one millisecond.
    static func meterLine(_ bytes: Int) -> String {
        let percent = bytes > 0 ? "100" : "  0"
        let size = size5(bytes)
        let speed = size5(bytes * 1000)
        return "\(percent) \(size)  \(percent) \(size)    0     0  \(speed)      0 --:--:-- --:--:-- --:--:-- \(speed)\n"
    }

    /// curl's `max5data`: five columns, switching to k/M units.
    static func size5(_ n: Int) -> String {
        if n < 100_000 { return String(n).rightJustified(5) }
        if n < 10_000 * 1024 { return (String(n / 1024) + "k").rightJustified(5) }
        if n < 100 * 1024 * 1024 {
            let tenths = (n % (1024 * 1024)) / (1024 * 1024 / 10)
            return "\(n / (1024 * 1024)).\(tenths)M".rightJustified(5)
        }
        return (String(n / (1024 * 1024)) + "M").rightJustified(5)
    }
}
