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
        let stamp = eventAggregator.stamp(now)
        if let existing = eventAggregator.find(objectKey, probe),
            let old = store.get(eventType, namespace: namespace, name: existing)
        {
            var event = old
            event["count"] = .int((old["count"].int ?? 1) + 1)
            event["lastTimestamp"] = stamp
            _ = try? store.update(eventType, event)
            return
        }
        // One literal holding every optional field, sized once; absent ones are dropped after.
        // Tens of thousands of events stay in the store, so capacity left over by growth adds up.
        var involved: JSONValue = [
            "apiVersion": .string(object.apiVersion), "kind": .string(object.kind), "name": .string(object.name),
            "namespace": object.namespace.map(JSONValue.string) ?? .null,
            "resourceVersion": object["metadata"]["resourceVersion"].string.map(JSONValue.string) ?? .null,
            "uid": uid.isEmpty ? .null : .string(uid),
            "fieldPath": fieldPath.map(JSONValue.string) ?? .null,
        ]
        for key in ["namespace", "resourceVersion", "uid", "fieldPath"] where involved[key].isNull { involved[key] = nil }
        // The recorder names events after the object and the nanosecond clock, in hex.
        let nanos = UInt64(max(0, now)) &* 1_000_000 &+ rng.next() % 1_000_000
        var suffix = String(nanos, radix: 16)
        if suffix.count < 16 { suffix = String(repeating: "0", count: 16 - suffix.count) + suffix }
        let name = "\(object.name.isEmpty ? "unknown" : object.name).\(suffix)"
        let sourceValue: JSONValue = host.map { ["component": .string(source), "host": .string($0)] }
            ?? ["component": .string(source)]
        let event: JSONValue = [
            "apiVersion": "v1",
            "count": 1,
            "eventTime": nil,
            "firstTimestamp": stamp,
            "involvedObject": involved,
            "kind": "Event",
            "lastTimestamp": stamp,
            "message": .string(message),
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
            "reason": .string(reason),
            "reportingComponent": .string(source),
            "reportingInstance": .string(host ?? ""),
            "source": sourceValue,
            "type": .string(type),
        ]
        if (try? store.create(eventType, event)) != nil {
            probe.name = name
            eventAggregator.byObject[objectKey, default: []].append(probe)
        }
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
