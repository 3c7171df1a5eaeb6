import KubeSim
import Testing
@testable import PodShell

@Suite struct NetworkToolTests {
    func shell(_ f: NetworkFixture) -> ShellEnvironment {
        var tools = NetworkCommands.dnsutils(f.network)
        tools.merge(NetworkCommands.glibc(f.network)) { $1 }
        tools["curl"] = NetworkCommands.curl(f.network)
        tools["wget"] = NetworkCommands.wget(f.network)
        tools["ping"] = NetworkCommands.ping(.busybox, f.network)
        tools["iputils-ping"] = NetworkCommands.ping(.iputils, f.network)
        return f.shell(.bash, tools: tools)
    }

    @Test func digFullAnswer() throws {
        let f = try NetworkFixture()
        let r = shell(f).capture("dig web-0.nginx.default.svc.cluster.local")
        #expect(r.status == 0)
        #expect(r.stdout == """

            ; <<>> DiG 9.18.28-1~deb12u2-Debian <<>> web-0.nginx.default.svc.cluster.local
            ;; global options: +cmd
            ;; Got answer:
            ;; WARNING: .local is reserved for Multicast DNS
            ;; You are currently testing what happens when an mDNS query is leaked to DNS
            ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 49632
            ;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1
            ;; WARNING: recursion requested but not available

            ;; OPT PSEUDOSECTION:
            ; EDNS: version: 0, flags:; udp: 1232
            ; COOKIE: b1e5299b62aa75b4 (echoed)
            ;; QUESTION SECTION:
            ;web-0.nginx.default.svc.cluster.local. IN A

            ;; ANSWER SECTION:
            web-0.nginx.default.svc.cluster.local. 30 IN A\t10.244.1.5

            ;; Query time: 0 msec
            ;; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)
            ;; WHEN: Mon Nov 24 16:00:00 UTC 2025
            ;; MSG SIZE  rcvd: 131


