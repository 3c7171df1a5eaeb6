import Foundation

/// Small integers for resource types, one per `qualifiedPlural`, so the store finds a type's
/// table by position instead of hashing its name on every read and write (a long simulation
/// reads the store tens of times per object it creates).
///
/// Numbers are handed out in the order types are first built, which can differ between runs;
/// they never leave the process and nothing is ordered by them. Types are built from several
/// threads when grading, hence the lock.
enum StorageID {
    private nonisolated(unsafe) static var numbers: [String: Int] = [:]
    private static let lock = NSLock()

    static func number(for qualifiedPlural: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let known = numbers[qualifiedPlural] { return known }
        let next = numbers.count
        numbers[qualifiedPlural] = next
        return next
    }
}
