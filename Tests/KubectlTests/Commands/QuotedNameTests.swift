import KubeAPI
import Testing
@testable import Kubectl

/// Names a student typed come back quoted as Go's `%q` quotes them (the API server's
/// NewInvalid/NewNotFound and kubectl's path errors use %q), so an escape sequence in a name
/// is shown as `\x1b[31m`, never sent to the terminal.
@Suite struct QuotedNameTests {
    @Test func invalidNameIsQuotedWithEscapes() {
        let h = CommandHarness()
        let r = h.run(args: ["create", "configmap", "\u{1B}[31mred"])
        #expect(r.code == 1)
        #expect(r.err.hasPrefix("error: failed to create configmap: ConfigMap \"\\x1b[31mred\" is invalid: metadata.name: Invalid value: \"\\x1b[31mred\": "))
        #expect(!r.err.contains("\u{1B}"))
    }

    @Test func notFoundNameIsQuotedWithEscapes() {
        let r = CommandHarness().run(args: ["get", "pod", "a\u{1B}]0;owned\u{07}b"])
        #expect(r == .init(out: "", err: "Error from server (NotFound): pods \"a\\x1b]0;owned\\ab\" not found\n", code: 1))
    }

    @Test func missingPathIsQuotedWithEscapes() {
        // kubectl v1.32 offline: `kubectl apply -f $'x\ey.yaml'` → error: the path "x\x1by.yaml" does not exist
        let r = CommandHarness().run(args: ["apply", "-f", "x\u{1B}y.yaml"])
        #expect(r == .init(out: "", err: "error: the path \"x\\x1by.yaml\" does not exist\n", code: 1))
    }

    @Test func goQuoteEscapesWhatStrconvQuoteEscapes() {
        #expect(GoFormat.quoted("tab\there\"\\") == "\"tab\\there\\\"\\\\\"")
        #expect(GoFormat.quoted("\u{07}\u{08}\u{0C}\u{0B}\u{7F}") == "\"\\a\\b\\f\\v\\x7f\"")
        #expect(GoFormat.quoted("\u{9B}31m\u{202E}evil\u{200B}") == "\"\\u009b31m\\u202eevil\\u200b\"")
        #expect(GoFormat.quoted("웹-서버 ok") == "\"웹-서버 ok\"")
    }
}
