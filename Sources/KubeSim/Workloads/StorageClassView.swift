import KubeAPI

/// The parts of a StorageClass the binder and provisioners read, with their defaults.
struct StorageClassView {
    static let resource = ResourceRegistry.forKind("StorageClass")!
    static let defaultAnnotations = ["storageclass.kubernetes.io/is-default-class", "storageclass.beta.kubernetes.io/is-default-class"]

    let object: JSONValue
    var name: String { object.name }
    var provisioner: String { object["provisioner"].string ?? "" }
    /// `WaitForFirstConsumer` delays binding until a pod using the claim is scheduled.
    var waitsForFirstConsumer: Bool { object["volumeBindingMode"].string == "WaitForFirstConsumer" }
    /// `persistentVolumeReclaimPolicy` of the volumes it provisions; Delete by default.
    var reclaimPolicy: String { object["reclaimPolicy"].string ?? "Delete" }
    var parameters: [String: String] { object["parameters"].stringMap }
    var mountOptions: JSONValue { object["mountOptions"] }
    var isDefault: Bool { Self.defaultAnnotations.contains { object.annotations[$0] == "true" } }

    static func named(_ name: String, in store: ObjectStore) -> StorageClassView? {
        store.get(resource, namespace: nil, name: name).map(StorageClassView.init)
    }

    /// The default class; with several, the newest, as the admission plugin picks it since 1.28.
    static func defaultClass(in store: ObjectStore) -> StorageClassView? {
        store.list(resource).map(StorageClassView.init).filter(\.isDefault)
            .max { ($0.object.creationTimestamp ?? "", $1.name) < ($1.object.creationTimestamp ?? "", $0.name) }
    }
}
