import KubeAPI

/// Timed work for the virtual clock: a min-heap ordered by due time, then by insertion order,
/// so events at the same instant always run in the order they were scheduled.
struct EventQueue {
    struct Entry {
        let due: Millis
        let seq: Int
        let action: () -> Void
    }

    private var heap: [Entry] = []
    private var seq = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    var nextDue: Millis? { heap.first?.due }

    mutating func schedule(at due: Millis, _ action: @escaping () -> Void) {
        seq += 1
        heap.append(Entry(due: due, seq: seq, action: action))
        var i = heap.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if less(heap[i], heap[p]) { heap.swapAt(i, p); i = p } else { break }
        }
    }

    mutating func popFirst() -> Entry? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count && less(heap[l], heap[m]) { m = l }
            if r < heap.count && less(heap[r], heap[m]) { m = r }
            if m == i { break }
            heap.swapAt(i, m)
            i = m
        }
        return top
    }

    private func less(_ a: Entry, _ b: Entry) -> Bool { a.due != b.due ? a.due < b.due : a.seq < b.seq }
}
