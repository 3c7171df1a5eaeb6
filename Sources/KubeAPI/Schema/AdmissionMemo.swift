import Foundation

/// Results of admission steps that depend on one value alone, remembered by that value's storage.
///
/// Controllers stamp objects out of templates: every Job a CronJob starts carries the CronJob's pod
/// template, and every pod of a Job carries the Job's. Defaulting or validating such a spec again
/// gives what it gave the last time, and over a virtual day of CronJobs that repeated work was a
/// twentieth of the simulation. Defaulting and validation are pure functions of the spec (and of a
/// variant: the operation, the field path errors are reported under), so the first result serves
/// every later copy.
///
/// Entries are found by the storage identity of the input, never by a deep comparison: a copy of a
/// stored value shares its storage until written, so a lookup costs one pointer and a hash, and
/// values built afresh (a user's manifest) simply miss. Two values sharing storage are equal, and a
/// held entry keeps its input alive, so a freed address can never be taken for it. The table is
/// emptied when full, so no input can grow it; grading replays transcripts on several threads,
/// hence the lock.
final class AdmissionMemo<Variant: Hashable, Output>: @unchecked Sendable {
    private struct Key: Hashable {
        let storage: UnsafeRawPointer
        let variant: Variant
    }

    private struct Entry {
        /// Held so the storage the key names stays allocated (and so unchanged) while remembered.
        let input: JSONValue
        let output: Output
    }

    /// More entries than templates a cluster runs at once: CronJobs fire in turn, and a table smaller
    /// than their number would miss on every turn.
    static var capacity: Int { 512 }

    private var entries: [Key: Entry] = [:]
    private let lock = NSLock()

    /// `compute()`'s result for `input` under `variant`, computed on the first request only.
    func value(for input: JSONValue, variant: Variant, _ compute: () -> Output) -> Output {
        guard let storage = input.objectStorage else { return compute() }
        let key = Key(storage: storage, variant: variant)
        lock.lock()
        let known = entries[key]
        lock.unlock()
        if let known { return known.output }
        let output = compute()
        lock.lock()
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = Entry(input: input, output: output)
        lock.unlock()
        return output
    }
}

extension JSONValue {
    /// Where a non-empty object's members are stored: equal for copies that were not written since,
    /// so equal addresses mean equal objects. Nil for other values and for empty objects.
    var objectStorage: UnsafeRawPointer? {
        guard case .object(let o) = self, !o.isEmpty else { return nil }
        return o.storageAddress
    }
}

extension JSONObject {
    /// The address of the members' storage (see `JSONValue.objectStorage`).
    var storageAddress: UnsafeRawPointer? {
        entries.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }
}
