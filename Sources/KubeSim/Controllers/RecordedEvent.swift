import KubeAPI

/// A core/v1 Event as the recorder stores it: plain fields, rendered to the API's JSON only when
/// someone reads it (see `CompactObject`). The strings are shared with the involved object and
/// the recorder's constants, so most of a record is its name, uid and message.
final class RecordedEvent: CompactObject {
    struct InvolvedObject {
        let apiVersion: String
        let kind: String
        let name: String
        let namespace: String?
        let resourceVersion: String?
        let uid: String?
        let fieldPath: String?
    }

    let name: String
    let namespace: String
    let metadata: AssignedMetadata
    let involved: InvolvedObject
    let type: String
    let reason: String
    let message: String
    /// The reporting component (`kubelet`, `default-scheduler`, ...) and, for kubelets, its node.
    let component: String
    let host: String?

    init(name: String, namespace: String, metadata: AssignedMetadata, involved: InvolvedObject, type: String,
         reason: String, message: String, component: String, host: String?)
    {
        self.name = name
        self.namespace = namespace
        self.metadata = metadata
        self.involved = involved
        self.type = type
        self.reason = reason
        self.message = message
        self.component = component
        self.host = host
    }

    /// Key order as the API server returns an Event (fields sorted, metadata in its usual order).
    func rendered() -> JSONValue {
        let stamp = JSONValue.string(Timestamp.rfc3339(metadata.creationTimestamp))
        var involvedObject = JSONValue.object(capacity: 7)
        involvedObject["apiVersion"] = .string(involved.apiVersion)
        involvedObject["kind"] = .string(involved.kind)
        involvedObject["name"] = .string(involved.name)
        if let namespace = involved.namespace { involvedObject["namespace"] = .string(namespace) }
        if let version = involved.resourceVersion { involvedObject["resourceVersion"] = .string(version) }
        if let uid = involved.uid { involvedObject["uid"] = .string(uid) }
        if let fieldPath = involved.fieldPath { involvedObject["fieldPath"] = .string(fieldPath) }
        let source: JSONValue = host.map { ["component": .string(component), "host": .string($0)] }
            ?? ["component": .string(component)]
        return [
            "apiVersion": "v1",
            "count": 1,
            "eventTime": nil,
            "firstTimestamp": stamp,
            "involvedObject": involvedObject,
            "kind": "Event",
            "lastTimestamp": stamp,
            "message": .string(message),
            "metadata": [
                "creationTimestamp": stamp, "name": .string(name), "namespace": .string(namespace),
                "resourceVersion": .string(String(metadata.resourceVersion)), "uid": .string(metadata.uid),
            ],
            "reason": .string(reason),
            "reportingComponent": .string(component),
            "reportingInstance": .string(host ?? ""),
            "source": source,
            "type": .string(type),
        ]
    }
}
