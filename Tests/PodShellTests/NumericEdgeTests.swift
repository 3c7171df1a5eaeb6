import Testing
@testable import PodShell

/// Numbers at and beyond 64 bits (`1e19`, `inf`, `9223372036854775807`) that once stopped the
/// process with an overflow trap: each must give the tool's answer or its error, in both dialects.
@Suite struct NumericEdgeTests {
    @Test(arguments: [ShellDialect.bash, .busyboxSh])
    func awkSaturatesHugeNumbers(dialect: ShellDialect) {
        let sh = makeShell(dialect)
        #expect(sh.combined("awk 'BEGIN{printf \"%d %x %o\\n\", 1e19, 1e19, -1e19}'") == "9223372036854775807 7fffffffffffffff -1000000000000000000000\n")
        #expect(sh.combined("awk 'BEGIN{s=\"hello\"; print substr(s, 1e19) \"|\" substr(s, 2, 1e19) \"|\" substr(s, -1e19, 1e19)}'") == "|ello|\n")
        #expect(sh.combined("echo 'a b' | awk '{print $1e19 \"|\" $2}'") == "|b\n")
        #expect(sh.combined("awk 'BEGIN{x = 2^1e19; print x, -x, 2^-1e19, (-1)^1e19, 2^10}'") == "inf -inf 0 1 1024\n")
        #expect(sh.combined("awk 'BEGIN{exit 1e19}'; echo $?") == "255\n")
    }

    @Test func awkFieldCountIsBounded() {
        let sh = makeShell()
        #expect(sh.combined("echo 'a b' | awk '{NF=1e19; print}'; echo $?") == "kubelab: awk: stopped at the field limit (100000 fields per record)\n2\n")
        #expect(sh.combined("echo 'a b' | awk '{$2147483648=\"x\"}'; echo $?") == "kubelab: awk: stopped at the field limit (100000 fields per record)\n2\n")
        #expect(sh.combined("echo 'a b' | awk '{NF=3; $5=\"e\"; print NF, $0}'") == "5 a b   e\n")
    }

    @Test func seqAcceptsHugeAndInfiniteBounds() {
        let sh = makeShell()
        #expect(sh.combined("seq 1e19 1e19; seq 9223372036854775807 9223372036854775807; seq -w 1e19 1e19") ==
                "10000000000000000000\n9223372036854775807\n10000000000000000000\n")
        #expect(sh.combined("seq 1 inf | head -n 2; seq inf | head -n 1") == "1\n2\n1\n")
        #expect(sh.combined("seq nan") == "seq: invalid 'not-a-number' argument: 'nan'\nTry 'seq --help' for more information.\n")
    }

    @Test func exprOverflowIsAnErrorInGNUAndWrapsInBusybox() {
        let gnu = makeShell(.bash)
        #expect(gnu.combined("expr -9223372036854775808 / -1; echo $?") == "expr: integer overflow\n2\n")
        #expect(gnu.combined("expr 9223372036854775807 + 1; expr 9223372036854775807 \\* 2") == "expr: integer overflow\nexpr: integer overflow\n")
        #expect(gnu.combined("expr -9223372036854775808 % -1; expr 9223372036854775806 + 1") == "0\n9223372036854775807\n")
        #expect(gnu.combined("expr substr abc 2 9223372036854775807") == "bc\n")
        let busybox = makeShell(.busyboxSh)
        #expect(busybox.combined("expr 9223372036854775807 + 1; expr -9223372036854775808 / -1") == "-9223372036854775808\n-9223372036854775808\n")
    }

    @Test func shellArithmeticWrapsAt64Bits() {
        let sh = makeShell()
        #expect(sh.combined("x=9223372036854775807; ((x++)); echo $x; ((x--)); echo $x; ((++x)); echo $x") ==
                "-9223372036854775808\n9223372036854775807\n-9223372036854775808\n")
        #expect(sh.combined("x=-9223372036854775808; ((x /= -1)); echo $x; x=-9223372036854775808; ((x %= -1)); echo $x") ==
                "-9223372036854775808\n0\n")
        #expect(sh.combined("echo $((9223372036854775807 + 1)) $((-9223372036854775808 / -1)) $((-9223372036854775808 % -1))") ==
                "-9223372036854775808 -9223372036854775808 0\n")
    }

    @Test func substringOffsetsAtIntLimits() {
        let sh = makeShell()
        #expect(sh.combined("x=abc; echo [${x:1:9223372036854775807}] [${x:9223372036854775807}] [${x: -9223372036854775808}] [${x: -2:9223372036854775807}]") ==
                "[bc] [] [] [bc]\n")
    }

    @Test func braceSequencesStepWithoutOverflow() {
        let sh = makeShell()
        #expect(sh.combined("echo {a..z..4294967296} {1..10..9223372036854775807} {1..3..-9223372036854775808}") == "a 1 1\n")
        #expect(sh.combined("echo {-9223372036854775808..9223372036854775807..9223372036854775807}") ==
                "-9223372036854775808 -1 9223372036854775806\n")
        #expect(sh.combined("echo {9223372036854775806..9223372036854775807} {z..x}") == "9223372036854775806 9223372036854775807 z y x\n")
    }

    @Test func headCountsBeyond64BitsAreRefused() {
        let sh = makeShell()
        #expect(sh.combined("head -c 9223372036854775807k /dev/zero; echo $?") ==
                "head: invalid number of bytes: '9223372036854775807k': Value too large for defined data type\n1\n")
        #expect(sh.combined("echo x > /f; head -n -9223372036854775808 /f; tail -n +9223372036854775807 /f; tail -c -9223372036854775808 /f") == "x\n")
    }

    @Test func printfWidthBeyondTheOutputLimitStops() {
        let sh = makeShell()
        #expect(sh.combined("printf '%*d|' 9223372036854775807 1; echo $?") ==
                "kubelab: printf: stopped at the output limit (8 MiB per command line)\n1\n")
        #expect(sh.combined("printf 'a%.99999999999999999999f|' 1; echo $?") ==
                "akubelab: printf: stopped at the output limit (8 MiB per command line)\n1\n")
        #expect(sh.combined("printf '%5d|%-3s|\\n' 42 x") == "   42|x  |\n")
    }
}
