import KubeAPI
import Testing
@testable import Kubectl

/// Every served kind is printed on purpose: it has a table and a describer entry (possibly the
/// server's default table or the generic describer), and nothing is registered for kinds not served.
@Suite struct KindPrintersTests {
    @Test func everyServedKindHasPrinters() {
        let served = Set(KindRegistry.all.map(\.resource.kind))
        #expect(Set(KindPrinters.byKind.keys) == served)
    }
}