            """)
    }

    @Test func digShortSectionsAndTypes() throws {
        let f = try NetworkFixture()
        let sh = shell(f)
        #expect(Set(sh.capture("dig +short nginx.default.svc.cluster.local").stdout.split(separator: "\n")) == ["10.244.1.5", "10.244.2.6"])
        #expect(sh.capture("dig +short web-0.nginx").stdout == "")  // dig does not search by default
        #expect(sh.capture("dig +short +search web-0.nginx").stdout == "10.244.1.5\n")
        #expect(sh.capture("dig +short -x 10.96.0.10").stdout == "kube-dns.kube-system.svc.cluster.local.\n")
        #expect(sh.capture("dig +short SRV _http._tcp.hello.default.svc.cluster.local").stdout == "0 100 80 hello.default.svc.cluster.local.\n")
        #expect(sh.capture("dig +noall +answer kubernetes.default.svc.cluster.local").stdout
            == "kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n")
        #expect(sh.capture("dig +noall +answer -x 10.244.1.5").stdout
            == "5.1.244.10.in-addr.arpa. 30\tIN\tPTR\tweb-0.nginx.default.svc.cluster.local.\n")
        let srv = sh.capture("dig SRV _web._tcp.nginx.default.svc.cluster.local").stdout
        #expect(srv.contains(";; flags: qr aa rd; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 3\n"))
        #expect(srv.contains("\n;; ANSWER SECTION:\n_web._tcp.nginx.default.svc.cluster.local. 30 IN SRV 0 50 80 web-0.nginx.default.svc.cluster.local.\n"))
        #expect(srv.contains("\n;; ADDITIONAL SECTION:\nweb-0.nginx.default.svc.cluster.local. 30 IN A\t10.244.1.5\n"))
    }

    @Test func digNegativeAnswers() throws {
        let f = try NetworkFixture()
        let sh = shell(f)
        let nx = sh.capture("dig web-9.nginx.default.svc.cluster.local").stdout
        #expect(nx.contains(";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: "))
        #expect(nx.contains(";; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n"))
        #expect(nx.contains(";; AUTHORITY SECTION:\ncluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1764000000 7200 1800 86400 30\n"))
        let servfail = sh.capture("dig google.com").stdout
        #expect(servfail.contains("status: SERVFAIL"))
        #expect(servfail.contains(";google.com.\t\t\tIN\tA\n"))
        #expect(!servfail.contains("ANSWER SECTION"))
    }

    @Test func hostCommand() throws {
        let f = try NetworkFixture()
        let sh = shell(f)
        #expect(sh.capture("host web-0.nginx") == ShellRunResult(status: 0, stdout: "web-0.nginx.default.svc.cluster.local has address 10.244.1.5\n", stderr: ""))
        #expect(sh.capture("host web-9.nginx") == ShellRunResult(status: 1, stdout: "Host web-9.nginx not found: 3(NXDOMAIN)\n", stderr: ""))
        #expect(sh.capture("host google.com").stdout == "Host google.com not found: 2(SERVFAIL)\n")
        #expect(sh.capture("host 10.244.1.5").stdout == "5.1.244.10.in-addr.arpa domain name pointer web-0.nginx.default.svc.cluster.local.\n")
        #expect(sh.capture("host 10.9.9.9") == ShellRunResult(status: 1, stdout: "Host 9.9.9.10.in-addr.arpa. not found: 3(NXDOMAIN)\n", stderr: ""))
        #expect(sh.capture("host -t srv _http._tcp.hello").stdout
            == "_http._tcp.hello.default.svc.cluster.local has SRV record 0 100 80 hello.default.svc.cluster.local.\n")
    }

    @Test func getentHosts() throws {
        let f = try NetworkFixture()
        let sh = shell(f)
        #expect(sh.capture("getent hosts web-0.nginx") == ShellRunResult(status: 0, stdout: "10.244.1.5      web-0.nginx.default.svc.cluster.local\n", stderr: ""))
        #expect(sh.capture("getent hosts client").stdout == "10.244.1.9      client\n")
        #expect(sh.capture("getent hosts kubernetes.default").stdout == "10.96.0.1       kubernetes.default.svc.cluster.local\n")
        #expect(sh.capture("getent hosts nope") == ShellRunResult(status: 2, stdout: "", stderr: ""))
        #expect(sh.capture("getent hosts").stdout == "127.0.0.1       localhost\n10.244.1.9      client\n")
    }

    @Test func curlGoldens() throws {
        let f = try NetworkFixture()
        let sh = shell(f)
        let meter = "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
            + "                                 Dload  Upload   Total   Spent    Left  Speed\n"
        #expect(sh.capture("curl http://hello") == ShellRunResult(
            status: 0, stdout: "Hello, world!\nVersion: 1.0.0\nHostname: hello-abc\n",
            stderr: meter + "100    49  100    49    0     0  49000      0 --:--:-- --:--:-- --:--:-- 49000\n"))
        #expect(sh.capture("curl -s web-1.nginx.default.svc.cluster.local/").stdout == "<h1>web-1</h1>\n")
        #expect(sh.capture("curl -s 10.244.2.9:8080").stdout == "Hello, world!\nVersion: 1.0.0\nHostname: hello-abc\n")
        #expect(sh.capture("curl -si hello/missing").stdout
            == "HTTP/1.1 404 Not Found\r\nServer: nginx/1.27.3\r\nContent-Length: 10\r\n\r\nnot found\n")
        #expect(sh.capture("curl -s -o /dev/null -w '%{http_code}\\n' web-0.nginx").stdout == "200\n")
        #expect(sh.capture("curl -s -o page.html web-0.nginx") == ShellRunResult(status: 0, stdout: "", stderr: ""))
        #expect((try? sh.fileSystem.readText("/page.html")) == "<h1>web-0</h1>\n")
    }

    @Test func curlErrors() throws {
        let f = try NetworkFixture()
        let sh = shell(f)
        let meter = "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
            + "                                 Dload  Upload   Total   Spent    Left  Speed\n"
            + "  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n"
        #expect(sh.capture("curl http://x") == ShellRunResult(status: 6, stdout: "", stderr: meter + "curl: (6) Could not resolve host: x\n"))
        #expect(sh.capture("curl -s http://x") == ShellRunResult(status: 6, stdout: "", stderr: ""))
        #expect(sh.capture("curl -sS http://empty") == ShellRunResult(
            status: 7, stdout: "", stderr: "curl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\n"))
        #expect(sh.capture("curl -sS hello:8080").stderr == "curl: (7) Failed to connect to hello port 8080 after 0 ms: Couldn't connect to server\n")
        #expect(sh.capture("curl -sSf hello/missing") == ShellRunResult(status: 22, stdout: "", stderr: "curl: (22) The requested URL returned error: 404\n"))
        #expect(sh.capture("curl -sS 'http://:80/'").status == 3)
        #expect(sh.capture("curl").status == 2)
        // A not-ready backend leaves the Service without endpoints.
        try f.setEndpoints("hello", ready: [], portName: "http", port: 8080)
        #expect(sh.capture("curl -sS hello").status == 7)
    }

    @Test func clusterIPBalancesOverReadyEndpoints() throws {
        let f = try NetworkFixture()
        try f.addService("web", clusterIP: "10.96.7.7", ports: [["name": "web", "port": 80, "protocol": "TCP"]])
        try f.setEndpoints("web", ready: [("10.244.1.5", nil, "web-0"), ("10.244.2.6", nil, "web-1")], portName: "web", port: 80)
        let sh = shell(f)
        var seen: Set<String> = []
        for _ in 0..<20 { seen.insert(sh.capture("curl -s web").stdout) }
        #expect(seen == ["<h1>web-0</h1>\n", "<h1>web-1</h1>\n"])
    }

    @Test func wgetGoldens() throws {
        let f = try NetworkFixture()
        let sh = shell(f)
        #expect(sh.capture("wget -qO- http://hello") == ShellRunResult(status: 0, stdout: "Hello, world!\nVersion: 1.0.0\nHostname: hello-abc\n", stderr: ""))
        #expect(sh.capture("wget -q -O - hello").stdout == "Hello, world!\nVersion: 1.0.0\nHostname: hello-abc\n")
        #expect(sh.capture("wget -O- hello").stderr
            == "Connecting to hello (10.96.45.7:80)\nwriting to stdout\n-                    100% |********************************|    49  0:00:00 ETA\nwritten to stdout\n")
        let save = sh.capture("wget http://web-0.nginx/")
        #expect(save.stderr == "Connecting to web-0.nginx (10.244.1.5:80)\nsaving to 'index.html'\nindex.html           100% |********************************|    15  0:00:00 ETA\n'index.html' saved\n")
        #expect((try? sh.fileSystem.readText("/index.html")) == "<h1>web-0</h1>\n")
        #expect(sh.capture("wget -q http://web-0.nginx/") == ShellRunResult(status: 1, stdout: "", stderr: "wget: can't open 'index.html': File exists\n"))
        #expect(sh.capture("wget -qO- x") == ShellRunResult(status: 1, stdout: "", stderr: "wget: bad address 'x'\n"))
        #expect(sh.capture("wget -qO- empty") == ShellRunResult(status: 1, stdout: "", stderr: "wget: can't connect to remote host (10.96.9.9): Connection refused\n"))
        #expect(sh.capture("wget -qO- hello/missing") == ShellRunResult(status: 1, stdout: "", stderr: "wget: server returned error: HTTP/1.1 404 Not Found\n"))
    }

    @Test func pingPodsButNotClusterIPs() throws {
        let f = try NetworkFixture()
        let sh = shell(f)
        let start = f.cluster.now
        #expect(sh.capture("ping -c 2 web-0.nginx") == ShellRunResult(status: 0, stdout: """
            PING web-0.nginx (10.244.1.5): 56 data bytes
            64 bytes from 10.244.1.5: seq=0 ttl=64 time=0.116 ms
            64 bytes from 10.244.1.5: seq=1 ttl=64 time=0.108 ms

