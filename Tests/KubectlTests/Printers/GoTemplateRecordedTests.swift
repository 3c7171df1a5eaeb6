import Foundation
import KubeAPI
import Testing
@testable import Kubectl

/// Go-template cases recorded from the real kubectl v1.32 (Golden/kubectl/go-template/record.py runs
/// `kubectl create ... --dry-run=client -o go-template=...` offline): the same command through kubelab
/// prints the same stdout and stderr and exits the same way.
@Suite struct GoTemplateRecordedTests {
    static let cases = RecordedCommandCase.load("go-template/cases.json")

    @Test func casesLoaded() {
        #expect(Self.cases.count == 265)
    }

    @Test(arguments: cases)
    func matchesKubectl(_ c: RecordedCommandCase) {
        let result = CommandHarness().run(args: c.args)
        #expect(result == .init(out: c.stdout, err: c.stderr, code: c.code))
    }
}
