import KubeSim
import Testing
@testable import PodShell

@Suite struct NetworkNSLookupTests {
    let busyboxServer = "Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n"
    let bindServer = "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n"

    func busybox128(_ f: NetworkFixture) -> ShellEnvironment {
        f.shell(tools: ["nslookup": NetworkCommands.nslookup(.busyboxLegacy, f.network)])
    }

    @Test func busyboxLegacyFound() throws {
        let f = try NetworkFixture()
        let r = busybox128(f).capture("nslookup web-0.nginx")
        #expect(r == ShellRunResult(status: 0, stdout: busyboxServer + "Name:      web-0.nginx\nAddress 1: 10.244.1.5 web-0.nginx.default.svc.cluster.local\n", stderr: ""))
        let k = busybox128(f).capture("nslookup kubernetes.default")
        #expect(k.stdout == busyboxServer + "Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n")
        // A ClusterIP service's address has its service PTR; a dashed endpoint name otherwise.
        let h = busybox128(f).capture("nslookup hello")
        #expect(h.stdout == busyboxServer + "Name:      hello\nAddress 1: 10.96.45.7 hello.default.svc.cluster.local\n")
        let ip = busybox128(f).capture("nslookup 10.244.2.9")
        #expect(ip.stdout == busyboxServer + "Name:      10.244.2.9\nAddress 1: 10.244.2.9 10-244-2-9.hello.default.svc.cluster.local\n")
        let client = busybox128(f).capture("nslookup 10.244.1.9")
        #expect(client.stdout == busyboxServer + "Name:      10.244.1.9\nAddress 1: 10.244.1.9\n")
    }

    @Test func busyboxLegacyHeadlessListsEveryAddress() throws {
        let f = try NetworkFixture()
        let r = busybox128(f).capture("nslookup nginx")
        let a = "Address 1: 10.244.1.5 web-0.nginx.default.svc.cluster.local\nAddress 2: 10.244.2.6 web-1.nginx.default.svc.cluster.local\n"
        let b = "Address 1: 10.244.2.6 web-1.nginx.default.svc.cluster.local\nAddress 2: 10.244.1.5 web-0.nginx.default.svc.cluster.local\n"
        #expect([a, b].map { busyboxServer + "Name:      nginx\n" + $0 }.contains(r.stdout))
        #expect(r.status == 0)
    }

    @Test func busyboxLegacyNXDOMAIN() throws {
        let f = try NetworkFixture()
        let r = busybox128(f).capture("nslookup web-9.nginx")
        #expect(r == ShellRunResult(status: 1, stdout: busyboxServer, stderr: "nslookup: can't resolve 'web-9.nginx'\n"))
        let g = busybox128(f).capture("nslookup google.com")
        #expect(g.stderr == "nslookup: can't resolve 'google.com'\n")
    }

