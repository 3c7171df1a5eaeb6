import KubeAPI
import Testing
@testable import Kubectl

/// The design asks for 10,000 pods to stay interactive; printing them must be quick.
@Suite struct ScaleTests {
    @Test func tenThousandPodsPrintQuickly() throws {
        let pods = (0..<10_000).map { Fixtures.runningPod("web-\($0)", ago: $0 % 500, ip: "10.244.\($0 / 250).\($0 % 250)") }
        let start = ContinuousClock.now
        let table = try TablePrinter.render(Fixtures.type("po"), pods, options: TableOptions(wide: true), now: Fixtures.now)
        let names = try GetOutput.render([ResourceGroup(Fixtures.type("po"), pods)],
                                         format: .jsonpath("{.items[*].metadata.name}"), now: Fixtures.now)
        let elapsed = ContinuousClock.now - start
        #expect(table.split(separator: "\n").count == 10_001)
        #expect(names.hasPrefix("web-0 web-1 "))
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }
}
