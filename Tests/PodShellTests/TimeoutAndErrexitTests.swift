@testable import PodShell
import Testing

/// `timeout` exits 124 when the limit ends the command, and `set -e` ends the shell at the first
/// failing command outside the POSIX exemptions (compared with GNU bash 5 and coreutils timeout).
@Suite struct TimeoutAndErrexitTests {
    @Test func timeoutExits124WhenItStopsTheCommand() {
        let sh = makeShell()
        let start = sh.now()
        #expect(sh.combined("timeout 1 sleep 5; echo $?") == "124\n")
        #expect(sh.now() - start == 1000, "the wait ends at the limit")
        #expect(sh.combined("timeout 5 sleep 1; echo $?") == "0\n")
        #expect(sh.combined("timeout 2 sh -c 'while true; do sleep 1; done'; echo $?") == "124\n")
        #expect(sh.combined("timeout x sleep 1; echo $?") == "timeout: invalid time interval 'x'\nTry 'timeout --help' for more information.\n125\n")
    }

    @Test func setEEndsTheShellAtTheFirstFailure() {
        let sh = makeShell()
        #expect(sh.combined("sh -c 'set -e; false; echo after'; echo $?") == "1\n")
        #expect(sh.combined("sh -c 'set -e; true && false; echo no'; echo $?") == "1\n")
        #expect(sh.combined("sh -c 'set -o errexit; ls /missing; echo no'; echo $?") == "ls: cannot access '/missing': No such file or directory\n2\n")
        #expect(sh.combined("sh -c 'set -e; set +e; false; echo on'") == "on\n")
    }

    @Test func setEIgnoresConditionsListsAndNegation() {
        let sh = makeShell()
        #expect(sh.combined("sh -c 'set -e; false || true; false && true; ! true; if false; then :; fi; while false; do :; done; echo kept'") == "kept\n")
    }
}
