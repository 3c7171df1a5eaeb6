/// An object the store keeps in a smaller form than its JSON tree and renders when it is read.
///
/// Events are written by the tens of thousands (half a dozen per pod start) and read rarely:
/// as JSON trees they cost about 2 KB each, as records a few hundred bytes, and nobody pays
/// for building a tree that no watch or `kubectl get` ever looks at.
public protocol CompactObject: AnyObject {
    /// The object exactly as the API server would return it.
    func rendered() -> JSONValue
}

/// The fields the store assigns to a new object, handed to a compact object's builder.
public struct AssignedMetadata: Sendable {
    public let uid: String
    public let resourceVersion: Int
    public let creationTimestamp: Millis
}

/// One slot of the store: the object's JSON, or a compact record of it.
enum StoredObject {
    case json(JSONValue)
    case compact(any CompactObject)

    var value: JSONValue {
        switch self {
        case .json(let object): return object
        case .compact(let record): return record.rendered()
        }
    }
}
