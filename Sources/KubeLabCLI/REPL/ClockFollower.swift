/// Keeps the cluster clock in step with the wall clock in the REPL: time passes on the cluster
/// exactly as much as it passed for the learner, whether they were typing or waiting.
public final class ClockFollower {
    /// Short enough that Ctrl-C and streamed changes feel immediate.
    public static let sliceMillis: Int64 = 100

    private let clock: WallClock
    private let advance: (Int64) -> Void
    private var lastSync: Int64

    /// `advance` moves the cluster clock (the session's `advanceWallClock(ms:)`).
    public init(clock: WallClock, advance: @escaping (Int64) -> Void) {
        self.clock = clock
        self.advance = advance
        lastSync = clock.nowMillis()
    }

    /// Gives the cluster the wall time that passed since the last call.
    public func catchUp() {
        let now = clock.nowMillis()
        guard now > lastSync else { return }
        advance(now - lastSync)
        lastSync = now
    }

    /// `terminal.wait` in the REPL: sleeps real time in short slices, advancing the cluster after
    /// each, and stops early when `isInterrupted` turns true. Returns false when cut short.
    public func wait(ms: Int64, isInterrupted: () -> Bool) -> Bool {
        catchUp()
        let end = lastSync + max(0, ms)
        // A clock that stands still must not hold the loop forever.
        var slicesLeft = max(0, ms) + 16
        while lastSync < end && slicesLeft > 0 {
            if isInterrupted() { return false }
            clock.sleep(ms: min(end - lastSync, Self.sliceMillis))
            catchUp()
            slicesLeft -= 1
        }
        return !isInterrupted()
    }
}
