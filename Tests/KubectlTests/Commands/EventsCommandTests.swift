import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl events`: its refusals (the listing is in WalkthroughTests' EventsWalkthroughTests).
@Suite struct EventsCommandTests {
    @Test(arguments: [
        ("events --for web", "error: --for must be in resource/name form\n"),
        ("events --for pod/a/b", "error: arguments in resource/name form may not have more than one slash\n"),
        ("events --types=Info", "error: valid --types are Normal or Warning\n"),
        ("events --for foo/x", "error: the server doesn't have a resource type \"foo\"\n"),
        ("events -w -o yaml", "error: kubelab does not simulate \"kubectl events --watch -o\" yet\n"),
    ])
    func refusals(_ line: String, _ err: String) {
        #expect(CommandHarness().run(line) == .init(out: "", err: err, code: 1))
    }

    @Test func noEventsIsNotAnError() {
        let h = CommandHarness()
        #expect(h.run("events -n kube-public") == .init(out: "", err: "No events found in kube-public namespace.\n", code: 0))
    }
}
