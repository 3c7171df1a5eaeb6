import KubeAPI

/// What the DaemonSet registry strategy adds on create and update (pkg/registry/apps/daemonset):
/// the template generation, which apps/v1 shows as the `deprecated.daemonset.template.generation`
/// annotation. It starts at 1 and grows by one whenever the pod template changes; the controller
/// labels pods with it (`pod-template-generation`). A client cannot set it: the server keeps its own.
enum DaemonSetStrategy {
    static let templateGenerationAnnotation = "deprecated.daemonset.template.generation"

    static func prepareForCreate(_ object: JSONValue) -> JSONValue {
        var ds = object
        ds["metadata"]["annotations"][templateGenerationAnnotation] = "1"
        return ds
    }

    static func prepareForUpdate(_ object: JSONValue, old: JSONValue) -> JSONValue {
        var ds = object
        var generation = old.annotations[templateGenerationAnnotation].flatMap { Int($0) } ?? 0
        if ds.spec["template"] != old.spec["template"] { generation += 1 }
        ds["metadata"]["annotations"][templateGenerationAnnotation] = .string(String(generation))
        return ds
    }
}
