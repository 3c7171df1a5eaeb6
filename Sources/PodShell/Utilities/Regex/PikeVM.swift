/// Thompson NFA simulation with submatch tracking (a Pike VM): every live thread advances one
/// character at a time and threads meeting at the same instruction merge, so a search costs at
/// most (text length × program size) steps whatever the pattern is. `^(a+)+$` cannot backtrack.
///
/// Semantics are POSIX leftmost-longest for the whole match; groups come from the highest-priority
/// thread reaching that match (greedy, first alternative first), as RE2's longest-match mode does.
struct PikeVM {
    let program: RegexProgram
    /// Thread lists kept between searches: `s///g` on short lines would otherwise spend its time
    /// allocating them.
    let memory: PikeVMMemory
    /// One search is linear, but finding every match of `a|a*c` in a long line of `a`s searches
    /// to the end from each position: the budget bounds that quadratic case.
    let budget: StepBudget

    /// Capture slots of the leftmost-longest match at or after `from`; with `earliest`, of the first
    /// match found (enough to answer "does it match?").
    func search(_ text: Substring, from: String.Index, earliest: Bool = false) throws(PosixRegex.StepLimitExceeded) -> [String.Index?]? {
        let code = program.instructions
        let slots = program.slotCount
        var current = memory.current ?? ThreadList(size: code.count, slots: slots)
        var next = memory.next ?? ThreadList(size: code.count, slots: slots)
        var stack = memory.stack
        memory.current = nil
        memory.next = nil
        current.clear()
        next.clear()
        defer {
            memory.current = current
            memory.next = next
            stack.removeAll(keepingCapacity: true)
            memory.stack = stack
        }
        var seed = [String.Index?](repeating: nil, count: slots)
        var scratch = seed
        var best: [String.Index?]?
        var pos = from
        var previous: Character? = from == text.startIndex ? nil : text[text.index(before: from)]
        var here: Character? = pos < text.endIndex ? text[pos] : nil
        let filter = program.startFilter
        while true {
            if best == nil && current.count == 0 {
                while let c = here, !filter.admits(c) {
                    previous = c
                    pos = text.index(after: pos)
                    here = pos < text.endIndex ? text[pos] : nil
                }
            }
            if best == nil {
                for s in 0..<slots { seed[s] = nil }
                add(&current, 0, at: pos, previous: previous, next: here, captures: &seed, stack: &stack)
            }
            if current.count == 0 && (best != nil || here == nil) { break }
            budget.remaining -= current.count + 1
            if budget.remaining < 0 { throw PosixRegex.StepLimitExceeded(backReferences: false) }
            let folded = here.map { program.ignoreCase ? RegexCharacter.fold($0) : $0 }
            let after = here == nil ? pos : text.index(after: pos)
            let following: Character? = after < text.endIndex ? text[after] : nil
            for k in 0..<current.count {
                let pc = current.dense[k]
                let base = k * slots
                if let b = best, let start = current.captures[base], let bestStart = b[0], start > bestStart { continue }
                var advances = false
                switch code[pc] {
                case .match:
                    let start = current.captures[base]!
                    if let b = best, let bestStart = b[0], !(start < bestStart || start == bestStart && pos > b[1]!) { continue }
                    best = Array(current.captures[base..<(base + slots)])
                    best![1] = pos
                    if earliest { return best }
                case .character(let ch): advances = folded == ch
                case .anyCharacter: advances = here != nil
                case .bracket(let set): advances = here.map { set.matches($0, ignoreCase: program.ignoreCase) } ?? false
                default: break
                }
                if advances {
                    for s in 0..<slots { scratch[s] = current.captures[base + s] }
                    add(&next, pc + 1, at: after, previous: here, next: following, captures: &scratch, stack: &stack)
                }
            }
            if here == nil { break }
            swap(&current, &next)
            next.clear()
            previous = here
            here = following
            pos = after
        }
        return best
    }


    /// Follows every empty transition from `pc` at `pos` in priority order, adding the threads that
    /// wait on a character (or have matched) to `list` once per instruction.
    private func add(_ list: inout ThreadList, _ pc: Int, at pos: String.Index, previous: Character?, next: Character?,
                     captures: inout [String.Index?], stack: inout [Frame]) {
        let code = program.instructions
        stack.append(.explore(pc))
        while let frame = stack.popLast() {
            switch frame {
            case .restore(let slot, let value): captures[slot] = value
            case .explore(let pc):
                guard list.insert(pc) else { continue }
                switch code[pc] {
                case .jump(let t): stack.append(.explore(t))
                case .split(let a, let b): stack.append(.explore(b)); stack.append(.explore(a))
                case .save(let s):
                    stack.append(.restore(slot: s, value: captures[s]))
                    captures[s] = pos
                    stack.append(.explore(pc + 1))
                case .loopStart: stack.append(.explore(pc + 1))
                case .loopEnd(_, let target): stack.append(.explore(target))
                case .assertion(let a): if a.holds(previous: previous, next: next) { stack.append(.explore(pc + 1)) }
                case .backReference: break
                case .character, .anyCharacter, .bracket, .match: list.keep(pc, captures)
                }
            }
        }
    }
}

enum PikeVMFrame { case explore(Int), restore(slot: Int, value: String.Index?) }
private typealias Frame = PikeVMFrame

/// The Pike VM's working storage, owned by one compiled pattern (a class so that copies of the
/// pattern share it; one command uses a pattern from one thread).
final class PikeVMMemory {
    fileprivate var current: ThreadList?
    fileprivate var next: ThreadList?
    fileprivate var stack: [PikeVMFrame] = []
}

/// The threads at one text position: a sparse set over instructions (each instruction at most
/// once) and the capture slots of the threads that wait on a character, in priority order.
struct ThreadList {
    var dense: [Int] = []
    var captures: [String.Index?] = []
    private var seen: [Int]
    private var seenCount = 0
    private var seenAt: [Int]
    private let slots: Int

    init(size: Int, slots: Int) {
        self.slots = slots
        seen = [Int](repeating: 0, count: size)
        seenAt = [Int](repeating: 0, count: size)
        dense.reserveCapacity(size)
    }

    var count: Int { dense.count }

    /// False when `pc` is already in this list.
    mutating func insert(_ pc: Int) -> Bool {
        let k = seenAt[pc]
        if k < seenCount && seen[k] == pc { return false }
        seenAt[pc] = seenCount
        seen[seenCount] = pc
        seenCount += 1
        return true
    }

    mutating func keep(_ pc: Int, _ caps: [String.Index?]) {
        dense.append(pc)
        captures.append(contentsOf: caps)
    }

    mutating func clear() {
        dense.removeAll(keepingCapacity: true)
        captures.removeAll(keepingCapacity: true)
        seenCount = 0
    }
}
