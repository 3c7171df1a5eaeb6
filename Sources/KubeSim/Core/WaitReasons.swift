/// Why a controller's object is not yet where its spec says, in a learner's words
/// (`web-1 waits: web-0 is not Ready`), kept per object while it waits. Upstream controllers say this
/// only in their verbose logs; kubelab keeps it so a lesson's hint can show what the cluster is
/// waiting for. It is not part of any API object and no kubectl output prints it.
public final class WaitReasons {
    private var byObject: [String: String] = [:]

    init() {}

    /// Records (or, with nil, clears) why `kind` `namespace/name` waits.
    func set(_ reason: String?, kind: String, namespace: String, name: String) {
        byObject["\(kind) \(namespace)/\(name)"] = reason
    }

    /// Why the object waits, or nil when it does not.
    public func reason(kind: String, namespace: String, name: String) -> String? {
        byObject["\(kind) \(namespace)/\(name)"]
    }

    /// Every recorded reason, ordered by kind, namespace and name.
    public var all: [String] { byObject.sorted { $0.key < $1.key }.map(\.value) }
}
