/// The characters a match can begin with, so the Pike VM skips positions where no match can start
/// without starting a thread there (most positions of most lines, for most patterns). ASCII is
/// answered from a bitmap worked out at compile time, since hashing a `Character` is slow.
struct StartFilter {
    /// A match may start with anything or with nothing (`.`, `x*`, `^$`).
    private var anything = false
    private var ascii: (UInt64, UInt64) = (0, 0)
    private var others: Set<Character> = []
    private var brackets: [BracketExpression] = []
    private var ignoreCase = false

    static let anyStart = StartFilter(anything: true)

    private init(anything: Bool) { self.anything = anything }

    init(_ program: RegexProgram) {
        ignoreCase = program.ignoreCase
        var seen = Set<Int>()
        var stack = [0]
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch program.instructions[pc] {
            case .character(let c):
                if let a = c.asciiValue { set(a) } else { others.insert(c) }
                if ignoreCase, let a = RegexCharacter.upper(c).asciiValue { set(a) }
            case .bracket(let b): brackets.append(b)
            case .anyCharacter, .match, .backReference: anything = true; return
            case .jump(let t), .loopEnd(_, let t): stack.append(t)
            case .split(let a, let b): stack.append(a); stack.append(b)
            case .save, .loopStart, .assertion: stack.append(pc + 1)
            }
        }
        for a in UInt8(0)..<128 where brackets.contains(where: { $0.matches(Character(Unicode.Scalar(a)), ignoreCase: ignoreCase) }) { set(a) }
    }

    private mutating func set(_ a: UInt8) {
        if a < 64 { ascii.0 |= 1 << UInt64(a) } else { ascii.1 |= 1 << UInt64(a - 64) }
    }

    /// Whether a match could start with `c`.
    func admits(_ c: Character) -> Bool {
        if anything { return true }
        if let a = c.asciiValue, c.utf8.count == 1 {
            return a < 64 ? ascii.0 & (1 << UInt64(a)) != 0 : ascii.1 & (1 << UInt64(a - 64)) != 0
        }
        return others.contains(ignoreCase ? RegexCharacter.fold(c) : c) || brackets.contains { $0.matches(c, ignoreCase: ignoreCase) }
    }
}
