import KubeAPI

/// Drops recorded Events an hour after they were last written, as the API server's event TTL
/// (`--event-ttl`, one hour by default, renewed by every update) has etcd forget them.
///
/// Events are recorded in clock order, so a first-in first-out list is already ordered by
/// expiry; one timed action at a time walks it.
final class EventExpiry {
    static let timeToLive: Millis = 3_600_000

    struct Entry {
        let due: Millis
        let namespace: String
        let name: String
        /// The aggregator's key for the involved object.
        let objectKey: String
    }

    private var entries: [Entry] = []
    private var head = 0
    /// Events renewed by aggregation → their latest expiry; earlier entries for them are stale.
    private var renewed: [String: Millis] = [:]
    private var wakeUpScheduled = false

    /// Queues an event written now; returns whether the caller must schedule a wake-up.
    func track(_ entry: Entry, renewal: Bool) -> Bool {
        if renewal { renewed[entry.namespace + "/" + entry.name] = entry.due }
        entries.append(entry)
        if wakeUpScheduled { return false }
        wakeUpScheduled = true
        return true
    }

    /// Takes the entries due by `now` whose events were not renewed since, and the next due time.
    func takeExpired(now: Millis) -> (expired: [Entry], next: Millis?) {
        var expired: [Entry] = []
        while head < entries.count, entries[head].due <= now {
            let entry = entries[head]
            head += 1
            let key = entry.namespace + "/" + entry.name
            if let latest = renewed[key] {
                if latest > entry.due { continue }
                renewed[key] = nil
            }
            expired.append(entry)
        }
        if head > 4096 && head * 2 > entries.count {
            entries.removeFirst(head)
            head = 0
        }
        let next = head < entries.count ? entries[head].due : nil
        wakeUpScheduled = next != nil
        return (expired, next)
    }
}

extension Cluster {
    /// Starts the hour after which an event written now is dropped.
    func trackEventExpiry(namespace: String, name: String, objectKey: String, renewal: Bool) {
        let entry = EventExpiry.Entry(due: now + EventExpiry.timeToLive, namespace: namespace, name: name, objectKey: objectKey)
        if eventExpiry.track(entry, renewal: renewal) { scheduleEventExpiry(at: entry.due) }
    }

    private func scheduleEventExpiry(at due: Millis) {
        schedule(at: due) { [unowned self] in
            let (expired, next) = eventExpiry.takeExpired(now: now)
            guard let eventType = ResourceRegistry.forKind("Event") else { return }
            for entry in expired {
                store.remove(ObjectRef(eventType, namespace: entry.namespace, name: entry.name))
                eventAggregator.forget(entry.name, about: entry.objectKey)
            }
            if let next { scheduleEventExpiry(at: next) }
        }
    }
}
