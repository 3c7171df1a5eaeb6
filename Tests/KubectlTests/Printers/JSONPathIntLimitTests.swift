import Foundation
import KubeAPI
import Testing
@testable import Kubectl

/// Indexes, slices and steps at Int64's limits, recorded from real kubectl v1.32
/// (`kubectl create deployment web --image=nginx:1.25 --replicas=2 --port=80 --dry-run=client -o jsonpath=...`).
/// They once trapped on overflow; Go wraps its int arithmetic and answers with a bounds error.
@Suite struct JSONPathIntLimitTests {
    static let cases: [JSONPathTests.Case] = {
        guard let text = GoldenFiles.kubectl("jsonpath/int-limit-cases.json"), let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([JSONPathTests.Case].self, from: data)) ?? []
    }()

    @Test func casesLoaded() { #expect(Self.cases.count == 7) }

    @Test(arguments: cases)
    func matchesKubectl(_ c: JSONPathTests.Case) throws {
        let object = try #require(GoldenFiles.kubectlJSON("jsonpath/deployment.json"))
        var stdout = ""
        var stderr = ""
        do {
            let path = try JSONPathPrinter.parse(c.template)
            stdout = try JSONPathPrinter.render(path, object)
        } catch {
            stderr = "error: \(error.message)\n"
        }
        #expect(stdout == c.stdout)
        #expect(stderr == c.stderr)
    }
}
