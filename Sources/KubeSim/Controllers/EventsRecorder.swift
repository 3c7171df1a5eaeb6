import KubeAPI

/// Remembers which Event object already stands for a (source, object, type, reason, message) so a
/// repeat bumps `count` and `lastTimestamp` instead of adding a row, as client-go's correlator does.
final class EventAggregator {
    struct Entry: Equatable {
        var source: String
        var host: String?
        var fieldPath: String?
        var type: String
        var reason: String
        var message: String
        var name: String
    }

    /// involved object's uid (or namespace/kind/name when it has none) → events already recorded about it.
    var byObject: [String: [Entry]] = [:]
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

    /// Event names are unique, and expiry goes oldest first, so the entry is found near the front.
    /// The list is changed in place: a CronJob firing every minute has a few hundred.
    func forget(_ name: String, about object: String) {
        guard let slot = byObject.index(forKey: object) else { return }
        guard let i = byObject.values[slot].firstIndex(where: { $0.name == name }) else { return }
        byObject.values[slot].remove(at: i)
        if byObject.values[slot].isEmpty { byObject.remove(at: slot) }
    }

    func find(_ object: String, _ probe: Entry) -> String? {
        byObject[object]?.first {
            $0.reason == probe.reason && $0.message == probe.message && $0.source == probe.source && $0.type == probe.type
                && $0.host == probe.host && $0.fieldPath == probe.fieldPath
        }?.name
    }
}

extension Cluster {
    /// Records a core/v1 Event about `object` in its namespace (`default` for cluster-scoped objects),
    /// named `<name>.<16 hex>` like the real recorder. `source` is the component (`kubelet`,
    /// `default-scheduler`, `statefulset-controller`), `host` the node for kubelet events, and
    /// `fieldPath` the sub-object (`spec.containers{nginx}`) that `kubectl get events -o wide` shows.
    /// A repeat of the same event aggregates into the existing object.
    public func recordEvent(for object: JSONValue, type: String, reason: String, message: String,
                            source: String, host: String? = nil, fieldPath: String? = nil)
    {
        guard let eventType = ResourceRegistry.forKind("Event") else { return }
        let namespace = object.namespace ?? "default"
        // A namespace being torn down accepts no new content, events included.
        if let nsType = ResourceRegistry.forKind("Namespace"), store.get(nsType, namespace: nil, name: namespace)?.isDeleting == true {
            return
        }
        let uid = object.uid
        let objectKey = uid.isEmpty ? "\(namespace)/\(object.kind)/\(object.name)" : uid
        var probe = EventAggregator.Entry(source: source, host: host, fieldPath: fieldPath, type: type, reason: reason,
                                          message: message, name: "")
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
            apiVersion: object.apiVersion, kind: object.kind, name: object.name, namespace: object.namespace,
            resourceVersion: object["metadata"]["resourceVersion"].string, uid: uid.isEmpty ? nil : uid,
            fieldPath: fieldPath)
        // The recorder names events after the object and the nanosecond clock, in hex.
        let nanos = eventAggregator.nameNanos(at: now, jitter: rng.next())
        var suffix = String(nanos, radix: 16)
        if suffix.count < 16 { suffix = String(repeating: "0", count: 16 - suffix.count) + suffix }
        let name = "\(object.name.isEmpty ? "unknown" : object.name).\(suffix)"
        do {
            try store.createCompact(eventType, namespace: namespace, name: name) { metadata in
                RecordedEvent(name: name, namespace: namespace, metadata: metadata, involved: involved, type: type,
                              reason: reason, message: message, component: source, host: host)
            }
            probe.name = name
            eventAggregator.byObject[objectKey, default: []].append(probe)
            trackEventExpiry(namespace: namespace, name: name, objectKey: objectKey, renewal: false)
        } catch {}
    }

    /// Events about the object with `uid`, oldest first (for `kubectl describe`).
    public func events(about uid: String, namespace: String) -> [JSONValue] {
        guard let eventType = ResourceRegistry.forKind("Event") else { return [] }
        let known = eventAggregator.byObject[uid] ?? []
        return known.compactMap { store.get(eventType, namespace: namespace, name: $0.name) }
            .filter { $0["involvedObject"]["uid"].string == uid }
            .sorted { ($0["firstTimestamp"].string ?? "", $0.name) < ($1["firstTimestamp"].string ?? "", $1.name) }
    }
}
