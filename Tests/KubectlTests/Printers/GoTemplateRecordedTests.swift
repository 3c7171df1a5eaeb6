import Foundation
import KubeAPI
import Testing
@testable import Kubectl

/// Go-template cases recorded from the real kubectl v1.32 (Golden/kubectl/go-template/record.py runs
/// `kubectl create ... --dry-run=client -o go-template=...` offline): the same command through kubelab
/// prints the same stdout and stderr and exits the same way.
@Suite struct GoTemplateRecordedTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let args: [String]
        let stdout: String
        let stderr: String
        let code: Int32
        var testDescription: String { args.last ?? "" }
    }

    static let cases: [Case] = {
        guard let text = GoldenFiles.kubectl("go-template/cases.json"), let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    @Test func casesLoaded() {
        #expect(Self.cases.count == 265)
    }

    @Test(arguments: cases)
    func matchesKubectl(_ c: Case) {
        let result = CommandHarness().run(args: c.args)
        #expect(result == .init(out: c.stdout, err: c.stderr, code: c.code))
    }
}
