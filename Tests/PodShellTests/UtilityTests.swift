import Testing
@testable import PodShell

@Suite struct UtilityTests {
    @Test func echoAndPrintf() {
        let sh = makeShell()
        #expect(sh.combined("echo -n a; echo b; echo -e 'x\\ty'; echo '\\n'") == "ab\nx\ty\n\\n\n")
        #expect(sh.combined("printf '%s=%d\\n' a 1 b 2") == "a=1\nb=2\n")
        #expect(sh.combined("printf '%5s|%-5s|%05d|%.2f|%x\\n' ab cd 42 3.14159 255") == "   ab|cd   |00042|3.14|ff\n")
    }

    @Test func lsLayouts() {
        let sh = makeShell()
        _ = sh.combined("mkdir -p /v/sub && touch /v/sample001.txt /v/b && echo hello > /v/b")
        #expect(sh.combined("ls /v") == "b\nsample001.txt\nsub\n")
        #expect(sh.combined("ls -a /v") == ".\n..\nb\nsample001.txt\nsub\n")
        #expect(Utilities.columns(["b", "sample001.txt", "sub"], width: 80, busybox: false) == "b  sample001.txt  sub\n")
        let many = (1...30).map { "file-number-\($0)" }
        let laidOut = Utilities.columns(many, width: 80, busybox: false)
        #expect(laidOut.split(separator: "\n").allSatisfy { $0.count < 80 })
        #expect(laidOut.split(separator: "\n").first == "file-number-1  file-number-7   file-number-13  file-number-19  file-number-25")
        #expect(sh.combined("ls -l /v") == """
        total 8
        -rw-r--r-- 1 root root    6 Jun  2 09:00 b
        -rw-r--r-- 1 root root    0 Jun  2 09:00 sample001.txt
        drwxr-xr-x 2 root root 4096 Jun  2 09:00 sub

        """)
        let bb = makeShell(.busyboxSh)
        _ = bb.combined("mkdir /v && echo hello > /v/b")
        #expect(bb.combined("ls -l /v") == "total 4\n-rw-r--r--    1 root     root             6 Jun  2 09:00 b\n")
        #expect(sh.combined("ls -R /v") == "/v:\nb\nsample001.txt\nsub\n\n/v/sub:\n")
        #expect(sh.combined("ls -1d /v /v/b") == "/v\n/v/b\n")
    }

    @Test func grepFlags() {
        let sh = makeShell()
        let input = "web-0 Running\nweb-1 Pending\nvisit-0 Running\n"
        _ = sh.combined("printf '\(input)' > /tmp/pods")
        #expect(sh.combined("grep visit /tmp/pods") == "visit-0 Running\n")
        #expect(sh.combined("grep -v Running /tmp/pods") == "web-1 Pending\n")
        #expect(sh.combined("grep -c Running /tmp/pods") == "2\n")
        #expect(sh.combined("grep -n -i PENDING /tmp/pods") == "2:web-1 Pending\n")
        #expect(sh.combined("grep -o 'web-[0-9]' /tmp/pods") == "web-0\nweb-1\n")
        #expect(sh.combined("grep -E 'web-(0|1) R' /tmp/pods") == "web-0 Running\n")
        #expect(sh.combined("grep -F 'web-.' /tmp/pods; echo $?") == "1\n")
        #expect(sh.combined("grep -w web /tmp/pods | wc -l") == "2\n")
        #expect(sh.combined("grep -q web /tmp/pods && echo found") == "found\n")
        #expect(sh.combined("grep '^[^*]' /tmp/pods | head -n 1") == "web-0 Running\n")
        #expect(sh.combined("grep 'x\\(y\\)*' /tmp/pods; echo $?") == "1\n")
        #expect(sh.combined("grep -r Running /tmp") == "/tmp/pods:web-0 Running\n/tmp/pods:visit-0 Running\n")
        #expect(sh.combined("grep x /nope") == "grep: /nope: No such file or directory\n")
    }

    @Test func textFilters() {
        let sh = makeShell()
        #expect(sh.combined("seq 5 | head -n 2; seq 5 | tail -n 2; seq 3 | tail -n +2") == "1\n2\n4\n5\n2\n3\n")
        #expect(sh.combined("printf 'a b\\nc d e\\n' | wc -l; printf 'a b\\nc d e\\n' | wc -w; printf 'abc' | wc -c") == "2\n5\n3\n")
        #expect(sh.combined("printf '10\\n9\\n100\\n' | sort; printf '10\\n9\\n100\\n' | sort -n; printf 'b\\na\\nb\\n' | sort -ru") == "10\n100\n9\n9\n10\n100\nb\na\n")
        #expect(sh.combined("printf 'x 3\\ny 1\\nz 2\\n' | sort -k2 -n") == "y 1\nz 2\nx 3\n")
        #expect(sh.combined("printf 'a\\na\\nb\\n' | uniq -c") == "      2 a\n      1 b\n")
        #expect(sh.combined("echo 'a:b:c' | cut -d: -f2,3; echo hello | cut -c1-3") == "b:c\nhel\n")
        #expect(sh.combined("echo hello | tr a-z A-Z; echo 'a  b' | tr -s ' '; echo abc | tr -d b") == "HELLO\na b\nac\n")
        #expect(sh.combined("echo 'hello world' | sed 's/o/0/g'; printf '1\\n2\\n3\\n' | sed -n 2p; printf '1\\n2\\n3\\n' | sed '1d'") == "hell0 w0rld\n2\n2\n3\n")
        #expect(sh.combined("echo 'key=value' | sed -E 's/(.*)=(.*)/\\2=\\1/'; echo abc | sed 's/b/[&]/'") == "value=key\na[b]c\n")
        #expect(sh.combined("printf 'a\\nb\\nc\\n' | sed '/b/,$d'") == "a\n")
        #expect(sh.combined("seq 1 2 7; seq -s, 3") == "1\n3\n5\n7\n1,2,3\n")
        #expect(sh.combined("echo a b c | xargs -n 1 echo x") == "x a\nx b\nx c\n")
        #expect(sh.combined("echo hi | tee /tmp/t; cat /tmp/t") == "hi\nhi\n")
        #expect(sh.combined("basename /a/b.txt .txt; dirname /a/b.txt") == "b\n/a\n")
        #expect(sh.combined("expr 3 + 4; expr 10 / 3; expr length hello; expr 1 = 2") == "7\n3\n5\n0\n")
    }

    @Test func awkSubset() {
        let sh = makeShell()
        let table = "NAME READY STATUS\nweb-0 1/1 Running\nweb-1 0/1 Pending\n"
        #expect(sh.combined("printf '\(table)' | awk '{print $1}'") == "NAME\nweb-0\nweb-1\n")
        #expect(sh.combined("printf '\(table)' | awk 'NR>1 && $3 == \"Running\" {print $1, NR}'") == "web-0 2\n")
        #expect(sh.combined("echo a:b:c | awk -F: '{print $2 \"-\" $NF}'") == "b-c\n")
        #expect(sh.combined("printf '1\\n2\\n3\\n' | awk '{s += $1} END {print s, NR}'") == "6 3\n")
        #expect(sh.combined("printf '\(table)' | awk '/Pending/ {print toupper($1)}'") == "WEB-1\n")
        #expect(sh.combined("awk 'BEGIN { printf \"%s=%d\\n\", \"x\", 42 }'") == "x=42\n")
        #expect(sh.combined("printf 'a\\nb\\na\\n' | awk '{c[$1]++} END {for (k in c) print k, c[k]}'") == "a 2\nb 1\n")
        #expect(sh.combined("echo 'x y' | awk '{ if ($1 == \"x\") print \"yes\"; else print \"no\" }'") == "yes\n")
    }

    @Test func systemUtilities() {
        let sh = makeShell()
        #expect(sh.combined("date") == "Mon Jun  2 09:00:05 UTC 2025\n")
        #expect(sh.combined("date +%Y-%m-%dT%H:%M:%S; sleep 1.5; date +%s") == "2025-06-02T09:00:05\n1748854806\n")
        #expect(sh.combined("sleep 2m; date +%T") == "09:02:06\n")
        #expect(sh.combined("sleep x") == "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n")
        #expect(sh.combined("hostname; whoami; id") == "web-0\nroot\nuid=0(root) gid=0(root) groups=0(root)\n")
        #expect(sh.combined("uname; uname -n") == "Linux\nweb-0\n")
        #expect(sh.combined("export FOO=bar; env | grep FOO; printenv FOO") == "FOO=bar\nbar\n")
        #expect(sh.combined("unset FOO; printenv FOO; echo $?") == "1\n")
        #expect(sh.combined("which ls; type cd; type nope") == "/usr/bin/ls\ncd is a shell builtin\nbash: type: nope: not found\n")
        #expect(sh.combined("[ -d /tmp ] && [ ! -f /tmp ] && test -n x && [ 3 -lt 10 ] && echo ok") == "ok\n")
        #expect(sh.combined("[ a = a -a b != c ] && echo both") == "both\n")
        #expect(sh.combined("[ 1 -eq x ]") == "bash: [: x: integer expression expected\n")
        #expect(sh.combined("echo 'l1\nl2' > /tmp/r; while read line; do echo \"<$line>\"; done < /tmp/r") == "<l1>\n<l2>\n")
        #expect(sh.combined("read a b <<< 'one two three'; echo $b") == "two three\n")
        let bb = makeShell(.busyboxSh)
        #expect(bb.combined("which ls") == "/bin/ls\n")
        #expect(bb.combined("bash -c 'echo x'") == "sh: bash: not found\n")
    }

    @Test func diskUsage() throws {
        let sh = makeShell()
        let pv = VirtualVolume(name: "nfs-pv", capacityBytes: 1 << 30)
        try sh.fileSystem.mount(pv, at: "/var/data")
        _ = sh.combined("echo hello > /var/data/f")
        #expect(sh.combined("df -h /var/data") == "Filesystem      Size  Used Avail Use% Mounted on\nnfs-pv          1.0G  1.0K  1.0G   1% /var/data\n")
        #expect(sh.combined("du -s /var/data") == "8\t/var/data\n")
    }
}

@Suite struct GrepContextTests {
    @Test func contextLines() {
        let sh = makeShell()
        _ = sh.combined("seq 1 10 > /tmp/n")
        #expect(sh.combined("grep -A 1 -e 3 -e 8 /tmp/n") == "3\n4\n--\n8\n9\n")
        #expect(sh.combined("grep -n -B2 5 /tmp/n") == "3-3\n4-4\n5:5\n")
        #expect(sh.combined("grep -C1 -e 4 -e 5 /tmp/n") == "3\n4\n5\n6\n")
        #expect(sh.combined("grep -m 2 1 /tmp/n") == "1\n10\n")
        #expect(sh.combined("grep -A x 1 /tmp/n") == "grep: x: invalid context length argument\n")
    }
}

@Suite struct Base64Tests {
    @Test func encodeAndDecode() {
        let sh = makeShell()
        #expect(sh.combined("echo -n 'mysecretpassword' | base64") == "bXlzZWNyZXRwYXNzd29yZA==\n")
        #expect(sh.combined("echo bXlzZWNyZXRwYXNzd29yZA== | base64 -d; echo") == "mysecretpassword\n")
        #expect(sh.combined("printf 'ab' | base64; printf 'a' | base64 --wrap=0; echo") == "YWI=\nYQ==\n")
        #expect(sh.combined("echo '@@' | base64 -d") == "base64: invalid input\n")
    }
}
