/// Matches patterns with back-references in the pattern (`\(a*\)\1`), which no automaton can match
/// in linear time: a depth-first search over the same program that explores every path for the
/// longest match, stopped by a step budget shared by every search with one compiled pattern.
struct BoundedBacktracker {
    /// Steps one compiled pattern with back-references may take over the whole command.
    static let maxSteps = 10_000_000

    let program: RegexProgram
    let budget: StepBudget

    /// Capture slots of the leftmost-longest match at or after `from`.
    func search(_ text: Substring, from: String.Index) throws(PosixRegex.StepLimitExceeded) -> [String.Index?]? {
        var start = from
        while true {
            if let found = try longest(text, at: start) { return found }
            if start == text.endIndex { return nil }
            start = text.index(after: start)
        }
    }

    private struct Thread {
        var pc: Int
        var pos: String.Index
        var captures: [String.Index?]
        var loops: [String.Index?]
    }

    private func longest(_ text: Substring, at start: String.Index) throws(PosixRegex.StepLimitExceeded) -> [String.Index?]? {
        let code = program.instructions
        let fold = program.ignoreCase
        var best: [String.Index?]?
        var stack = [Thread(pc: 0, pos: start, captures: .init(repeating: nil, count: program.slotCount),
                            loops: .init(repeating: nil, count: program.loopRegisters))]
        while var t = stack.popLast() {
            running: while true {
                budget.remaining -= 1
                if budget.remaining < 0 { throw PosixRegex.StepLimitExceeded(backReferences: true) }
                let here: Character? = t.pos < text.endIndex ? text[t.pos] : nil
                switch code[t.pc] {
                case .character(let ch):
                    guard let c = here, (fold ? RegexCharacter.fold(c) : c) == ch else { break running }
                    t.pos = text.index(after: t.pos); t.pc += 1
                case .anyCharacter:
                    guard here != nil else { break running }
                    t.pos = text.index(after: t.pos); t.pc += 1
                case .bracket(let set):
                    guard let c = here, set.matches(c, ignoreCase: fold) else { break running }
                    t.pos = text.index(after: t.pos); t.pc += 1
                case .assertion(let a):
                    let previous: Character? = t.pos == text.startIndex ? nil : text[text.index(before: t.pos)]
                    guard a.holds(previous: previous, next: here) else { break running }
                    t.pc += 1
                case .split(let a, let b):
                    var other = t
                    other.pc = b
                    stack.append(other)
                    t.pc = a
                case .jump(let target): t.pc = target
                case .save(let s): t.captures[s] = t.pos; t.pc += 1
                case .loopStart(let r): t.loops[r] = t.pos; t.pc += 1
                case .loopEnd(let r, let target):
                    guard t.loops[r] != t.pos else { break running }
                    t.pc = target
                case .backReference(let k):
                    guard let from = t.captures[2 * k], let to = t.captures[2 * k + 1] else { break running }
                    var p = t.pos
                    for c in text[from..<to] {
                        budget.remaining -= 1
                        guard p < text.endIndex, fold ? RegexCharacter.fold(text[p]) == RegexCharacter.fold(c) : text[p] == c else { break running }
                        p = text.index(after: p)
                    }
                    t.pos = p; t.pc += 1
                case .match:
                    if best == nil || t.pos > best![1]! {
                        best = t.captures
                        best![1] = t.pos
                    }
                    if t.pos == text.endIndex { return best }
                    break running
                }
            }
        }
        return best
    }
}

/// The steps left to one compiled pattern over a command; a class so every copy of the pattern
/// (an awk regex literal evaluated per record) draws on the same budget.
final class StepBudget {
    /// Thread steps (threads alive at each character) one pattern without back-references may take
    /// over the whole command: far beyond any 8 MiB input a real pattern scans, a few seconds.
    static let maxPikeSteps = 100_000_000

    var remaining: Int

    init(backReferences: Bool) {
        remaining = backReferences ? BoundedBacktracker.maxSteps : Self.maxPikeSteps
    }
}
