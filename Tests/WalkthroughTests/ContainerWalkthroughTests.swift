import Testing

/// Issue 3's scenarios: inside pods, volumes that keep their data, and cluster DNS.
@Suite struct ContainerWalkthroughTests {
    static let seed002 = WalkthroughHarness.runWalkthrough("seed002")
    static let mysql = WalkthroughHarness.run(folder: "seed003", script: WalkthroughHarness.files(in: "seed003")["mysql.sh"] ?? "")
    static let nfs = WalkthroughHarness.run(folder: "seed004", script: WalkthroughHarness.files(in: "seed004")["files.sh"] ?? "")
    static let tutorial = WalkthroughHarness.runWalkthrough("tutorial")

    static func lines(after marker: String, in transcript: String) -> [String] {
        var lines = transcript.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let i = lines.firstIndex(of: marker) else { return [] }
        lines = Array(lines[(i + 1)...])
        return Array(lines.prefix { !$0.hasSuffix("# ") && !$0.hasPrefix("$ ") && !$0.hasPrefix("mysql> ") && !$0.hasPrefix("/ # ") })
    }

    @Test func headlessServiceListsEveryReadyPod() {
        let out = WalkthroughHarness.output(of: "kubectl exec deploy/sleep -- sh -c 'nslookup todo-db | grep \"^[^*]\"'", in: Self.seed002)
        #expect(out.first == "Server:\t\t10.96.0.10")
        let names = out.filter { $0.hasPrefix("Name:") }
        #expect(names == ["Name:\ttodo-db.default.svc.cluster.local", "Name:\ttodo-db.default.svc.cluster.local"])
        let addresses = Set(out.filter { $0.hasPrefix("Address: ") }.map { String($0.dropFirst(9)) })
        #expect(addresses.count == 2 && addresses.allSatisfy { $0.hasPrefix("10.244.") })
    }

    @Test func podZeroHasItsOwnName() {
        let out = WalkthroughHarness.output(of: "kubectl exec deploy/sleep -- sh -c 'nslookup todo-db-0.todo-db.default.svc.cluster.local | grep \"^[^*]\"'", in: Self.seed002)
        #expect(out.contains("Name:\ttodo-db-0.todo-db.default.svc.cluster.local"))
        #expect(out.filter { $0.hasPrefix("Address: 10.244.") }.count == 1)
    }

