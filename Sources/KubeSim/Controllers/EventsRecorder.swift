import KubeAPI

/// Remembers which Event object already stands for a (source, object, type, reason, message) so a
/// repeat bumps `count` and `lastTimestamp` instead of adding a row, as client-go's correlator does.
final class EventAggregator {
    /// What makes two events about one object the same event (client-go's aggregation key).
    struct Entry: Hashable {
        var source: String
        var host: String?
        var fieldPath: String?
        var type: String
        var reason: String
        var message: String
    }

    /// The events recorded about one object, oldest first. Most objects have a handful, searched in
    /// order; one with many distinct messages (a ReplicaSet's "Created pod: ..." for each of its
    /// 5,000 pods) also gets a hashed index, since scanning made recording quadratic.
    struct EventsAbout {
        static let indexedFrom = 16
        var recorded: [(entry: Entry, name: String)] = []
        /// Entry → the names recorded for it, oldest first (the oldest is the one a repeat aggregates into).
        var index: [Entry: [String]]?

        mutating func add(_ name: String, _ entry: Entry) {
            recorded.append((entry, name))
            if index != nil {
                index![entry, default: []].append(name)
            } else if recorded.count >= Self.indexedFrom {
                var built: [Entry: [String]] = [:]
                for r in recorded { built[r.entry, default: []].append(r.name) }
                index = built
            }
        }

        mutating func forget(_ name: String) {
            guard let at = recorded.firstIndex(where: { $0.name == name }) else { return }
            let entry = recorded.remove(at: at).entry
            index?[entry]?.removeAll { $0 == name }
            if index?[entry]?.isEmpty == true { index![entry] = nil }
        }

        func find(_ entry: Entry) -> String? {
            if let index { return index[entry]?.first }
            return recorded.first { $0.entry == entry }?.name
        }
    }

    /// involved object's uid (or namespace/kind/name when it has none) → events already recorded about it.
    private var byObject: [String: EventsAbout] = [:]
    /// The last timestamp written, so the many events of one instant share one string.
    var lastStamp: (at: Millis, value: JSONValue)?

    func stamp(_ at: Millis) -> JSONValue {
        if let last = lastStamp, last.at == at { return last.value }
        let value = JSONValue.string(Timestamp.rfc3339(at))
        lastStamp = (at, value)
        return value
    }

    /// The nanosecond clock of the last event name: names only ever grow, so events of one
    /// instant list (by name) and describe (by time, then list order) in the order they happened.
    var lastNameNanos: UInt64 = 0

    /// A nanosecond reading at `at` with a random sub-millisecond part, later than the last one.
    func nameNanos(at: Millis, jitter: UInt64) -> UInt64 {
        let nanos = max(UInt64(max(0, at)) &* 1_000_000 &+ jitter % 1_000_000, lastNameNanos &+ 1)
        lastNameNanos = nanos
        return nanos
    }

    func add(_ name: String, _ entry: Entry, about object: String) {
        byObject[object, default: EventsAbout()].add(name, entry)
    }

    func forget(_ name: String, about object: String) {
        byObject[object]?.forget(name)
        if byObject[object]?.recorded.isEmpty == true { byObject[object] = nil }
    }

    /// The event a repeat of `entry` about `object` aggregates into.
    func find(_ object: String, _ entry: Entry) -> String? { byObject[object]?.find(entry) }

    /// The names of the events recorded about `object`, oldest first.
    func names(about object: String) -> [String] { byObject[object]?.recorded.map(\.name) ?? [] }
}

extension Cluster {
    private static let eventType = ResourceRegistry.forKind("Event")
    private static let namespaceType = ResourceRegistry.forKind("Namespace")

    /// Records a core/v1 Event about `object` in its namespace (`default` for cluster-scoped objects),
    /// named `<name>.<16 hex>` like the real recorder. `source` is the component (`kubelet`,
    /// `default-scheduler`, `statefulset-controller`), `host` the node for kubelet events, and
    /// `fieldPath` the sub-object (`spec.containers{nginx}`) that `kubectl get events -o wide` shows.
    /// A repeat of the same event aggregates into the existing object.
    public func recordEvent(for object: JSONValue, type: String, reason: String, message: String,
                            source: String, host: String? = nil, fieldPath: String? = nil)
    {
        guard let eventType = Self.eventType else { return }
        let namespace = object.namespace ?? "default"
        // A namespace being torn down accepts no new content, events included.
        if let nsType = Self.namespaceType, store.get(nsType, namespace: nil, name: namespace)?.isDeleting == true {
            return
        }
        // Read once: every controller step records an event or two.
        let metadata = object["metadata"]
        let uid = metadata["uid"].string ?? "", objectName = metadata["name"].string ?? ""
        let objectKey = uid.isEmpty ? "\(namespace)/\(object.kind)/\(objectName)" : uid
        let probe = EventAggregator.Entry(source: source, host: host, fieldPath: fieldPath, type: type, reason: reason,
                                          message: message)
        if let existing = eventAggregator.find(objectKey, probe),
            let old = store.get(eventType, namespace: namespace, name: existing)
        {
            var event = old
            event["count"] = .int((old["count"].int ?? 1) + 1)
            event["lastTimestamp"] = eventAggregator.stamp(now)
            if (try? store.update(eventType, event)) != nil {
                trackEventExpiry(namespace: namespace, name: existing, objectKey: objectKey, renewal: true)
            }
            return
        }
        let involved = RecordedEvent.InvolvedObject(
            apiVersion: object.apiVersion, kind: object.kind, name: objectName, namespace: metadata["namespace"].string,
            resourceVersion: metadata["resourceVersion"].string, uid: uid.isEmpty ? nil : uid,
            fieldPath: fieldPath)
        // The recorder names events after the object and the nanosecond clock, in hex.
        let nanos = eventAggregator.nameNanos(at: now, jitter: rng.next())
        let name = (objectName.isEmpty ? "unknown" : objectName) + "." + HexText.padded16(nanos)
        do {
            try store.createCompact(eventType, namespace: namespace, name: name) { metadata in
                RecordedEvent(name: name, namespace: namespace, metadata: metadata, involved: involved, type: type,
                              reason: reason, message: message, component: source, host: host)
            }
            eventAggregator.add(name, probe, about: objectKey)
            trackEventExpiry(namespace: namespace, name: name, objectKey: objectKey, renewal: false)
        } catch {}
    }

    /// Events about the object with `uid`, oldest first (for `kubectl describe`).
    public func events(about uid: String, namespace: String) -> [JSONValue] {
        guard let eventType = ResourceRegistry.forKind("Event") else { return [] }
        return eventAggregator.names(about: uid).compactMap { store.get(eventType, namespace: namespace, name: $0) }
            .filter { $0["involvedObject"]["uid"].string == uid }
            .sorted { ($0["firstTimestamp"].string ?? "", $0.name) < ($1["firstTimestamp"].string ?? "", $1.name) }
    }
}