            --- web-0.nginx ping statistics ---
            2 packets transmitted, 2 packets received, 0% packet loss
            round-trip min/avg/max = 0.108/0.112/0.116 ms

            """, stderr: ""))
        #expect(f.cluster.now - start == 1000)
        #expect(sh.capture("ping -c 2 hello") == ShellRunResult(status: 1, stdout: """
            PING hello (10.96.45.7): 56 data bytes

            --- hello ping statistics ---
            2 packets transmitted, 0 packets received, 100% packet loss

            """, stderr: ""))
        #expect(sh.capture("ping -c 1 nope") == ShellRunResult(status: 1, stdout: "", stderr: "ping: bad address 'nope'\n"))
        let iputils = sh.capture("iputils-ping -c 2 web-1.nginx").stdout
        #expect(iputils.hasPrefix("PING web-1.nginx.default.svc.cluster.local (10.244.2.6) 56(84) bytes of data.\n64 bytes from web-1.nginx.default.svc.cluster.local (10.244.2.6): icmp_seq=1 ttl=63 time="))
        #expect(iputils.contains("\n--- web-1.nginx.default.svc.cluster.local ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 100"))
        #expect(sh.capture("iputils-ping -c 1 nope") == ShellRunResult(status: 2, stdout: "", stderr: "ping: nope: Name or service not known\n"))
    }
}

@Suite struct NetworkHostsFileTests {
    @Test func ownNameComesFromTheHostsFile() throws {
        let f = try NetworkFixture()
        let sh = f.shell(.bash, tools: NetworkCommands.glibc(f.network))
        try sh.fileSystem.writeFile("/etc/hosts", text: PodHostsFile.contents(podIP: "10.244.1.5", hostname: "web-0", subdomain: "nginx", namespace: "default"))
        #expect(sh.capture("getent hosts web-0").stdout == "10.244.1.5      web-0.nginx.default.svc.cluster.local web-0\n")
        #expect(sh.capture("getent hosts localhost").stdout == "127.0.0.1       localhost\n")
    }

    @Test func badInputNeverCrashes() throws {
        let f = try NetworkFixture()
        var tools = NetworkCommands.dnsutils(f.network)
        tools.merge(NetworkCommands.busybox(f.network, legacyNslookup: true)) { a, _ in a }
        tools["curl"] = NetworkCommands.curl(f.network)
        tools["getent"] = NetworkCommands.getent(f.network)
        let sh = f.shell(.bash, tools: tools)
        for line in ["nslookup", "nslookup ''", "nslookup ......", "dig", "dig -x", "dig -x 999.1.1.1", "dig -t", "dig -t BOGUS x",
                     "dig @8.8.8.8 x", "host", "host -t", "getent", "getent passwd", "ping", "ping -c", "ping -c -5 x",
                     "ping -c 99999999999999999999999 x", "curl -X", "curl http://", "curl 'http://a:99999/'", "curl -o",
                     "wget", "wget -O", "wget ftp://x/", "wget http://:0/",
                     "nslookup \(String(repeating: "a.", count: 300))", "dig \(String(repeating: "x", count: 400))"] {
            let r = sh.capture(line)
            #expect(r.status != 0 || !r.stdout.isEmpty || line.hasPrefix("dig"), "\(line)")
        }
    }
}

@Suite struct NetworkCurlVerboseTests {
    @Test func verboseTrace() throws {
        let f = try NetworkFixture()
        let sh = f.shell(.bash, tools: ["curl": NetworkCommands.curl(f.network)])
        let r = sh.capture("curl -v hello")
        #expect(r.stdout == "Hello, world!\nVersion: 1.0.0\nHostname: hello-abc\n")
        #expect(r.stderr == "*   Trying 10.96.45.7:80...\n* Connected to hello (10.96.45.7) port 80\n"
            + "> GET / HTTP/1.1\r\n> Host: hello\r\n> User-Agent: curl/8.5.0\r\n> Accept: */*\r\n> \r\n"
            + "< HTTP/1.1 200 OK\r\n< Content-Type: text/plain; charset=utf-8\r\n< Content-Length: 49\r\n< \r\n"
            + "{ [49 bytes data]\n* Connection #0 to host hello left intact\n")
        // -A takes the built-in User-Agent's place; -H replaces a built-in header of its name.
        #expect(sh.capture("curl -v -A probe/1 hello").stderr.contains("> Host: hello\r\n> User-Agent: probe/1\r\n> Accept: */*\r\n> \r\n"))
        #expect(sh.capture("curl -v -H 'Accept: text/plain' hello").stderr.contains("> Host: hello\r\n> User-Agent: curl/8.5.0\r\n> Accept: text/plain\r\n> \r\n"))
        let refused = sh.capture("curl -sv empty")
        #expect(refused.status == 7)
        #expect(refused.stderr.hasPrefix("*   Trying 10.96.9.9:80...\n* connect to 10.96.9.9 port 80 from 10.244.1.9 port "))
        #expect(refused.stderr.hasSuffix("* Closing connection\n"))
    }
}

@Suite struct NetworkWgetPortTests {
    @Test func connectingLineNamesTheHostWithoutPort() throws {
        let f = try NetworkFixture()
        let sh = f.shell(.bash, tools: ["wget": NetworkCommands.wget(f.network)])
        let r = sh.capture("wget -O- http://10.244.2.9:8080/")
        #expect(r.stdout == "Hello, world!\nVersion: 1.0.0\nHostname: hello-abc\n")
        #expect(r.stderr.hasPrefix("Connecting to 10.244.2.9 (10.244.2.9:8080)\nwriting to stdout\n"))
    }
}

@Suite struct NetworkDigOptionTests {
    @Test func valueTakingOptions() throws {
        let f = try NetworkFixture()
        let sh = f.shell(.bash, tools: ["dig": NetworkCommands.dig(f.network)])
        #expect(sh.capture("dig -p 53 +short @10.96.0.10 hello.default.svc.cluster.local").stdout == "10.96.45.7\n")
        #expect(sh.capture("dig +short -q hello.default.svc.cluster.local").stdout == "10.96.45.7\n")
        #expect(sh.capture("dig +short @kube-dns.kube-system.svc.cluster.local hello.default.svc.cluster.local").stdout == "10.96.45.7\n")
        let away = sh.capture("dig @8.8.8.8 hello")
        #expect(away.status == 9)
        #expect(away.stdout.hasSuffix(";; no servers could be reached\n"))
    }
}
