import KubeAPI

/// The pods of a DaemonSet as the controller makes, names and removes them (`CreatePodTemplate`,
/// `ReplaceDaemonSetPodNodeNameNodeAffinity`, `GetTargetNodeName` and `RealPodControl`'s create and
/// delete with their events). Since 1.12 the controller does not bind a pod itself: it pins the pod
/// to its node through required node affinity on `metadata.name` and the default scheduler binds it.
struct DaemonSetPodControl {
    static let revisionLabel = "controller-revision-hash"
    static let generationLabel = "pod-template-generation"
    static let source = "daemonset-controller"
    static let podType = ResourceRegistry.forKind("Pod")!

    let cluster: Cluster
    let ds: DaemonSetSpecView

    /// `CreatePodTemplate`: the template with the daemon tolerations and the revision labels.
    static func podTemplate(for ds: DaemonSetSpecView, hash: String) -> JSONValue {
        var template = ds.template
        if template.isNull { template = [:] }
        var spec = template["spec"]
        if spec.isNull { spec = [:] }
        spec["tolerations"] = .array(DaemonPodTolerations.applied(to: spec))
        template["spec"] = spec
        var labels = template["metadata"]["labels"].stringMap
        if let generation = ds.templateGeneration { labels[generationLabel] = String(generation) }
        if !hash.isEmpty { labels[revisionLabel] = hash }
        template["metadata"]["labels"] = .stringMap(labels)
        return template
    }

    /// A pod for `node` from `template` (`GetPodFromTemplate`), named `<ds>-<5 chars>` by the API server.
    static func pod(from template: JSONValue, for ds: DaemonSetSpecView, node: String) -> JSONValue {
        var metadata: JSONValue = [:]
        let annotations = template["metadata"]["annotations"]
        if !annotations.isNull { metadata["annotations"] = annotations }
        if !template["metadata"]["finalizers"].items.isEmpty { metadata["finalizers"] = template["metadata"]["finalizers"] }
        metadata["generateName"] = .string(ds.name + "-")
        metadata["labels"] = template["metadata"]["labels"]
        metadata["namespace"] = .string(ds.namespace)
        metadata["ownerReferences"] = [ds.controllerReference]
        var spec = template["spec"]
        spec["affinity"] = replacingNodeAffinity(spec["affinity"], node: node)
        var pod: JSONValue = ["apiVersion": "v1", "kind": "Pod"]
        pod["metadata"] = metadata
        pod["spec"] = spec
        return pod
    }

    /// `ReplaceDaemonSetPodNodeNameNodeAffinity`: the required node affinity becomes the single term
    /// `metadata.name In [node]`; preferred terms and pod (anti-)affinity stay.
    static func replacingNodeAffinity(_ affinity: JSONValue, node: String) -> JSONValue {
        var affinity = affinity.isNull ? [:] : affinity
        let term: JSONValue = ["matchFields": [["key": "metadata.name", "operator": "In", "values": [.string(node)]]]]
        if affinity["nodeAffinity"].isNull { affinity["nodeAffinity"] = [:] }
        if affinity["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"].isNull {
            affinity["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"] = [:]
        }
        affinity["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"] = [term]
        return affinity
    }

    /// `GetTargetNodeName`: the bound node, else the one the node affinity pins the pod to.
    static func targetNodeName(_ pod: JSONValue) -> String? {
        if let node = pod["spec"]["nodeName"].string, !node.isEmpty { return node }
        let terms = pod["spec"]["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"]
        for term in terms.items {
            for field in term["matchFields"].items where field["key"].string == "metadata.name" && field["operator"].string == "In" {
                let values = field["values"].items
                return values.count == 1 ? values[0].string : nil
            }
        }
        return nil
    }

    /// `podByCreationTimestampAndPhase`: bound pods first, then oldest, then by name.
    static func olderFirst(_ a: JSONValue, _ b: JSONValue) -> Bool {
        let boundA = !(a["spec"]["nodeName"].string ?? "").isEmpty, boundB = !(b["spec"]["nodeName"].string ?? "").isEmpty
        if boundA != boundB { return boundA }
        let ca = a.creationTimestamp ?? "", cb = b.creationTimestamp ?? ""
        if ca != cb { return ca < cb }
        return a.name < b.name
    }

    /// `IsPodUpdated`: the pod carries the current revision's hash or the template generation.
    static func isUpdated(_ pod: JSONValue, hash: String, generation: Int?) -> Bool {
        let labels = pod["metadata"]["labels"]
        if !hash.isEmpty && labels[revisionLabel].string == hash { return true }
        return generation.map { labels[generationLabel].string == String($0) } ?? false
    }

    // MARK: Side effects

    /// Creates the pod for `node`; records `SuccessfulCreate` or `FailedCreate` on the DaemonSet.
    func create(from template: JSONValue, on node: String) -> Bool {
        do {
            let created = try cluster.api.create(Self.pod(from: template, for: ds, node: node), as: Self.podType, fieldValidation: .typedClient)
            cluster.recordEvent(for: ds.object, type: "Normal", reason: "SuccessfulCreate", message: "Created pod: \(created.name)",
                                source: Self.source)
            return true
        } catch {
            cluster.recordEvent(for: ds.object, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error.statusMessage)",
                                source: Self.source)
            return false
        }
    }

    /// Deletes a pod gracefully; records `SuccessfulDelete` or `FailedDelete`. A pod already gone is
    /// no failure.
    func delete(_ name: String) -> Bool {
        do {
            _ = try cluster.api.delete(ObjectRef(Self.podType, namespace: ds.namespace, name: name))
            cluster.recordEvent(for: ds.object, type: "Normal", reason: "SuccessfulDelete", message: "Deleted pod: \(name)",
                                source: Self.source)
            return true
        } catch {
            if error.reason == .notFound { return true }
            cluster.recordEvent(for: ds.object, type: "Warning", reason: "FailedDelete", message: "Error deleting: \(error.statusMessage)",
                                source: Self.source)
            return false
        }
    }
}
