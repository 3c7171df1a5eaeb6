import KubeAPI

/// One simulated cluster: the store, the virtual clock, timed events and the controllers.
///
/// Nothing happens between calls except through the clock: `settle()` runs controllers until
/// no work is left at the current instant, and `advance(by:)` moves time forward event by event.
public final class Cluster {
    public let store: ObjectStore
    /// The write path kubectl uses (admission, allocation, deletion propagation).
    public private(set) lazy var api = APIServer(cluster: self)
    public private(set) var now: Millis
    public var rng: SeededGenerator
    /// What went wrong inside the simulation that a user should hear about (runaway loops).
    public private(set) var faults: [String] = []
    /// Why controllers' objects wait (for lessons' hints; see `WaitReasons`).
    public let waitReasons = WaitReasons()

    /// Lets repeated events aggregate (see `recordEvent`).
    let eventAggregator = EventAggregator()
    /// Drops events an hour after their last write (see `EventExpiry`).
    let eventExpiry = EventExpiry()

    private var timed = EventQueue()
    private var controllers: [Controller] = []
    /// Kind → the controllers watching it, in registration order (filled as kinds are seen).
    private var routes: [String: [Int]] = [:]
    /// Delivers every change to every controller, whatever it watches: for tests that check
    /// that the routes leave each controller's work as it was.
    public var deliversEveryKind = false
    private var tickers: [Ticker] = []
    private var queued: Set<QueuedKey> = []
    private var work: [QueuedKey] = []
    private var workHead = 0
    private var settling = false

    /// Upper bound on controller syncs in one settle, so a controller bug ends with a message
    /// instead of an exhausted machine.
    public var maxSyncsPerSettle = 2_000_000

    struct QueuedKey: Hashable {
        let controller: Int
        let key: String
    }

    public init(seed: UInt64, start: Millis) {
        now = start
        rng = SeededGenerator(seed: seed)
        store = ObjectStore(now: { start }, makeUID: { "" })
        store.now = { [unowned self] in self.now }
        store.makeUID = { [unowned self] in self.rng.uuid() }
        // No controller reacts to Events, and every other change records some. Node leases are
        // renewed every 10 s and read by the node lifecycle controller on its own schedule.
        store.watch({ $0.kind != "Event" && $0.kind != "Lease" }) { [unowned self] event in self.enqueue(for: event) }
    }

    // MARK: Controllers

    public func register(_ controller: Controller) {
        controllers.append(controller)
        routes = [:]
    }

    /// Ends the simulation: drops timed events, controllers and watches. Their closures and
    /// back-references hold the cluster (a timed event that captures it, a controller that keeps
    /// it), so without this a finished session's cluster would never be freed; the session that
    /// owns the cluster calls it when it ends (grading replays thousands in one process).
    public func shutDown() {
        timed = EventQueue()
        controllers = []
        routes = [:]
        tickers = []
        queued = []
        work = []
        workHead = 0
        store.unwatchAll()
    }

    public func controller<T: Controller>(_ type: T.Type) -> T? { controllers.first { $0 is T } as? T }

    /// Adds periodic work that is caught up lazily (see `Ticker`).
    public func register(ticker: Ticker) { tickers.append(ticker) }

    /// Hands a change to the controllers that watch its kind, in registration order (the order
    /// keys were queued in before routing, so syncs run in the same order).
    private func enqueue(for event: WatchEvent) {
        for i in route(for: event.resource.kind) {
            for key in controllers[i].keys(for: event, in: self) { enqueue(controller: i, key: key) }
        }
    }

    private func route(for kind: String) -> [Int] {
        if deliversEveryKind { return Array(controllers.indices) }
        if let known = routes[kind] { return known }
        let watching = controllers.indices.filter { controllers[$0].watchedKinds.contains(kind) }
        routes[kind] = watching
        return watching
    }

    private func enqueue(controller: Int, key: String) {
        let q = QueuedKey(controller: controller, key: key)
        if queued.insert(q).inserted { work.append(q) }
    }

    /// Asks `controller` to sync `key` during the next settle.
    public func enqueue(_ controller: Controller, key: String) {
        guard let i = controllers.firstIndex(where: { $0 === controller }) else { return }
        enqueue(controller: i, key: key)
    }

    /// Runs controllers until none has work left at the current instant.
    public func settle() {
        if settling { return }
        settling = true
        defer { settling = false }
        var syncs = 0
        while workHead < work.count {
            let item = work[workHead]
            workHead += 1
            queued.remove(item)
            controllers[item.controller].sync(item.key, in: self)
            syncs += 1
            if syncs >= maxSyncsPerSettle {
                faults.append("controllers did not settle after \(syncs) syncs; the simulation paused")
                queued.removeAll()
                work.removeAll()
                workHead = 0
                return
            }
            if workHead > 4096 && workHead * 2 > work.count {
                work.removeFirst(workHead)
                workHead = 0
            }
        }
        work.removeAll(keepingCapacity: true)
        workHead = 0
    }

    // MARK: Time

    /// Runs `action` when the clock reaches `now + delay` (milliseconds).
    public func schedule(after delay: Millis, _ action: @escaping () -> Void) {
        timed.schedule(at: now + max(0, delay), action)
    }

    public func schedule(at time: Millis, _ action: @escaping () -> Void) {
        timed.schedule(at: max(now, time), action)
    }

    public var nextEventTime: Millis? { timed.nextDue }

    /// Moves the clock forward, running every timed event that falls due on the way.
    public func advance(by delta: Millis) {
        advance(to: now + max(0, delta))
    }

    public func advance(to target: Millis) {
        settle()
        while let due = timed.nextDue, due <= target {
            runWindow(startingAt: due, until: target)
        }
        now = max(now, target)
        catchUpTickers()
        settle()
    }

    /// Lets periodic writes catch up to the clock (see `Ticker`): done where the clock stops for
    /// someone to look, not at every instant in between.
    public func catchUpTickers() {
        for ticker in tickers where ticker.nextDue <= now { ticker.catchUp(in: self) }
    }

    /// How long controllers may lag behind the kubelets' timed events. Events falling in one
    /// window run together and controllers settle once after them, as informers batch real
    /// watch events; without it a StatefulSet of N pods would re-sync N times per pod change.
    public var reactionWindow: Millis = 250

    private func runWindow(startingAt due: Millis, until target: Millis) {
        let end = min(target, due + reactionWindow)
        while let next = timed.nextDue, next <= end {
            let entry = timed.popFirst()!
            now = max(now, entry.due)
            entry.action()
        }
        settle()
    }

    /// Advances until `done()` holds or `limit` passes; returns whether it held. `observe` runs
    /// after each step so watchers can print changes at the time they happen.
    @discardableResult
    public func advance(until done: () -> Bool, limit: Millis) -> Bool {
        settle()
        let deadline = now + limit
        if done() { return true }
        while let due = timed.nextDue, due <= deadline {
            runWindow(startingAt: due, until: deadline)
            catchUpTickers()
            if done() { return true }
        }
        now = deadline
        catchUpTickers()
        settle()
        return done()
    }
}
