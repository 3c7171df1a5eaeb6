import KubeAPI

/// DefaultStorageClass admission and the storage-object-in-use protection finalizers.
enum StorageAdmission {
    static let defaultClassAnnotation = "storageclass.kubernetes.io/is-default-class"
    static let betaDefaultClassAnnotation = "storageclass.beta.kubernetes.io/is-default-class"

    /// The class claims without a `storageClassName` get; the newest one when several claim to be default.
    static func defaultClassName(store: ObjectStore) -> String? {
        guard let scType = ResourceRegistry.forKind("StorageClass") else { return nil }
        let defaults = store.list(scType).filter {
            $0.annotations[defaultClassAnnotation] == "true" || $0.annotations[betaDefaultClassAnnotation] == "true"
        }
        return defaults.max { ($0.creationTimestamp ?? "", $1.name) < ($1.creationTimestamp ?? "", $0.name) }?.name
    }

    static func prepareClaim(_ object: JSONValue, store: ObjectStore) -> JSONValue {
        var obj = object
        // An explicit "" means "no class"; only a missing field gets the default.
        if obj["spec"]["storageClassName"].isNull, let name = defaultClassName(store: store) {
            obj["spec"]["storageClassName"] = .string(name)
        }
        addFinalizer("kubernetes.io/pvc-protection", to: &obj)
        if obj["status"]["phase"].isNull { obj["status"] = ["phase": "Pending"] }
        return obj
    }

    static func prepareVolume(_ object: JSONValue) -> JSONValue {
        var obj = object
        addFinalizer("kubernetes.io/pv-protection", to: &obj)
        if obj["status"]["phase"].isNull { obj["status"] = ["phase": "Pending"] }
        return obj
    }

    static func addFinalizer(_ name: String, to obj: inout JSONValue) {
        var finalizers = obj["metadata"]["finalizers"].items
        if !finalizers.contains(.string(name)) { finalizers.append(.string(name)) }
        obj["metadata"]["finalizers"] = .array(finalizers)
    }
}
