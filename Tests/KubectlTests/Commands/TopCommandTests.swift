import Testing
@testable import Kubectl

/// `kubectl top` on a cluster without metrics-server (kubeadm installs none, nor does the
/// sandbox): flag checks first, in kubectl's words (checked with /usr/bin/kubectl), then the
/// missing metrics API.
@Suite struct TopCommandTests {
    @Test(arguments: [
        ("top pods", "error: Metrics API not available\n"),
        ("top no", "error: Metrics API not available\n"),
        ("top pod --sort-by=disk", "error: --sort-by accepts only cpu or memory\n"),
        ("top pod web -l app=web", "error: only one of NAME or selector can be provided\n"),
        ("top frob", "error: unknown command \"frob\"\nSee 'kubectl top -h' for help and examples\n"),
        ("top node --containers", "Error: unknown flag: --containers\nSee 'kubectl top node --help' for usage.\n"),
    ])
    func refusals(_ line: String, _ err: String) {
        #expect(CommandHarness().run(line) == .init(out: "", err: err, code: 1))
    }
}
