import Testing
@testable import PodShell

@Test func quickSmoke() {
    let sh = makeShell()
    #expect(sh.combined("echo hello 'a  b' \"c $HOSTNAME\"; x=5; echo $((x*2)) ${y:-def}") == "hello a  b c web-0\n10 def\n")
    #expect(sh.combined("for i in 0 1; do echo web-$i; done") == "web-0\nweb-1\n")
    #expect(sh.combined("echo $(echo inner) `echo tick`") == "inner tick\n")
    #expect(sh.combined("foo") == "bash: line 1: foo: command not found\n")
    #expect(sh.combined("done") == "bash: -c: line 1: syntax error near unexpected token `done'\n")
}
