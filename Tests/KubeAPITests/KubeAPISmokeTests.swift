import Testing
@testable import KubeAPI

@Test func KubeAPILoads() { #expect(Bool(true)) }
