#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The host's real time, which only the interactive REPL consults (scripts stay on the virtual
/// clock); a protocol so tests can move it by hand.
public protocol WallClock: AnyObject {
    /// Milliseconds on a monotonic clock (not the date: only differences matter).
    func nowMillis() -> Int64
    /// Sleeps up to `ms`; may return early when a signal (Ctrl-C) arrives.
    func sleep(ms: Int64)
}

/// `CLOCK_MONOTONIC` and `nanosleep`, which returns early on SIGINT because kubelab's handler
/// is installed without SA_RESTART.
public final class MonotonicWallClock: WallClock {
    public init() {}

    public func nowMillis() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    public func sleep(ms: Int64) {
        guard ms > 0 else { return }
        var request = timespec(tv_sec: Int(ms / 1000), tv_nsec: Int(ms % 1000) * 1_000_000)
        var remaining = timespec()
        _ = nanosleep(&request, &remaining)
    }
}
