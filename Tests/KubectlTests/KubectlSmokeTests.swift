import Testing
@testable import Kubectl

@Test func KubectlLoads() { #expect(Bool(true)) }
