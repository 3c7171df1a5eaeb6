import Testing
@testable import KubeAPI

/// Go's strconv.Atoi as kubectl's flags and the cron parser use it.
@Suite struct GoAtoiTests {
    @Test(arguments: [
        ("0", .success(0)), ("+80", .success(80)), ("-5", .success(-5)),
        ("9223372036854775807", .success(Int.max)), ("-9223372036854775808", .success(Int.min)),
    ] as [(String, Result<Int, GoAtoi.Failure>)])
    func numbers(_ text: String, _ expected: Result<Int, GoAtoi.Failure>) {
        #expect(GoAtoi.parse(text) == expected)
    }

    @Test(arguments: [
        ("", GoAtoi.Failure.invalidSyntax), ("+", .invalidSyntax), ("1_000", .invalidSyntax), ("0x10", .invalidSyntax),
        (" 1", .invalidSyntax), ("١", .invalidSyntax), ("9223372036854775808", .outOfRange), ("-9223372036854775809", .outOfRange),
        // Go stops at the overflow before it reaches the bad character.
        ("99999999999999999999x", .outOfRange), ("9x9999999999999999999", .invalidSyntax),
    ])
    func refusals(_ text: String, _ failure: GoAtoi.Failure) {
        #expect(GoAtoi.parse(text) == .failure(failure))
    }

    @Test func messages() {
        #expect(GoAtoi.message("a\u{1b}", .invalidSyntax) == "strconv.Atoi: parsing \"a\\x1b\": invalid syntax")
        #expect(GoAtoi.message("99999999999999999999", .outOfRange) == "strconv.Atoi: parsing \"99999999999999999999\": value out of range")
    }
}