    @Test func postgresReadsItsPasswordFromTheSecretFile() {
        // The kubelet's atomic writer: each key is a link into `..data`, and defaultMode 0400 is on the file itself.
        #expect(WalkthroughHarness.output(of: "kubectl exec todo-db-0 -- ls -l /secrets", in: Self.seed002) == [
            "total 0",
            "lrwxrwxrwx    1 root     root            24 Jun  2 09:00 postgres_password -> ..data/postgres_password",
        ])
        #expect(WalkthroughHarness.output(of: "kubectl exec todo-db-0 -- ls -l /secrets/..data/", in: Self.seed002) == [
            "total 4",
            "-r--------    1 root     root            11 Jun  2 09:00 postgres_password",
        ])
        #expect(Self.seed002.contains("$ kubectl exec todo-db-0 -- cat /secrets/postgres_password\nkiamol-2*2*$ "))
        // The secret has no final newline, so the next prompt follows it on the same line.
        #expect(Self.seed002.contains("\n postgres  | postgres | UTF8     |"))
        #expect(WalkthroughHarness.output(of: "kubectl logs todo-db-0 --tail 1", in: Self.seed002).last?.hasSuffix("database system is ready to accept connections") == true)
    }

    @Test func mysqlDataSurvivesDeletingTheStatefulSet() {
        let prompts = Self.mysql.split(separator: "\n").filter { $0.hasPrefix("root@mysql-0:/# ") || $0.hasPrefix("mysql> ") }
        #expect(prompts.contains("mysql> create database hello;"))
        let shows = Self.mysql.components(separatedBy: "mysql> show databases;\n").dropFirst()
        #expect(shows.count == 2)
        for s in shows { #expect(s.contains("| hello              |")) }
        #expect(Self.mysql.contains("ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)\ncommand terminated with exit code 1\n"))
    }

    @Test func nfsFilesAreSharedWithThePodsAndOutliveThem() {
        let before = WalkthroughHarness.output(of: "ls -1 /var/share/nfs", in: Self.nfs)
        let after = WalkthroughHarness.output(of: "ls -1 /var/share/nfs", in: Self.nfs, occurrence: 2)
        #expect(before.count == 2 && before == after, "re-applying makes no new folders")
        #expect(before.allSatisfy { $0.hasPrefix("default-sample-pvc-sample-statefuleset-") && $0.contains("-pvc-") })
        for occurrence in 1...2 {
            #expect(WalkthroughHarness.output(of: "kubectl exec -it sample-statefuleset-0 -- ls /var/data", in: Self.nfs, occurrence: occurrence) == ["sample001.txt"])
            #expect(WalkthroughHarness.output(of: "kubectl exec -it sample-statefuleset-1 -- ls /var/data", in: Self.nfs, occurrence: occurrence) == ["sample002.txt"])
        }
    }

    @Test func hostnamesAndDNSNamesAreStable() {
        #expect(WalkthroughHarness.output(of: "for i in 0 1; do kubectl exec \"web-$i\" -- sh -c 'hostname'; done", in: Self.tutorial) == ["web-0", "web-1"])
        #expect(Self.tutorial.contains("If you don't see a command prompt, try pressing enter.\n/ # nslookup web-0.nginx\nServer:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web-0.nginx\nAddress 1: 10.244."))
        #expect(Self.tutorial.contains("/ # nslookup web-9.nginx\nServer:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nnslookup: can't resolve 'web-9.nginx'\n"))
        #expect(Self.tutorial.contains("/ # exit\npod \"dns-test\" deleted\n"))
        #expect(!WalkthroughHarness.output(of: "kubectl get pods", in: Self.tutorial).contains { $0.hasPrefix("dns-test") })
    }

    @Test func webRootLivesOnTheClaimAndSurvivesPodDeletion() {
        #expect(WalkthroughHarness.output(of: "for i in 0 1; do kubectl exec -i -t \"web-$i\" -- curl http://localhost/; done", in: Self.tutorial) == ["web-0", "web-1"])
    }

    @Test func badInputInsidePodsGivesKubectlsWords() {
        let t = Self.tutorial
        #expect(WalkthroughHarness.output(of: "kubectl exec nope -- ls", in: t) == ["Error from server (NotFound): pods \"nope\" not found"])
        #expect(WalkthroughHarness.output(of: "kubectl exec web-0 -c nope -- ls", in: t) == ["Error from server (BadRequest): container nope is not valid for pod web-0"])
        let missing = WalkthroughHarness.output(of: "kubectl exec web-0 -- foo", in: t)
        #expect(missing.count == 1 && missing[0].hasPrefix("error: Internal error occurred: error executing command in container") && missing[0].contains("exec: \"foo\": executable file not found in $PATH"))
        #expect(WalkthroughHarness.output(of: "kubectl exec web-0 -- sh -c 'foo'", in: t) == ["sh: 1: foo: not found", "command terminated with exit code 127"])
        let loop = WalkthroughHarness.output(of: "kubectl exec web-0 -- sh -c 'while true; do :; done'", in: t)
        #expect(loop.first?.hasPrefix("kubelab: loop stopped") == true)
        let big = WalkthroughHarness.output(of: "kubectl exec web-0 -- sh -c 'head -c 100000000 /dev/zero > /tmp/big'", in: t)
        #expect(big.last?.hasPrefix("command terminated with exit code") == true)
        #expect(WalkthroughHarness.output(of: "kubectl exec web-0", in: t) == ["error: you must specify at least one command for the container"])
        #expect(WalkthroughHarness.output(of: "kubectl get pods", in: t, occurrence: 2).filter { $0.hasPrefix("web-") }.allSatisfy { $0.contains(" Running ") })
    }

    /// kubectl 1.31 removed the command without `--` (exec.go's Complete refuses it before reading
    /// any file or pod), and drops words between the pod and `--`.
    @Test func execTakesItsCommandOnlyAfterTheDashes() {
        let t = WalkthroughHarness.run(folder: "tutorial", script: """
            kubectl run web-0 --image=nginx
            sleep 30
            kubectl exec web-0 hostname
            kubectl exec -f web.yaml hostname
            kubectl exec web-0 date -- hostname
            kubectl exec -- hostname
            kubectl exec -f pod.yaml -- hostname
            """)
        let refused = ["error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead",
                       "See 'kubectl exec -h' for help and examples"]
        #expect(WalkthroughHarness.output(of: "kubectl exec web-0 hostname", in: t) == refused)
        #expect(WalkthroughHarness.output(of: "kubectl exec -f web.yaml hostname", in: t) == refused)
        #expect(WalkthroughHarness.output(of: "kubectl exec web-0 date -- hostname", in: t) == ["web-0"])
        #expect(WalkthroughHarness.output(of: "kubectl exec -- hostname", in: t) == ["error: pod, type/name or --filename must be specified"])
        #expect(WalkthroughHarness.output(of: "kubectl exec -f pod.yaml -- hostname", in: t)
            == [#"error: kubelab does not simulate "kubectl exec -f" yet; name the pod: kubectl exec POD -- COMMAND"#])
    }

    /// The official nginx image logs its entrypoint's scripts and nginx's notices (one worker per
    /// node CPU) from the container's start, however late the container is first looked at, then
    /// a line per request; nginx-slim logs nothing.
    @Test func nginxLogsItsStartAsTheOfficialImageDoes() {
        let t = WalkthroughHarness.run(folder: "tutorial", script: """
            kubectl run web --image=nginx
            kubectl run slim --image=registry.k8s.io/nginx-slim:0.21
            sleep 40
            kubectl get pod web -o jsonpath='{.status.containerStatuses[0].state.running.startedAt}{"\\n"}'
            kubectl logs web
            kubectl logs slim
            kubectl exec slim -- curl -s -o /dev/null web-ip/missing -A probe
            kubectl exec web -- curl -s -o /dev/null localhost
            kubectl logs web --tail=2
            """.replacingOccurrences(of: "web-ip", with: "10.244.2.2"))
        let started = WalkthroughHarness.output(of: #"kubectl get pod web -o jsonpath='{.status.containerStatuses[0].state.running.startedAt}{"\n"}'"#, in: t)
        #expect(started == ["2025-06-02T09:00:06Z"])
        let log = WalkthroughHarness.output(of: "kubectl logs web", in: t)
        #expect(log.count == 17)
        #expect(log.first == "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration")
        #expect(log[8] == "/docker-entrypoint.sh: Configuration complete; ready for start up")
        #expect(Array(log.suffix(4)) == [
            "2025/06/02 09:00:06 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576",
            "2025/06/02 09:00:06 [notice] 1#1: start worker processes",
            "2025/06/02 09:00:06 [notice] 1#1: start worker process 29",
            "2025/06/02 09:00:06 [notice] 1#1: start worker process 30",
        ])
        #expect(WalkthroughHarness.output(of: "kubectl logs slim", in: t) == [])
        // Each request is a line of the image's `main` format on stdout.
        #expect(WalkthroughHarness.output(of: "kubectl logs web --tail=2", in: t) == [
            #"10.244.1.2 - - [02/Jun/2025:09:00:40 +0000] "GET /missing HTTP/1.1" 404 153 "-" "probe" "-""#,
            #"127.0.0.1 - - [02/Jun/2025:09:00:40 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-""#,
        ])
    }

    /// A tag the official image lacks fails as containerd reports the registry's 404, a name the
    /// library lacks as access denied, and a reference the grammar refuses is never pulled
    /// (InvalidImageName).
    @Test func misspeltImagesFailToPull() {
        let t = WalkthroughHarness.run(folder: "tutorial", script: """
            kubectl run a --image=nginx:lates
            kubectl run b --image=ngnix
            kubectl run c --image=Nginx
            sleep 20
            kubectl get pods
            kubectl describe pod a | grep -o 'Failed to pull image.*'
            kubectl describe pod b | grep -o 'Failed to pull image.*'
            kubectl logs a
            """)
        #expect(WalkthroughHarness.output(of: "kubectl get pods", in: t).map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
            == ["NAME READY STATUS", "a 0/1 ImagePullBackOff", "b 0/1 ImagePullBackOff", "c 0/1 InvalidImageName"])
        #expect(WalkthroughHarness.output(of: "kubectl describe pod a | grep -o 'Failed to pull image.*'", in: t) == [
            #"Failed to pull image "nginx:lates": failed to pull and unpack image "docker.io/library/nginx:lates": failed to resolve reference "docker.io/library/nginx:lates": docker.io/library/nginx:lates: not found"#,
        ])
        #expect(WalkthroughHarness.output(of: "kubectl describe pod b | grep -o 'Failed to pull image.*'", in: t) == [
            #"Failed to pull image "ngnix": failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"#,
        ])
        // The kubelet words the back-off itself for kubectl logs.
        #expect(WalkthroughHarness.output(of: "kubectl logs a", in: t)
            == [#"Error from server (BadRequest): container "a" in pod "a" is waiting to start: trying and failing to pull image"#])
    }

    /// A sync that fails before any pull fails again after the pod workers' back-off (10 to 15 s):
    /// both events come back each time and aggregate, and the status stays as it was.
    @Test func imagesThatCannotBeUsedFailAgainEverySync() {
        let t = WalkthroughHarness.run(folder: "tutorial", script: """
            kubectl run c --image=Nginx
            kubectl run n --image=nginx:1.27 --image-pull-policy=Never
            sleep 60
            kubectl get pods
            kubectl describe pod c | grep -E 'InspectFailed|Failed '
            kubectl describe pod n | grep 'kubelet '
            kubectl run x --image=nginx --image-pull-policy=Sometimes
            """)
        #expect(WalkthroughHarness.output(of: "kubectl get pods", in: t).map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
            == ["NAME READY STATUS", "c 0/1 InvalidImageName", "n 0/1 ErrImageNeverPull"])
        let inspect = WalkthroughHarness.output(of: "kubectl describe pod c | grep -E 'InspectFailed|Failed '", in: t)
        #expect(inspect.count == 2)
        #expect(inspect.allSatisfy { $0.contains(" (x5 over 60s) ") })
        #expect(inspect.last?.hasSuffix("kubelet            Error: InvalidImageName") == true)
        let never = WalkthroughHarness.output(of: "kubectl describe pod n | grep 'kubelet '", in: t)
        #expect(never.map { $0.split(separator: " ", maxSplits: 1).first.map(String.init) ?? "" } == ["Warning", "Warning"])
        #expect(never.first?.hasSuffix(#"Container image "nginx:1.27" is not present with pull policy of Never"#) == true)
        #expect(never.last?.hasSuffix("Error: ErrImageNeverPull") == true)
        #expect(never.allSatisfy { $0.contains(" over 60s) ") })
        #expect(WalkthroughHarness.output(of: "kubectl run x --image=nginx --image-pull-policy=Sometimes", in: t)
            == ["error: invalid image pull policy: Sometimes", "See 'kubectl run -h' for help and examples"])
    }

    @Test func containerScriptsAreDeterministic() {
        #expect(WalkthroughHarness.runWalkthrough("tutorial") == Self.tutorial)
    }
}

