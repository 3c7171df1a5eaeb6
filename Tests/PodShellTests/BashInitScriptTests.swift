import Testing
@testable import PodShell

/// The bash the replicated-MySQL tutorial's init containers and sidecar rely on: `set -x` traces,
/// `[[ =~ ]]` with BASH_REMATCH, `[[ ... ]] && exit 0`, arithmetic, `$(<file)`, `until` loops.
@Suite struct BashInitScriptTests {
    func run(_ source: String, hostname: String = "mysql-0", prepare: (ShellEnvironment) -> Void = { _ in })
        -> (status: Int32, out: String, err: String)
    {
        let env = makeShell(.bash)
        env.setVariable("HOSTNAME", hostname, export: true)
        env.hostname = hostname
        prepare(env)
        var out = "", err = ""
        let status = env.run(source, stdout: { out += $0 }, stderr: { err += $0 })
        return (status, out, err)
    }

    static let initMySQL = """
        set -ex
        # Generate mysql server-id from pod ordinal index.
        [[ $HOSTNAME =~ -([0-9]+)$ ]] || exit 1
        ordinal=${BASH_REMATCH[1]}
        echo [mysqld] > /mnt/conf.d/server-id.cnf
        # Add an offset to avoid reserved server-id=0 value.
        echo server-id=$((100 + $ordinal)) >> /mnt/conf.d/server-id.cnf
        # Copy appropriate conf.d files from config-map to emptyDir.
        if [[ $ordinal -eq 0 ]]; then
          cp /mnt/config-map/primary.cnf /mnt/conf.d/
        else
          cp /mnt/config-map/replica.cnf /mnt/conf.d/
        fi

        """

    func configMapFiles(_ env: ShellEnvironment) {
        try? env.fileSystem.createDirectory("/mnt/conf.d", withIntermediates: true)
        try? env.fileSystem.createDirectory("/mnt/config-map", withIntermediates: true)
        try? env.fileSystem.writeFile("/mnt/config-map/primary.cnf", text: "[mysqld]\nlog-bin\n")
        try? env.fileSystem.writeFile("/mnt/config-map/replica.cnf", text: "[mysqld]\nsuper-read-only\n")
    }

    @Test func initMySQLTracesEachCommandAsBashDoes() {
        let result = run(Self.initMySQL, hostname: "mysql-2", prepare: configMapFiles)
        #expect(result.status == 0)
        #expect(result.out == "")
        #expect(result.err == """
            + [[ mysql-2 =~ -([0-9]+)$ ]]
            + ordinal=2
            + echo '[mysqld]'
            + echo server-id=102
            + [[ 2 -eq 0 ]]
            + cp /mnt/config-map/replica.cnf /mnt/conf.d/

            """)
    }

    @Test func initMySQLWritesTheServerIDFromTheOrdinal() {
        let env = makeShell(.bash)
        env.setVariable("HOSTNAME", "mysql-0", export: true)
        configMapFiles(env)
        _ = env.run(Self.initMySQL, stdout: { _ in }, stderr: { _ in })
        #expect((try? env.fileSystem.readText("/mnt/conf.d/server-id.cnf")) == "[mysqld]\nserver-id=100\n")
        #expect(env.fileSystem.isFile("/mnt/conf.d/primary.cnf"))
        #expect(!env.fileSystem.isFile("/mnt/conf.d/replica.cnf"))
    }

    @Test func rematchHoldsTheWholeMatchAndEachGroup() {
        let result = run(#"[[ web-12 =~ -([0-9])([0-9]+)$ ]] && echo "${BASH_REMATCH[0]} ${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${BASH_REMATCH[@]}""#)
        #expect(result.out == "-12 1 2 -12 1 2\n")
        let failed = run(#"[[ web =~ -([0-9]+)$ ]] || echo "none:${BASH_REMATCH[1]}:""#)
        #expect(failed.out == "none::\n")
    }

    @Test func regexWordKeepsParenthesesAndAlternation() {
        #expect(run(#"[[ abc =~ ^(a|x)(b)c$ ]] && echo ${BASH_REMATCH[2]}"#).out == "b\n")
        // The sidecar's binlog-position pattern, with POSIX's leftmost-longest groups.
        let sidecar = run("""
            [[ `cat /info` =~ ^(.*?)[[:space:]]+(.*?)$ ]] || exit 1
            echo "file=${BASH_REMATCH[1]} pos=${BASH_REMATCH[2]}"
            """, prepare: { try? $0.fileSystem.writeFile("/info", text: "mysql-0-bin.000001\t154\n") })
        #expect(sidecar.out == "file=mysql-0-bin.000001 pos=154\n")
    }

    @Test func conditionalExitEndsTheScriptOnlyWhenTrue() {
        let present = run("[[ -d /etc ]] && exit 0\necho after")
        #expect(present.status == 0 && present.out == "")
        let absent = run("set -e\n[[ -d /var/lib/mysql/mysql ]] && exit 0\necho after")
        #expect(absent.out == "after\n")
    }

    @Test func fileSubstitutionReadsTheFileWithoutTrailingNewlines() {
        let result = run(#"echo "[$(<f)]""#, prepare: { try? $0.fileSystem.writeFile("/f", text: "one\ntwo\n\n") })
        #expect(result.out == "[one\ntwo]\n")
        let missing = run(#"x="$(<nofile)"; echo "status=$? [$x]""#)
        #expect(missing.err == "bash: nofile: No such file or directory\n")
        #expect(missing.out == "status=1 []\n")
    }

    @Test func rightSideOfAndIsNotExpandedWhenTheLeftFails() {
        let result = run(#"if [[ -f xtrabackup_slave_info && "x$(<xtrabackup_slave_info)" != "x" ]]; then echo yes; else echo no; fi"#)
        #expect(result.out == "no\n")
        #expect(result.err == "")
    }

    @Test func traceShowsSubstitutionsOneLevelDeeperAndQuotesMetacharacters() {
        let result = run("set -x\nname=`hostname`\necho \"$name\" 'a b' '' x=1 '*'\nset +x\necho quiet")
        #expect(result.err == """
            ++ hostname
            + name=mysql-0
            + echo mysql-0 'a b' '' x=1 '*'
            + set +x

            """)
        #expect(result.out == "mysql-0 a b  x=1 *\nquiet\n")
    }

    @Test func quotedRightSideOfInequalityIsTracedEscaped() {
        let result = run(#"set -x; [[ "xabc" != "x" ]]"#)
        #expect(result.err == "+ [[ xabc != \\x ]]\n")
    }

    @Test func untilLoopWaitsOnTheShellsClock() {
        let result = run("n=0\nuntil [[ $n -ge 3 ]]; do sleep 1; n=$((n + 1)); done\necho $n $(( 100 + $n ))")
        #expect(result.out == "3 103\n")
    }

    @Test func traceQuotingFollowsBashsMetacharacterRule() {
        #expect(ShellInterpreter.traceQuoted("plain/path.cnf") == "plain/path.cnf")
        #expect(ShellInterpreter.traceQuoted("it's") == #"'it'\''s'"#)
        #expect(ShellInterpreter.traceQuoted("~user") == "'~user'")
        #expect(ShellInterpreter.traceQuoted("a~b") == "a~b")
        #expect(ShellInterpreter.traceQuoted("#x") == "'#x'")
        #expect(ShellInterpreter.traceQuoted("x#") == "x#")
    }
}
