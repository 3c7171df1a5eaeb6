import Testing
@testable import PodShell

@Suite struct FileUtilityTests {
    @Test func createCopyMoveRemove() {
        let sh = makeShell()
        #expect(sh.combined("mkdir -p /a/b/c && touch /a/b/c/f && cp -r /a /z && ls /z/b/c") == "f\n")
        #expect(sh.combined("cp /a /y") == "cp: -r not specified; omitting directory '/a'\n")
        #expect(sh.combined("cp /nope /y") == "cp: cannot stat '/nope': No such file or directory\n")
        #expect(sh.combined("echo data > /f1; cp /f1 /f2; mv /f2 /a; cat /a/f2; ls /f2") == "data\nls: cannot access '/f2': No such file or directory\n")
        #expect(sh.combined("mv /nope /x") == "mv: cannot stat '/nope': No such file or directory\n")
        #expect(sh.combined("rm /a") == "rm: cannot remove '/a': Is a directory\n")
        #expect(sh.combined("rm -rf /a /nope; ls /a") == "ls: cannot access '/a': No such file or directory\n")
        #expect(sh.combined("mkdir /z") == "mkdir: cannot create directory '/z': File exists\n")
        #expect(sh.combined("rmdir /z") == "rmdir: failed to remove '/z': Directory not empty\n")
        #expect(sh.combined("ln -s /f1 /l; cat /l; ls -l /l") == "data\nlrwxrwxrwx 1 root root 3 Jun  2 09:00 /l -> /f1\n")
        #expect(sh.combined("chmod 600 /f1; ls -l /f1; chmod u+x,g+r /f1; ls -l /f1") ==
                "-rw------- 1 root root 5 Jun  2 09:00 /f1\n-rwxr----- 1 root root 5 Jun  2 09:00 /f1\n")
        #expect(sh.combined("find /z -type f; find /z -name 'c'") == "/z/b/c/f\n/z/b/c\n")
    }

    /// cp and mv share their operand checks; each reports them in its own name, as coreutils and busybox do.
    @Test func copyAndMoveOperandMistakes() {
        let sh = makeShell(.bash)
        _ = sh.combined("touch /f /g")
        #expect(sh.combined("cp") == "cp: missing file operand\nTry 'cp --help' for more information.\n")
        #expect(sh.combined("mv /a") == "mv: missing destination file operand after '/a'\nTry 'mv --help' for more information.\n")
        #expect(sh.combined("cp /f /g /nofile") == "cp: target '/nofile' is not a directory\n")
        #expect(sh.combined("mv /f /g /nofile; ls /f") == "mv: target '/nofile' is not a directory\n/f\n")
        let busybox = makeShell(.busyboxSh)
        _ = busybox.combined("touch /f /g")
        #expect(busybox.combined("mv") == "BusyBox v1.36.1 multi-call binary.\n\nUsage: mv [-fin] SOURCE DEST\n")
        #expect(busybox.combined("cp /f /g /nofile") == "cp: '/nofile' is not a directory\n")
    }

    @Test func readingFiles() {
        let sh = makeShell()
        _ = sh.combined("printf 'one\\ntwo\\nthree\\n' > /t")
        #expect(sh.combined("cat -n /t") == "     1\tone\n     2\ttwo\n     3\tthree\n")
        #expect(sh.combined("head -c 5 /t; echo; tail -c 6 /t") == "one\nt\nthree\n")
        #expect(sh.combined("head -2 /t; tail -1 /t") == "one\ntwo\nthree\n")
        #expect(sh.combined("head /nope") == "head: cannot open '/nope' for reading: No such file or directory\n")
        #expect(sh.combined("cat /tmp") == "cat: /tmp: Is a directory\n")
        #expect(sh.combined("wc -l /t /t") == " 3 /t\n 3 /t\n 6 total\n")
        #expect(sh.combined("echo more | tee -a /t > /dev/null; tail -n 1 /t") == "more\n")
        #expect(sh.combined("printf 'a\\na\\nb\\n' | uniq -d; printf '\\101\\n'") == "a\nA\n")
        #expect(sh.combined("seq -w 8 10") == "08\n09\n10\n")
        #expect(sh.combined("printf 'x\\ny\\n' | xargs -I {} echo item-{}") == "item-x\nitem-y\n")
        #expect(sh.combined("env -i A=1 env") == "A=1\n")
        #expect(sh.combined("date '+%a %d %b %Y %j'") == "Mon 02 Jun 2025 153\n")
        #expect(sh.combined("du -sh /t") == "4.0K\t/t\n")
        #expect(sh.combined("cd /; cd tmp; pwd; cd ..; pwd; cd -") == "/tmp\n/\n/tmp\n")
    }

    @Test func busyboxFlavours() {
        let sh = makeShell(.busyboxSh)
        _ = sh.combined("printf 'one\\ntwo\\n' > /t")
        #expect(sh.combined("wc -l /t; wc -l < /t") == "2 /t\n2\n")
        #expect(sh.combined("cp /nope /x; mv /nope /x; rm /tmp") == "cp: can't stat '/nope': No such file or directory\nmv: can't rename '/nope': No such file or directory\nrm: '/tmp' is a directory\n")
        #expect(sh.combined("touch /nodir/x") == "touch: /nodir/x: No such file or directory\n")
        #expect(sh.combined("export A=1; export | grep A=") == "export A='1'\n")
    }
}
