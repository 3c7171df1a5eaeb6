import Testing
@testable import KubeSim

@Test func KubeSimLoads() { #expect(Bool(true)) }
