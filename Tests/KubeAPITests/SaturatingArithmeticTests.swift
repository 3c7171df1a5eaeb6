import KubeAPI
import Testing

@Test func int64ArithmeticSaturatesInsteadOfTrapping() {
    #expect(Int64(2).adding(saturating: 3) == 5)
    #expect(Int64.max.adding(saturating: 1) == .max)
    #expect(Int64.min.adding(saturating: -1) == .min)
    #expect(Int64(5).subtracting(saturating: 7) == -2)
    #expect(Int64.min.subtracting(saturating: 1) == .min)
    #expect(Int64.max.subtracting(saturating: -1) == .max)
}