/// The visit counter's count lives on its claim; a deleted pod comes back to the same count.
@Suite struct VisitCounterTests {
    static let transcript = WalkthroughHarness.run(folder: "seed000", script: WalkthroughHarness.files(in: "seed000")["visits.sh"] ?? "")
    static let visit = "kubectl exec c -- wget -qO- visit-cnt-stfs-0.visit-cnt-stfs-svc:8080"

    @Test func countSurvivesThePod() {
        #expect(WalkthroughHarness.output(of: Self.visit, in: Self.transcript) == ["[visit-cnt-stfs-0] Visit count: 1"])
        #expect(WalkthroughHarness.output(of: Self.visit, in: Self.transcript, occurrence: 2) == ["[visit-cnt-stfs-0] Visit count: 2"])
        #expect(WalkthroughHarness.output(of: Self.visit, in: Self.transcript, occurrence: 3) == ["[visit-cnt-stfs-0] Visit count: 3"])
    }

    @Test func deleteWaitsOnlyForTheDeletedPodAndTheWatchLoopStops() {
        let loop = WalkthroughHarness.output(of: "while true; do date; kubectl get po -o wide | head -2; sleep 15; done", in: Self.transcript)
        // kubectl delete returned as soon as the old pod was gone, not when its replacement was.
        #expect(loop.first?.hasPrefix("Mon Jun  2 09:01:") == true)
        #expect(loop.last == "kubelab: loop stopped after 600 s of cluster time")
        #expect(WalkthroughHarness.output(of: "echo after", in: Self.transcript) == ["after"])
    }
}
