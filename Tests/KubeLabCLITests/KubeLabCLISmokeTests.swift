import Testing
@testable import KubeLabCLI

@Test func KubeLabCLILoads() { #expect(Bool(true)) }