    @Test func busyboxLegacyFollowsPodMoves() throws {
        let f = try NetworkFixture()
        try f.setEndpoints("nginx", ready: [("10.244.1.5", "web-0", "web-0"), ("10.244.3.4", "web-1", "web-1")], portName: "web", port: 80)
        let r = busybox128(f).capture("nslookup web-1.nginx")
        #expect(r.stdout == busyboxServer + "Name:      web-1.nginx\nAddress 1: 10.244.3.4 web-1.nginx.default.svc.cluster.local\n")
        try f.setEndpoints("nginx", ready: [("10.244.1.5", "web-0", "web-0")], portName: "web", port: 80)
        #expect(busybox128(f).capture("nslookup web-1.nginx").status == 1)
        #expect(busybox128(f).capture("nslookup nginx").stdout
            == busyboxServer + "Name:      nginx\nAddress 1: 10.244.1.5 web-0.nginx.default.svc.cluster.local\n")
    }

    @Test func bindFormats() throws {
        let f = try NetworkFixture()
        let sh = f.shell(.bash, tools: ["nslookup": NetworkCommands.nslookup(.bind, f.network)])
        #expect(sh.capture("nslookup web-0.nginx")
            == ShellRunResult(status: 0, stdout: bindServer + "Name:\tweb-0.nginx.default.svc.cluster.local\nAddress: 10.244.1.5\n\n", stderr: ""))
        let headless = sh.capture("nslookup nginx").stdout
        let lines = ["Name:\tnginx.default.svc.cluster.local\nAddress: 10.244.1.5\n", "Name:\tnginx.default.svc.cluster.local\nAddress: 10.244.2.6\n"]
        #expect([lines[0] + lines[1], lines[1] + lines[0]].map { bindServer + $0 + "\n" }.contains(headless))
        #expect(sh.capture("nslookup web-9.nginx")
            == ShellRunResult(status: 1, stdout: bindServer + "** server can't find web-9.nginx: NXDOMAIN\n\n", stderr: ""))
        #expect(sh.capture("nslookup google.com").stdout == bindServer + "** server can't find google.com: SERVFAIL\n\n")
        #expect(sh.capture("nslookup 10.244.1.5").stdout
            == bindServer + "5.1.244.10.in-addr.arpa\tname = web-0.nginx.default.svc.cluster.local.\n\n")
        #expect(sh.capture("nslookup -type=srv _web._tcp.nginx").stdout.contains(
            "_web._tcp.nginx.default.svc.cluster.local\tservice = 0 50 80 web-0.nginx.default.svc.cluster.local.\n"))
        #expect(sh.capture("nslookup web-0.nginx 8.8.8.8")
            == ShellRunResult(status: 1, stdout: ";; connection timed out; no servers could be reached\n\n", stderr: ""))
    }

    /// Seed 002: `kubectl exec deploy/sleep -- sh -c 'nslookup todo-db | grep "^[^*]"'` in an
    /// Alpine image (busybox ≥ 1.30).
    @Test func seed002HeadlessLookupThroughGrep() throws {
        let f = try NetworkFixture()
        try f.addService("todo-db", clusterIP: "None", ports: [["name": "postgres", "port": 5432, "protocol": "TCP"]])
        try f.addPod("todo-db-0", ip: "10.244.1.20", node: "node-1", hostname: "todo-db-0", subdomain: "todo-db")
        try f.addPod("todo-db-1", ip: "10.244.2.21", node: "node-2", hostname: "todo-db-1", subdomain: "todo-db")
        try f.setEndpoints("todo-db", ready: [("10.244.1.20", "todo-db-0", "todo-db-0"), ("10.244.2.21", "todo-db-1", "todo-db-1")],
                           portName: "postgres", port: 5432)
        var tools: [String: ShellCommand] = ["nslookup": NetworkCommands.nslookup(.busybox, f.network)]
        if StandardUtilities.commands(for: .busyboxSh)["grep"] == nil {
            // The shell branch's grep is not merged yet: a stand-in for exactly `grep "^[^*]"`.
            tools["grep"] = { ctx in
                for line in ctx.readStdin().split(separator: "\n") where !line.hasPrefix("*") { ctx.write(line + "\n") }
                return 0
            }
        }
        let sh = f.shell(tools: tools)
        let full = sh.capture("nslookup todo-db")
        #expect(full.status == 1)
        #expect(full.stdout.hasPrefix("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\ttodo-db.default.svc.cluster.local\nAddress: "))
        #expect(full.stdout.contains("\n** server can't find todo-db.svc.cluster.local: NXDOMAIN\n\n** server can't find todo-db.cluster.local: NXDOMAIN\n\n*** Can't find todo-db.default.svc.cluster.local: No answer\n\n"))
        let r = sh.capture("sh -c 'nslookup todo-db | grep \"^[^*]\"'")
        let head = "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n"
        let a = "Name:\ttodo-db.default.svc.cluster.local\nAddress: 10.244.1.20\n"
        let b = "Name:\ttodo-db.default.svc.cluster.local\nAddress: 10.244.2.21\n"
        #expect([head + a + b, head + b + a].contains(r.stdout))
        let pod0 = sh.capture("sh -c 'nslookup todo-db-0.todo-db.default.svc.cluster.local | grep \"^[^*]\"'")
        #expect(pod0.stdout == head + "Name:\ttodo-db-0.todo-db.default.svc.cluster.local\nAddress: 10.244.1.20\n")
        let unknown = sh.capture("nslookup nothere")
        #expect(unknown.stdout.contains("** server can't find nothere.default.svc.cluster.local: NXDOMAIN\n"))
    }

    @Test func tenThousandLookupsInAScriptLoop() throws {
        let f = try NetworkFixture()
        let sh = f.shell(tools: ["nslookup": NetworkCommands.nslookup(.busyboxLegacy, f.network)])
        sh.limits.maxLoopIterations = 20_000
        var result = ShellRunResult(status: 0, stdout: "", stderr: "")
        do {
            result = sh.capture("i=0; while [ $i -lt 10000 ]; do nslookup web-0.nginx >/dev/null; i=$((i+1)); done; echo $i")
        }
        #expect(result.stdout == "10000\n")
    }
}
