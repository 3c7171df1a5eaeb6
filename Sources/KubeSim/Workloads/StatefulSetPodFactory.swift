import KubeAPI

/// Builds the pods and claims of a StatefulSet from its templates, and checks that existing pods
/// still carry their identity (`stateful_set_utils.go`: newStatefulSetPod, initIdentity,
/// updateStorage, getPersistentVolumeClaims).
enum StatefulSetPodFactory {
    static let podNameLabel = "statefulset.kubernetes.io/pod-name"
    static let podIndexLabel = "apps.kubernetes.io/pod-index"
    static let revisionLabel = "controller-revision-hash"

    /// A new pod for `ordinal` from `template` (the current or the update revision's), labelled
    /// with `revision`, the revision's name.
    static func pod(for set: StatefulSetSpecView, template: JSONValue, ordinal: Int, revision: String) -> JSONValue {
        let name = set.podName(ordinal)
        var labels = template["metadata"]["labels"].stringMap
        labels[podNameLabel] = name
        labels[podIndexLabel] = String(ordinal)
        labels[revisionLabel] = revision
        var metadata: JSONValue = [:]
        let annotations = template["metadata"]["annotations"].stringMap
        if !annotations.isEmpty { metadata["annotations"] = .stringMap(annotations) }
        if !template["metadata"]["finalizers"].items.isEmpty { metadata["finalizers"] = template["metadata"]["finalizers"] }
        metadata["generateName"] = .string(set.name + "-")
        metadata["labels"] = .stringMap(labels)
        metadata["name"] = .string(name)
        metadata["namespace"] = .string(set.namespace)
        metadata["ownerReferences"] = [set.controllerReference]
        var spec = template["spec"]
        if spec.isNull { spec = [:] }
        spec["hostname"] = .string(name)
        if !set.serviceName.isEmpty { spec["subdomain"] = .string(set.serviceName) }
        spec["volumes"] = volumes(for: set, ordinal: ordinal, existing: spec["volumes"].items)
        var pod: JSONValue = ["apiVersion": "v1", "kind": "Pod"]
        pod["metadata"] = metadata
        pod["spec"] = spec
        return pod
    }

    /// Claim volumes first, in template order, then the template's other volumes.
    static func volumes(for set: StatefulSetSpecView, ordinal: Int, existing: [JSONValue]) -> JSONValue {
        let claimVolumeNames = Set(set.claimTemplates.map(\.name))
        var out: [JSONValue] = set.claimTemplates.map { template in
            ["name": .string(template.name),
             "persistentVolumeClaim": ["claimName": .string(set.claimName(template: template, ordinal: ordinal))]]
        }
        out += existing.filter { !claimVolumeNames.contains($0["name"].string ?? "") }
        return out.isEmpty ? .null : .array(out)
    }

    /// The claims a pod of `ordinal` needs, named `<template>-<set>-<ordinal>`, labelled with the
    /// template's labels merged with the set's `selector.matchLabels`.
    static func claims(for set: StatefulSetSpecView, ordinal: Int) -> [JSONValue] {
        set.claimTemplates.map { claim(for: set, template: $0, ordinal: ordinal) }
    }

    static func claim(for set: StatefulSetSpecView, template: JSONValue, ordinal: Int) -> JSONValue {
        var labels = template["metadata"]["labels"].stringMap
        for (k, v) in set.matchLabels { labels[k] = v }
        var metadata: JSONValue = [:]
        let annotations = template["metadata"]["annotations"].stringMap
        if !annotations.isEmpty { metadata["annotations"] = .stringMap(annotations) }
        if !template["metadata"]["finalizers"].items.isEmpty { metadata["finalizers"] = template["metadata"]["finalizers"] }
        if !labels.isEmpty { metadata["labels"] = .stringMap(labels) }
        metadata["name"] = .string(set.claimName(template: template, ordinal: ordinal))
        metadata["namespace"] = .string(set.namespace)
        var claim: JSONValue = ["apiVersion": "v1", "kind": "PersistentVolumeClaim"]
        claim["metadata"] = metadata
        claim["spec"] = template["spec"].isNull ? [:] : template["spec"]
        claim["status"] = ["phase": "Pending"]
        return claim
    }

    /// Name, namespace and the pod-name label agree with the set (`identityMatches`).
    static func identityMatches(_ set: StatefulSetSpecView, _ pod: JSONValue) -> Bool {
        guard let id = PodOrdinal(pod.name), id.parent == set.name else { return false }
        return pod.name == set.podName(id.ordinal) && (pod.namespace ?? "default") == set.namespace
            && pod.label(podNameLabel) == pod.name
    }

    /// Every claim template is mounted from the claim of the pod's ordinal (`storageMatches`).
    static func storageMatches(_ set: StatefulSetSpecView, _ pod: JSONValue) -> Bool {
        guard let id = PodOrdinal(pod.name) else { return false }
        let volumes = pod.spec["volumes"].items
        for template in set.claimTemplates {
            guard let volume = volumes.first(where: { $0["name"].string == template.name }),
                volume["persistentVolumeClaim"]["claimName"].string == set.claimName(template: template, ordinal: id.ordinal)
            else { return false }
        }
        return true
    }

    /// Restores the identity labels (`updateIdentity`); name and namespace cannot change.
    static func restoreIdentity(_ set: StatefulSetSpecView, _ pod: inout JSONValue) {
        guard let id = PodOrdinal(pod.name) else { return }
        var labels = pod.labels
        labels[podNameLabel] = pod.name
        labels[podIndexLabel] = String(id.ordinal)
        pod["metadata"]["labels"] = .stringMap(labels)
    }

    static func revision(of pod: JSONValue) -> String { pod.label(revisionLabel) ?? "" }
}
