import KubeAPI

/// A DaemonSet read with the apps/v1 defaults applied, so one that reached the store without
/// defaulting (fixtures, the sandbox's kube-proxy) is reconciled like one the API server defaulted.
struct DaemonSetSpecView: RevisionOwner {
    /// Revisions carry the pods' label (`apps.DefaultDaemonSetUniqueLabelKey`).
    static let revisionHashLabel = DaemonSetPodControl.revisionLabel
    static let resource = ResourceRegistry.forKind("DaemonSet")!

    let object: JSONValue
    let name: String
    let namespace: String
    let uid: String
    let generation: Int
    let selector: LabelSelector
    /// `spec.selector` is `{}`: the controller refuses to run it (`SelectingAll`).
    let selectsEverything: Bool
    let template: JSONValue
    let isDeleting: Bool
    let isOnDelete: Bool
    let minReadySeconds: Int
    let revisionHistoryLimit: Int
    /// The `deprecated.daemonset.template.generation` annotation (`GetTemplateGeneration`).
    let templateGeneration: Int?
    let collisionCount: Int
    let maxUnavailable: JSONValue
    let maxSurge: JSONValue

    init(_ ds: JSONValue) {
        object = ds
        name = ds.name
        namespace = ds.namespace ?? "default"
        uid = ds.uid
        generation = ds["metadata"]["generation"].int ?? 0
        let spec = ds.spec
        selector = LabelSelector(object: spec["selector"])
        selectsEverything = spec["selector"].object?.isEmpty ?? false
        template = spec["template"]
        isDeleting = ds.isDeleting
        let strategy = spec["updateStrategy"]
        isOnDelete = strategy["type"].string == "OnDelete"
        minReadySeconds = max(spec["minReadySeconds"].int ?? 0, 0)
        revisionHistoryLimit = spec["revisionHistoryLimit"].int ?? 10
        templateGeneration = ds.annotations[KindDescriptor.daemonSetTemplateGenerationAnnotation].flatMap { Int($0) }
        collisionCount = ds.status["collisionCount"].int ?? 0
        let rolling = strategy["rollingUpdate"]
        // `SetDefaults_DaemonSet`: maxUnavailable 1 and maxSurge 0 when left out.
        maxUnavailable = isOnDelete ? .null : (rolling["maxUnavailable"].isNull ? 1 : rolling["maxUnavailable"])
        maxSurge = isOnDelete ? .null : rolling["maxSurge"]
    }

    var key: String { namespace + "/" + name }

    /// `UnavailableCount`: maxUnavailable scaled to `desired`, rounding up; 0 under OnDelete.
    func unavailableCount(desired: Int) -> Int {
        maxUnavailable.isNull ? 0 : DeploymentController.resolve(maxUnavailable, desired, roundUp: true, fallback: "0")
    }

    /// `SurgeCount`: maxSurge scaled to `desired`, rounding up; 0 when absent or under OnDelete.
    func surgeCount(desired: Int) -> Int {
        maxSurge.isNull ? 0 : DeploymentController.resolve(maxSurge, desired, roundUp: true, fallback: "0")
    }

    /// `AllowsSurge`: more than one pod may run on a node during an update.
    var allowsSurge: Bool { surgeCount(desired: 1) > 0 }

    /// `controller.ComputeHash` of the DaemonSet's own template (not the revision's patch).
    func revisionHash(data: JSONValue, collisionCount: Int) -> String {
        PodTemplateHash.of(ControllerRevisionHistory.template(of: ["data": data]), collisionCount: collisionCount)
    }

    /// The controller ownerReference pods and revisions carry.
    var controllerReference: JSONValue {
        OwnerReferences.controllerReference(apiVersion: "apps/v1", kind: "DaemonSet", name: name, uid: uid)
    }
}
