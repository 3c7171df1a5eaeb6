import Testing
@testable import PodShell

@Test func PodShellLoads() { #expect(Bool(true)) }
