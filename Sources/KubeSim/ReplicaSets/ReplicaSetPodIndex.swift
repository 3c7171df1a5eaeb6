import KubeAPI

/// The ReplicaSet controller's view of its pods, kept current from the watch like upstream's pod
/// informer with its controller-uid index: for each ReplicaSet (by uid) the pods it controls, and
/// running counts of what the set's status reports. A sync reads the counts instead of listing the
/// set's pods, so a set of 5,000 pods syncs as cheaply as a set of 5 (pods are only listed to pick
/// victims when the set scales down).
final class ReplicaSetPodIndex {
    /// A pod, by namespace and name.
    struct PodKey: Hashable {
        let namespace: String
        let name: String
    }

    /// What the controller reads of one pod.
    struct PodState: Equatable {
        /// Neither being deleted nor Succeeded/Failed: it counts toward replicas (`FilterActivePods`).
        let isActive: Bool
        let isReady: Bool
        let labels: [String: String]

        /// `labels`: the pod's labels when already known (most writes are status writes).
        init(_ pod: JSONValue, labels: [String: String]? = nil) {
            isActive = !pod.isDeleting && !ReplicaSetController.isTerminal(pod)
            isReady = ReplicaSetController.isReady(pod)
            self.labels = labels ?? pod.labels
        }
    }

    /// One set's pods and the counts its status is computed from.
    struct SetPods {
        var pods: [PodKey: PodState] = [:]
        /// Active pods, and the active pods that are Ready.
        private(set) var active = 0
        private(set) var activeReady = 0
        /// Active pods carrying every label of `countedLabels` (the template's labels when last counted).
        private(set) var activeFullyLabeled = 0
        private(set) var countedLabels: [String: String] = [:]

        /// Replaces one pod's state (nil: the pod left the set), keeping the counts.
        mutating func set(_ key: PodKey, to state: PodState?) {
            let previous = pods[key]
            guard previous != state else { return }
            if let previous { count(previous, by: -1) }
            pods[key] = state
            if let state { count(state, by: 1) }
        }

        /// Recounts fully labeled pods when the template's labels differ from the ones counted.
        mutating func countFullyLabeled(against labels: [String: String]) {
            guard labels != countedLabels else { return }
            countedLabels = labels
            activeFullyLabeled = pods.values.filter { $0.isActive && Self.carries($0, labels) }.count
        }

        private mutating func count(_ state: PodState, by delta: Int) {
            guard state.isActive else { return }
            active += delta
            if state.isReady { activeReady += delta }
            if Self.carries(state, countedLabels) { activeFullyLabeled += delta }
        }

        private static func carries(_ state: PodState, _ labels: [String: String]) -> Bool {
            labels.allSatisfy { state.labels[$0.key] == $0.value }
        }
    }

    /// ReplicaSet uid → its pods.
    private var sets: [String: SetPods] = [:]
    /// Sets whose pods were read from the store's owner index once; from then on the watch keeps them.
    private var loaded: Set<String> = []

    static let podType = ResourceRegistry.lookup("pods")!

    /// Updates the index for one store change.
    func observe(_ event: WatchEvent) {
        switch event.resource.kind {
        case "Pod":
            let object = event.object
            let key = PodKey(namespace: object.namespace ?? "", name: object.name)
            let oldOwner = event.old.flatMap(Self.ownerUID(of:))
            let newOwner = event.kind == .deleted ? nil : Self.ownerUID(of: object)
            if let oldOwner, oldOwner != newOwner { sets[oldOwner]?.set(key, to: nil) }
            guard let newOwner else { return }
            var knownLabels: [String: String]?
            if oldOwner == newOwner, let old = event.old, let previous = sets[newOwner]?.pods[key],
                old["metadata"]["labels"] == object["metadata"]["labels"]
            {
                knownLabels = previous.labels
            }
            sets[newOwner, default: SetPods()].set(key, to: PodState(object, labels: knownLabels))
        case "ReplicaSet" where event.kind == .deleted:
            sets[event.object.uid] = nil
            loaded.remove(event.object.uid)
        default:
            break
        }
    }

    /// The pods `rs` controls, with the fully-labeled count taken against its template's labels.
    /// The first call for a set reads its pods from the store (pods stored before the controller
    /// watched, as an informer's initial list).
    func pods(of rs: JSONValue, in store: ObjectStore) -> SetPods {
        let uid = rs.uid
        if loaded.insert(uid).inserted { load(uid, from: store) }
        sets[uid, default: SetPods()].countFullyLabeled(against: rs["spec"]["template"]["metadata"]["labels"].stringMap)
        return sets[uid]!
    }

    /// The set's active pods, read from the store (for choosing which to delete).
    func activePods(of uid: String, in store: ObjectStore) -> [JSONValue] {
        (sets[uid]?.pods ?? [:]).compactMap { key, state in
            state.isActive ? store.get(Self.podType, namespace: key.namespace, name: key.name) : nil
        }
    }

    private func load(_ uid: String, from store: ObjectStore) {
        var pods = SetPods()
        for pod in ReplicaSetController.ownedPods(of: uid, in: store) {
            pods.set(PodKey(namespace: pod.namespace ?? "", name: pod.name), to: PodState(pod))
        }
        sets[uid] = pods
    }

    /// The uid of the ReplicaSet controlling `pod`, if one does.
    static func ownerUID(of pod: JSONValue) -> String? {
        guard let ref = pod.controllerRef, ref["kind"].string == "ReplicaSet" else { return nil }
        return ref["uid"].string
    }
}
