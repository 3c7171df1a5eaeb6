import KubeAPI

/// kubectl's pkg/drain filters: which pods on a node a drain deletes, which it skips with a
/// warning, and which stop it, with kubectl 1.32's messages.
struct DrainFilters {
    enum Status: Equatable {
        case delete
        case deleteWithWarning(String)
        case skip
        case skipWithWarning(String)
        case refuse(String)
    }

    var force = false
    var ignoreDaemonSets = false
    var deleteEmptyDirData = false
    /// `--skip-wait-for-delete-timeout`: pods deleted more than this many seconds ago are left
    /// alone (0: none are).
    var skipDeletedAfterSeconds = 0
    /// The cluster's time, against which deletion timestamps count.
    var now: Millis = 0

    static let daemonSetFatal = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)"
    static let daemonSetWarning = "ignoring DaemonSet-managed Pods"
    static let localStorageFatal = "Pods with local storage (use --delete-emptydir-data to override)"
    static let localStorageWarning = "deleting Pods with local storage"
    static let unmanagedFatal = "cannot delete Pods that declare no controller (use --force to override)"
    static let unmanagedWarning = "deleting Pods that declare no controller"

    /// The filters in kubectl's order; the first that does not say "delete" decides.
    func status(of pod: JSONValue, in store: ObjectStore) -> Status {
        var last = Status.delete
        for filter in [skipDeleted, daemonSet, mirror, localStorage, unreplicated] {
            let s = filter(pod, store)
            switch s {
            case .delete, .deleteWithWarning: last = s
            default: return s
            }
        }
        return last
    }

    private static func finished(_ pod: JSONValue) -> Bool {
        let phase = pod["status"]["phase"].string
        return phase == "Succeeded" || phase == "Failed"
    }

    /// Upstream's `skipDeletedFilter`, the first: a pod long in deletion is skipped without a word.
    private func skipDeleted(_ pod: JSONValue, _ store: ObjectStore) -> Status {
        Self.longInDeletion(pod, moreThan: skipDeletedAfterSeconds, now: now) ? .skip : .delete
    }

    /// Upstream's `shouldSkipPod`: whole seconds past the pod's deletionTimestamp (the end of its
    /// grace period) above `seconds`, when `seconds` is set.
    static func longInDeletion(_ pod: JSONValue, moreThan seconds: Int, now: Millis) -> Bool {
        guard seconds > 0, let deleted = pod["metadata"]["deletionTimestamp"].string.flatMap(Timestamp.parse) else { return false }
        return (now - deleted) / 1000 > Millis(seconds)
    }

    private func daemonSet(_ pod: JSONValue, _ store: ObjectStore) -> Status {
        guard let ref = pod.controllerRef, ref["kind"].string == "DaemonSet" else { return .delete }
        // A finished pod of a DaemonSet goes like any other.
        if Self.finished(pod) { return .delete }
        let type = ResourceRegistry.forKind("DaemonSet")!
        let name = ref["name"].string ?? ""
        guard store.get(type, namespace: pod.namespace, name: name) != nil else {
            let missing = APIError.notFound(type, name).message
            return force ? .deleteWithWarning(missing) : .refuse(missing)
        }
        return ignoreDaemonSets ? .skipWithWarning(Self.daemonSetWarning) : .refuse(Self.daemonSetFatal)
    }

    private func mirror(_ pod: JSONValue, _ store: ObjectStore) -> Status {
        pod.annotations["kubernetes.io/config.mirror"] != nil ? .skip : .delete
    }

    private func localStorage(_ pod: JSONValue, _ store: ObjectStore) -> Status {
        guard pod["spec"]["volumes"].items.contains(where: { !$0["emptyDir"].isNull }) else { return .delete }
        if Self.finished(pod) { return .delete }
        return deleteEmptyDirData ? .deleteWithWarning(Self.localStorageWarning) : .refuse(Self.localStorageFatal)
    }

    private func unreplicated(_ pod: JSONValue, _ store: ObjectStore) -> Status {
        if Self.finished(pod) || pod.controllerRef != nil { return .delete }
        return force ? .deleteWithWarning(Self.unmanagedWarning) : .refuse(Self.unmanagedFatal)
    }

    /// The pods to delete, the warning line's text and the refusals, for the node's pods in list order.
    func plan(_ pods: [JSONValue], in store: ObjectStore) -> (delete: [JSONValue], warnings: String, errors: [String]) {
        var deletable: [JSONValue] = []
        var warned: [(String, [String])] = []
        var refused: [(String, [String])] = []
        func add(_ list: inout [(String, [String])], _ message: String, _ pod: JSONValue) {
            let name = (pod.namespace ?? "default") + "/" + pod.name
            if let i = list.firstIndex(where: { $0.0 == message }) { list[i].1.append(name) } else { list.append((message, [name])) }
        }
        for pod in pods {
            switch status(of: pod, in: store) {
            case .delete: deletable.append(pod)
            case .deleteWithWarning(let w): deletable.append(pod); add(&warned, w, pod)
            case .skip: break
            case .skipWithWarning(let w): add(&warned, w, pod)
            case .refuse(let e): add(&refused, e, pod)
            }
        }
        // kubectl gathers these in Go maps, whose order varies run to run; kubelab sorts them.
        let warnings = warned.sorted { $0.0 < $1.0 }.map { "\($0.0): \($0.1.joined(separator: ", "))" }.joined(separator: "; ")
        let errors = refused.sorted { $0.0 < $1.0 }.map { "cannot delete \($0.0): \($0.1.joined(separator: ", "))" }
        return (deletable, warnings, errors)
    }
}
