import KubeAPI

/// Builds the pods and claims of a StatefulSet from its templates (`stateful_set_utils.go`:
/// newStatefulSetPod, initIdentity, updateStorage, getPersistentVolumeClaims).
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

    /// The claim a pod of `ordinal` needs for `template`, named `<template>-<set>-<ordinal>` and
    /// labelled with the template's labels merged with the set's `selector.matchLabels`.
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

    /// Restores the identity labels (`updateIdentity`); name and namespace cannot change.
    static func restoreIdentity(_ set: StatefulSetSpecView, _ pod: inout JSONValue) {
        guard let id = PodOrdinal(pod.name) else { return }
        var labels = pod.labels
        labels[podNameLabel] = pod.name
        labels[podIndexLabel] = String(id.ordinal)
        pod["metadata"]["labels"] = .stringMap(labels)
    }
}
