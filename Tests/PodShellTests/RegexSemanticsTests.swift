import Testing
@testable import PodShell

/// What POSIX (and GNU) regexes mean, as grep, sed, awk, expr and `[[ =~ ]]` show it.
@Suite struct RegexSemanticsTests {
    /// POSIX takes the longest of the leftmost matches, whatever the order of the alternatives.
    @Test func alternationIsLeftmostLongest() {
        let sh = makeShell()
        #expect(sh.combined("echo abcd | grep -oE 'a|ab|abc'") == "abc\n")
        #expect(sh.combined("echo 'xyz xy' | grep -oE 'x|xyz|xy'") == "xyz\nxy\n")
        #expect(sh.combined("echo foobar | sed -E 's/(foo|foobar)/[\\1]/'") == "[foobar]\n")
        #expect(sh.combined("echo foofoo | awk '{ n = gsub(/o|f|oo/, \"X\"); print n, $0 }'") == "4 XXXX\n")
        #expect(sh.combined("echo 'ab abc' | grep -o 'ab\\|abc'") == "ab\nabc\n")
    }

    @Test func sedReplacementsUseCaptures() {
        let sh = makeShell()
        #expect(sh.combined("echo key=value | sed 's/\\(.*\\)=\\(.*\\)/\\2=\\1/'") == "value=key\n")
        #expect(sh.combined("echo 'John Smith' | sed -E 's/([A-Z])[a-z]+ ([A-Z][a-z]+)/\\2, \\1./'") == "Smith, J.\n")
        #expect(sh.combined("echo 'web-0 web-12' | sed -E 's/web-([0-9]+)/<&:\\1>/g'") == "<web-0:0> <web-12:12>\n")
        #expect(sh.combined("echo abc | sed -E 's/(x)?b/[\\1]/'") == "a[]c\n")
        #expect(sh.combined("echo aaa | sed 's/a*/X/g'; echo abc | sed 's/b*/-/g'") == "X\n-a-c-\n")
        #expect(sh.combined("echo abc | sed 's/^./X/g'") == "Xbc\n")
    }

    @Test func bracketExpressions() {
        let sh = makeShell()
        let lines = "a1\nB2\n_3\n 4\n\t5\n"
        #expect(sh.combined("grep '^[[:upper:]]'", stdin: lines) == "B2\n")
        #expect(sh.combined("grep '^[[:alpha:]_]'", stdin: lines) == "a1\nB2\n_3\n")
        #expect(sh.combined("grep -c '^[[:blank:]]'", stdin: lines) == "2\n")
        #expect(sh.combined("grep -o '[^[:space:]]*' | tr '\\n' ,", stdin: lines) == "a1,B2,_3,4,5,")
        #expect(sh.combined("echo 'a]b-c' | grep -o '[]-]'") == "]\n-\n")
        #expect(sh.combined("echo 'x^y' | grep -o '[y^]'") == "^\ny\n")
        #expect(sh.combined("echo 'f00d C0FFEE' | grep -oE '[[:xdigit:]]+'") == "f00d\nC0FFEE\n")
        #expect(sh.combined("echo 'a.b' | grep -o '[.]'") == ".\n")
        #expect(sh.combined("echo 'a\\b' | grep -c '[\\]'") == "1\n")
    }

    @Test func ignoreCaseFoldsLiteralsAndBrackets() {
        let sh = makeShell()
        #expect(sh.combined("echo 'Web-0 RUNNING' | grep -io 'running'") == "RUNNING\n")
        #expect(sh.combined("echo 'BX' | grep -ci '[a-c]x'") == "1\n")
        #expect(sh.combined("echo 'Hello HELLO' | sed 's/hello/bye/Ig'") == "bye bye\n")
        #expect(sh.combined("echo 'ÉTÉ' | grep -ci 'été'") == "1\n")
    }

    @Test func wholeWordAndWholeLine() {
        let sh = makeShell()
        let lines = "web\nwebsite\nmy web page\na@foo\n"
        #expect(sh.combined("grep -w web", stdin: lines) == "web\nmy web page\n")
        #expect(sh.combined("grep -w '@foo'; echo $?", stdin: lines) == "1\n")
        #expect(sh.combined("grep -x 'web\\|website'", stdin: lines) == "web\nwebsite\n")
        #expect(sh.combined("grep -o '\\<w[a-z]*\\>'", stdin: lines) == "web\nwebsite\nweb\n")
    }

    @Test func basicSyntaxDetails() {
        let sh = makeShell()
        #expect(sh.combined("echo 'a*b' | grep -o '*b'") == "*b\n")
        #expect(sh.combined("echo 'a+b' | grep -o 'a+b'") == "a+b\n")
        #expect(sh.combined("echo 'aab' | grep -o 'a\\+b'") == "aab\n")
        #expect(sh.combined("echo 'a{2}' | grep -oE 'a{'") == "a{\n")
        #expect(sh.combined("echo 'x$y' | grep -o 'x$y'") == "x$y\n")
        #expect(sh.combined("echo 'a^b' | grep -o 'a^b'") == "a^b\n")
        #expect(sh.combined("echo 'aaaa' | grep -oE 'a{,3}'") == "aaa\na\n")
    }

    @Test func backReferencesInThePattern() {
        let sh = makeShell()
        #expect(sh.combined("printf 'abab\\nabcd\\n' | grep '\\(ab\\)\\1'") == "abab\n")
        #expect(sh.combined("echo hello | sed -E 's/(l)\\1/[&]/'") == "he[ll]o\n")
        #expect(sh.combined("expr abcabc : '\\(abc\\)\\1'") == "abc\n")
        #expect(sh.combined("echo 'Abab' | grep -ic '\\(ab\\)\\1'") == "1\n")
    }

    /// glibc's regcomp messages, as GNU grep prints them.
    @Test func invalidPatterns() {
        let sh = makeShell()
        #expect(sh.combined("echo a | grep '\\(a\\)\\2'; echo $?") == "grep: Invalid back reference\n2\n")
        #expect(sh.combined("echo a | grep 'a\\{2,1\\}'; echo $?") == "grep: Invalid content of \\{\\}\n2\n")
        #expect(sh.combined("echo a | grep '['; echo $?") == "grep: Invalid regular expression\n2\n")
        #expect(sh.combined("echo a | grep '[a'; echo $?") == "grep: Unmatched [, [^, [:, [., or [=\n2\n")
        #expect(sh.combined("echo a | grep -E '(a'; echo $?") == "grep: Unmatched ( or \\(\n2\n")
        #expect(sh.combined("echo a | grep '[[:foo:]]'; echo $?") == "grep: Invalid character class name\n2\n")
        #expect(sh.combined("echo a | grep 'a\\'; echo $?") == "grep: Trailing backslash\n2\n")
        #expect(sh.combined("expr a : '\\('; echo $?") == "expr: Unmatched ( or \\(\n2\n")
    }

    @Test func exprAwkAndConditionals() {
        let sh = makeShell()
        #expect(sh.combined("expr hello : 'h\\(.*\\)'; expr aaa : 'a*'; expr abc : 'x'") == "ello\n3\n0\n")
        #expect(sh.combined("awk 'BEGIN { print match(\"xxabcabc\", /(abc)+/), RSTART, RLENGTH }'") == "3 3 6\n")
        #expect(sh.combined("echo 'a1b22c' | awk -F '[0-9]+' '{ print $1, $2, $3, NF }'") == "a b c 3\n")
        #expect(sh.combined("[[ web-12 =~ ^web-[0-9]+$ ]] && echo yes; [[ web- =~ ^web-[0-9]+$ ]] || echo no") == "yes\nno\n")
    }
}
