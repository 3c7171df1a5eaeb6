/// One step of a compiled pattern. Both matchers run the same program: the Pike VM for every
/// pattern without back-references, the bounded backtracker for those with them.
enum RegexInstruction {
    case character(Character)
    case anyCharacter
    case bracket(BracketExpression)
    case assertion(RegexAssertion)
    /// Try `preferred` first, then `alternative`.
    case split(preferred: Int, alternative: Int)
    case jump(Int)
    /// Record the position in capture slot `n` (2k and 2k+1 bound group k; 0 and 1 the whole match).
    case save(Int)
    /// Start of one iteration of an unbounded loop: remember the position in loop register `n`.
    case loopStart(Int)
    /// End of the iteration: go back to `target` only if it consumed something (the backtracker
    /// needs this to end `(a*)*`; the Pike VM's per-position state set ends it anyway).
    case loopEnd(register: Int, target: Int)
    case backReference(Int)
    case match
}

/// A compiled pattern with its limits checked.
struct RegexProgram {
    /// Instructions one pattern may compile to: `a{1000}{1000}` would be a million and make every
    /// character of the text cost as much.
    static let maxInstructions = 30_000

    var instructions: [RegexInstruction] = []
    var slotCount = 2
    var loopRegisters = 0
    var ignoreCase = false
    var usesBackReferences = false
    var startFilter = StartFilter.anyStart
    /// The pattern is this plain string (`grep Running`): found by a substring search.
    var literal: [Character]? {
        didSet { asciiLiteral = literal.flatMap(ASCIILiteralSearch.init) }
    }
    /// The same string as bytes, when it is plain ASCII (searched without comparing `Character`s).
    private(set) var asciiLiteral: ASCIILiteralSearch?

    /// Compiles `node` as `save 0, node, save 1, match`.
    static func compile(_ node: RegexNode, groups: Int, ignoreCase: Bool) throws(PosixRegex.CompileError) -> RegexProgram {
        guard Self.size(of: node) + 3 <= maxInstructions else { throw .tooBig }
        var program = RegexProgram(slotCount: 2 * (groups + 1), ignoreCase: ignoreCase, usesBackReferences: node.containsBackReference)
        program.instructions.reserveCapacity(size(of: node) + 3)
        program.emit(.save(0))
        program.emitNode(node)
        program.emit(.save(1))
        program.emit(.match)
        program.startFilter = StartFilter(program)
        program.literal = ignoreCase ? nil : node.plainText
        return program
    }

    /// Instructions `node` compiles to, saturating so that nested counts cannot overflow.
    static func size(of node: RegexNode) -> Int {
        let cap = maxInstructions + 1
        switch node {
        case .empty: return 0
        case .literal, .anyCharacter, .bracket, .assertion, .backReference: return 1
        case .group(let n, _): return min(cap, size(of: n) + 2)
        case .concatenation(let ns): return min(cap, ns.reduce(0) { min(cap, $0 + size(of: $1)) })
        case .alternation(let ns): return min(cap, ns.reduce(0) { min(cap, $0 + size(of: $1) + 2) })
        case .repetition(let n, let lo, let hi):
            // lo copies, then either (hi - lo) optional copies (split + body) or one loop (split,
            // loopStart, body, loopEnd); the counts are at most RE_DUP_MAX, so nothing overflows.
            let body = size(of: n)
            let total = hi.map { lo * body + ($0 - lo) * (body + 1) } ?? (lo * body + body + 3)
            return min(cap, total)
        }
    }

    private mutating func emit(_ i: RegexInstruction) { instructions.append(i) }
    private var next: Int { instructions.count }

    private mutating func emitNode(_ node: RegexNode) {
        switch node {
        case .empty: break
        case .literal(let ch): emit(.character(ignoreCase ? RegexCharacter.fold(ch) : ch))
        case .anyCharacter: emit(.anyCharacter)
        case .bracket(let b): emit(.bracket(b))
        case .assertion(let a): emit(.assertion(a))
        case .backReference(let k): emit(.backReference(k))
        case .group(let inner, let index):
            emit(.save(2 * index))
            emitNode(inner)
            emit(.save(2 * index + 1))
        case .concatenation(let ns): for n in ns { emitNode(n) }
        case .alternation(let ns):
            var jumps: [Int] = []
            for (k, n) in ns.enumerated() {
                if k < ns.count - 1 {
                    let split = next
                    emit(.split(preferred: split + 1, alternative: -1))
                    emitNode(n)
                    jumps.append(next)
                    emit(.jump(-1))
                    instructions[split] = .split(preferred: split + 1, alternative: next)
                } else {
                    emitNode(n)
                }
            }
            for j in jumps { instructions[j] = .jump(next) }
        case .repetition(let n, let lo, let hi):
            for _ in 0..<lo { emitNode(n) }
            if let hi {
                var exits: [Int] = []
                for _ in lo..<max(lo, hi) {
                    exits.append(next)
                    emit(.split(preferred: next + 1, alternative: -1))
                    emitNode(n)
                }
                for e in exits { instructions[e] = .split(preferred: e + 1, alternative: next) }
            } else {
                let register = loopRegisters
                loopRegisters += 1
                let head = next
                emit(.split(preferred: head + 1, alternative: -1))
                emit(.loopStart(register))
                emitNode(n)
                emit(.loopEnd(register: register, target: head))
                instructions[head] = .split(preferred: head + 1, alternative: next)
            }
        }
    }
}

private extension RegexNode {
    /// The characters of a pattern made only of literals.
    var plainText: [Character]? {
        switch self {
        case .literal(let c): return [c]
        case .concatenation(let ns):
            var text: [Character] = []
            for n in ns { guard case .literal(let c) = n else { return nil }; text.append(c) }
            return text.isEmpty ? nil : text
        default: return nil
        }
    }
}
