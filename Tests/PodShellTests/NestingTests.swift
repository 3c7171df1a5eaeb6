import Testing
@testable import PodShell

@Suite struct NestingTests {
    @Test func shDashCNesting() {
        let sh = makeShell(.busyboxSh)
        #expect(sh.combined(#"sh -c 'echo outer; sh -c "echo inner \$0 \$1" name arg'"#) == "outer\ninner name arg\n")
        #expect(sh.combined("sh -c 'exit 3'; echo $?") == "3\n")
        #expect(sh.combined("sh -c 'for x in'") == "sh: syntax error: unexpected end of file (expecting \"do\")\n")
        #expect(sh.combined("echo 'echo from stdin' | sh") == "from stdin\n")
        #expect(sh.combined("printf 'echo $1\\n' > /tmp/s.sh; sh /tmp/s.sh hi; sh /tmp/none.sh") == "hi\nsh: can't open '/tmp/none.sh': No such file or directory\n")
        let bash = makeShell(.bash)
        #expect(bash.combined("bash -c 'done'") == "bash: -c: line 1: syntax error near unexpected token `done'\n")
        #expect(bash.combined("bash -c 'nope'") == "bash: line 1: nope: command not found\n")
    }

    @Test func loopLimitInsideNestedShellStopsEverything() {
        let sh = makeShell(.busyboxSh)
        let r = sh.capture("sh -c 'while true; do :; done'; echo after")
        #expect(r.stderr == "kubelab: loop stopped after 10000 iterations\n")
        #expect(r.stdout == "")
    }

    @Test func executeArgvLikeAContainerRuntime() {
        let sh = makeShell(.busyboxSh)
        var out = "", err = ""
        let status = sh.execute(["sh", "-c", "hostname; echo $HOSTNAME"], stdout: { out += $0 }, stderr: { err += $0 })
        #expect(status == 0)
        #expect(out == "web-0\nweb-0\n")
        #expect(sh.execute(["mysql"], stdout: { _ in }, stderr: { _ in }) == nil)
        #expect(sh.execute(["/bin/ls", "/nope"], stdout: { out += $0 }, stderr: { err += $0 }) == 2)
        #expect(err == "ls: /nope: No such file or directory\n")
    }

    @Test func hostShellRunsSudoAndCallerCommands() {
        let env = ShellEnvironment(dialect: .hostBash, commands: StandardUtilities.hostCommands, isInteractive: true)
        env.commands["kubectl"] = { ctx in
            ctx.write("NAME    READY\nweb-0   1/1\nvisit-0 1/1\n")
            return 0
        }
        #expect(env.capture("sudo kubectl get po | grep visit").stdout == "visit-0 1/1\n")
        #expect(env.capture("for i in 0 1; do kubectl exec web-$i -- hostname | head -n 1; done").stdout == "NAME    READY\nNAME    READY\n")
        // `vagrant` is the session's (it drives the cluster's machines); a bare host shell has none.
        #expect(env.capture("vagrant halt node1").stderr == "bash: vagrant: command not found\n")
    }

    @Test func functionsAndHereDocuments() {
        let sh = makeShell()
        #expect(sh.combined("""
        count() {
          n=0
          for f in "$@"; do n=$((n+1)); done
          echo $n
        }
        count a b c
        cat <<-END
        \tindented $n
        \tEND
        """) == "3\nindented 3\n")
    }
}

@Suite struct DashTests {
    @Test func shInDebianImagesIsDash() {
        let sh = makeShell(.bash)
        #expect(sh.combined("sh -c 'foo'") == "sh: 1: foo: not found\n")
        #expect(sh.combined("sh -c 'done'") == "sh: 1: Syntax error: \"done\" unexpected\n")
        #expect(sh.combined("sh -c 'for i in 1; do'") == "sh: 1: Syntax error: end of file unexpected (expecting \"done\")\n")
        #expect(sh.combined("sh -c \"echo 'x\"") == "sh: 1: Syntax error: Unterminated quoted string\n")
        #expect(sh.combined("sh -c 'cd /nope'; echo $?") == "sh: 1: cd: can't cd to /nope\n2\n")
        #expect(sh.combined("sh -c 'hostname'") == "web-0\n")
    }
}

@Suite struct SeedLineTests {
    @Test func initContainerCommandsFromSeed002() {
        let sh = makeShell(.busyboxSh)
        _ = sh.combined("mkdir /init /backup")
        #expect(sh.execute(["sh", "-c", "echo $RANDOM > /init/dp"], stdout: { _ in }, stderr: { _ in }) == 0)
        let dp = sh.capture("cat /init/dp").stdout
        #expect(Int(dp.dropLast()) != nil)
        #expect(sh.capture("echo -dp $(cat /init/dp)").stdout == "-dp \(dp)")
        #expect(sh.capture("touch \"/backup/$(date +%y%m%d-%H%M).tar\"; ls /backup").stdout == "250602-0900.tar\n")
    }
}
