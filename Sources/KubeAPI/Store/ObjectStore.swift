
/// The API server's storage: objects by resource, namespace and name, with resourceVersions,
/// uids, timestamps, finalizers, graceful pod deletion and synchronous watches.
///
/// Validation and defaulting happen before objects reach the store (see `Schema`); garbage
/// collection of dependents is a controller in KubeSim, as in a real cluster.
public final class ObjectStore {
    /// The virtual clock, read for creation and deletion timestamps.
    public var now: () -> Millis
    /// Source of fresh uids (seeded by the simulation for determinism).
    public var makeUID: () -> String
    public private(set) var revision: Int = 1

    /// A type's objects by (namespace, name), and how many writes it has seen (see `cachedList`).
    private struct Table {
        var objects: [Slot: StoredObject] = [:]
        var writes = 0
    }

    /// resource.storageID → its table; a type never written has no table yet.
    private var tables: [Table] = []
    /// owner uid → dependents that name it in an ownerReference.
    private var dependents: [String: Set<ObjectRef>] = [:]
    private var observers: [Observer] = []
    /// The last creation timestamp's text, so objects created at one instant share one string.
    private var lastStamp: (at: Millis, text: String)?
    private var nextObserverID = 0

    public init(now: @escaping () -> Millis, makeUID: @escaping () -> String) {
        self.now = now
        self.makeUID = makeUID
    }

    // MARK: Watches

    private struct Observer {
        let id: Int
        let wants: (ResourceType) -> Bool
        let fn: (WatchEvent) -> Void
    }

    /// Calls `fn` synchronously after every change to a resource `wants` accepts; returns a token
    /// for `unwatch`. Saying which resources matter lets compact objects that nobody watches stay
    /// unrendered.
    @discardableResult
    public func watch(_ wants: @escaping (ResourceType) -> Bool = { _ in true },
                      _ fn: @escaping (WatchEvent) -> Void) -> Int
    {
        nextObserverID += 1
        observers.append(Observer(id: nextObserverID, wants: wants, fn: fn))
        return nextObserverID
    }

    /// Drops every watch (the cluster shutting down).
    public func unwatchAll() { observers = [] }

    public func unwatch(_ token: Int) { observers.removeAll { $0.id == token } }

    private func emit(_ kind: WatchEvent.Kind, _ r: ResourceType, _ obj: JSONValue, old: JSONValue?) {
        emit(kind, r, rendering: { obj }, old: { old })
    }

    /// Delivers a change to the observers that want it; the object is rendered at most once, and
    /// only when one of them does.
    private func emit(_ kind: WatchEvent.Kind, _ r: ResourceType, rendering obj: () -> JSONValue,
                      old: () -> JSONValue?)
    {
        var event: WatchEvent?
        for o in observers where o.wants(r) {
            if event == nil { event = WatchEvent(kind: kind, resource: r, object: obj(), old: old()) }
            o.fn(event!)
        }
    }

    // MARK: Reading

    /// An object's place in its table: two strings, so a lookup joins nothing.
    private struct Slot: Hashable {
        let namespace: String
        let name: String

        /// Hashes the name and only the namespace's length: most lookups are in one namespace, and
        /// every controller step looks objects up, so hashing a second string cost more than the
        /// rare collision of one name in two namespaces of one length.
        func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(namespace.utf8.count)
        }

        /// etcd's order, that of the joined `namespace/name` keys.
        static func listedBefore(_ a: Slot, _ b: Slot) -> Bool {
            if a.namespace == b.namespace { return a.name < b.name }
            // Names never contain "/", so the first difference lies in `namespace/`.
            return a.namespace + "/" < b.namespace + "/"
        }
    }

    private static func key(_ ns: String, _ name: String) -> Slot { Slot(namespace: ns, name: name) }

    public func get(_ r: ResourceType, namespace: String?, name: String) -> JSONValue? {
        table(r)?[Self.key(r.namespaced ? (namespace ?? "") : "", name)]?.value ?? Self.computed(r)?.first { $0.name == name }
    }

    /// Whether an object exists, without rendering a compact one.
    public func contains(_ r: ResourceType, namespace: String?, name: String) -> Bool {
        table(r)?[Self.key(r.namespaced ? (namespace ?? "") : "", name)] != nil || Self.computed(r)?.contains { $0.name == name } == true
    }

    /// The objects of kinds whose registry computes them on read (`KindDescriptor.computedObjects`),
    /// by storage id: nothing stores them, so they never count in the revision or the uid sequence.
    private static let computedByStorageID: [[JSONValue]?] = {
        var table: [[JSONValue]?] = []
        for d in KindRegistry.all {
            guard let objects = d.computedObjects else { continue }
            let id = d.resource.storageID
            if id >= table.count { table += repeatElement(nil, count: id + 1 - table.count) }
            table[id] = objects
        }
        return table
    }()

    private static func computed(_ r: ResourceType) -> [JSONValue]? {
        r.storageID < computedByStorageID.count ? computedByStorageID[r.storageID] : nil
    }

    public func get(_ ref: ObjectRef) -> JSONValue? { get(ref.resource, namespace: ref.namespace, name: ref.name) }

    /// Objects of a type, ordered by namespace then name as etcd lists them; nil namespace means all.
    public func list(_ r: ResourceType, namespace: String? = nil) -> [JSONValue] {
        if let computed = Self.computed(r) { return computed }
        guard let table = table(r) else { return [] }
        var keys: [Slot]
        if let ns = namespace, r.namespaced {
            keys = table.keys.filter { $0.namespace == ns }
        } else {
            keys = Array(table.keys)
        }
        keys.sort(by: Slot.listedBefore)
        return keys.map { table[$0]!.value }
    }

    public func count(_ r: ResourceType) -> Int { table(r)?.count ?? 0 }

    private func table(_ r: ResourceType) -> [Slot: StoredObject]? {
        r.storageID < tables.count ? tables[r.storageID].objects : nil
    }

    /// The table of `r`, made (with any missing before it) on the type's first write.
    private func tableIndex(_ r: ResourceType) -> Int {
        let id = r.storageID
        if id >= tables.count { tables.append(contentsOf: repeatElement(Table(), count: id + 1 - tables.count)) }
        return id
    }

    /// Cluster-wide listings kept while their type's write count stands still.
    private var listCache: [Int: (writes: Int, objects: [JSONValue])] = [:]

    /// Counts a write to `r`, whose table every write path has made or found first.
    private func wrote(_ r: ResourceType) { tables[r.storageID].writes += 1 }

    /// `list(r)` across namespaces, kept until an object of the type is written: for small types read
    /// on every request (the RBAC authorizer's bindings), where sorting them each time showed in profiles.
    public func cachedList(_ r: ResourceType) -> [JSONValue] {
        let writes = r.storageID < tables.count ? tables[r.storageID].writes : 0
        if let cached = listCache[r.storageID], cached.writes == writes { return cached.objects }
        let objects = list(r)
        listCache[r.storageID] = (writes, objects)
        return objects
    }
    /// Objects of every type (a few dozen tables, so cheap enough to ask on each create).
    public var objectCount: Int { tables.reduce(0) { $0 + $1.objects.count } }

    /// Every object of every type, for snapshots and digests.
    public func allObjects() -> [(ResourceType, JSONValue)] {
        var out: [(ResourceType, JSONValue)] = []
        for r in ResourceRegistry.all where Self.computed(r) == nil { for o in list(r) { out.append((r, o)) } }
        return out
    }

    /// Objects whose ownerReferences name `uid`.
    public func dependents(of uid: String) -> [ObjectRef] {
        (dependents[uid] ?? []).sorted()
    }

    // MARK: Writing

    /// Stores a new object, filling uid (unless the API server drew it already), resourceVersion,
    /// creationTimestamp and generation.
    @discardableResult
    public func create(_ r: ResourceType, _ object: JSONValue, uid: String? = nil) throws(APIError) -> JSONValue {
        var obj = object
        let (ns, name) = try assignCreateMetadata(&obj, r, uid: uid)
        revision += 1
        obj["metadata"]["resourceVersion"] = .string(String(revision))
        obj = Self.orderMetadata(obj)
        let table = tableIndex(r)
        tables[table].objects[Self.key(ns, name)] = .json(obj)
        wrote(r)
        index(ObjectRef(r, namespace: ns, name: name), old: nil, new: obj)
        emit(.added, r, obj, old: nil)
        return obj
    }

    /// What `create` would store, without storing it: a server dry run's answer, which has a uid,
    /// a creation time and a first generation but no resourceVersion (nothing was written).
    public func dryRunCreate(_ r: ResourceType, _ object: JSONValue, uid: String? = nil) throws(APIError) -> JSONValue {
        var obj = object
        _ = try assignCreateMetadata(&obj, r, uid: uid)
        return Self.orderMetadata(obj)
    }

    /// The metadata the registry gives a new object (name from generateName, type, namespace,
    /// uid, creation time, generation), refusing a name in use; gives its namespace and name.
    private func assignCreateMetadata(_ obj: inout JSONValue, _ r: ResourceType, uid: String?) throws(APIError) -> (String, String) {
        let ns = r.namespaced ? (obj.namespace ?? "default") : ""
        var name = obj.name
        if name.isEmpty, let prefix = obj["metadata"]["generateName"].string {
            name = prefix + makeSuffix()
            obj["metadata"]["name"] = .string(name)
        }
        if contains(r, namespace: ns, name: name) { throw .alreadyExists(r, name) }
        obj["apiVersion"] = .string(r.apiVersion)
        obj["kind"] = .string(r.kind)
        if r.namespaced { obj["metadata"]["namespace"] = .string(ns) } else { obj["metadata"]["namespace"] = .null }
        obj["metadata"]["uid"] = .string(uid ?? makeUID())
        obj["metadata"]["creationTimestamp"] = .string(stampText(now()))
        if r.tracksGeneration { obj["metadata"]["generation"] = 1 }
        return (ns, name)
    }

    /// Stores a new object kept as a compact record (see `CompactObject`); `make` receives the
    /// uid, resourceVersion and creation time the store assigns. Such objects carry no
    /// ownerReferences. A later `update` stores the JSON it is given.
    public func createCompact(_ r: ResourceType, namespace: String, name: String,
                              _ make: (AssignedMetadata) -> any CompactObject) throws(APIError)
    {
        let ns = r.namespaced ? namespace : ""
        if contains(r, namespace: ns, name: name) { throw .alreadyExists(r, name) }
        let uid = makeUID()
        revision += 1
        let record = make(AssignedMetadata(uid: uid, resourceVersion: revision, creationTimestamp: now()))
        let table = tableIndex(r)
        tables[table].objects[Self.key(ns, name)] = .compact(record)
        wrote(r)
        emit(.added, r, rendering: record.rendered, old: { nil })
    }

    /// Replaces a stored object. Bumps resourceVersion, and generation when the spec changed.
    /// An object being deleted whose finalizers are now empty is removed.
    /// `throughStatus` is a write to the status subresource: it never counts as a spec (or, for
    /// Deployments, an annotation) change, so the generation stays.
    @discardableResult
    public func update(_ r: ResourceType, _ object: JSONValue, throughStatus: Bool = false) throws(APIError) -> JSONValue {
        let ns = r.namespaced ? (object.namespace ?? "default") : ""
        let key = Self.key(ns, object.name)
        guard let old = table(r)?[key]?.value else { throw .notFound(r, object.name) }
        var obj = object
        if !throughStatus { Self.countGeneration(&obj, old: old, r) }
        if obj == old { return old }
        revision += 1
        obj["metadata"]["resourceVersion"] = .string(String(revision))
        let ref = ObjectRef(r, namespace: ns, name: object.name)
        // A pod goes when its last finalizer does only once its kubelet has confirmed termination
        // (grace period 0); before that the kubelet's final delete removes it.
        let terminated = r.kind != "Pod" || obj["metadata"]["deletionGracePeriodSeconds"].int == 0
        if obj.isDeleting && obj["metadata"]["finalizers"].items.isEmpty && terminated && !Self.heldBySpecFinalizers(obj, r) {
            remove(ref, last: obj)
            return obj
        }
        tables[r.storageID].objects[key] = .json(obj)
        wrote(r)
        index(ref, old: old, new: obj)
        emit(.modified, r, obj, old: old)
        return obj
    }

    /// The strategies' PrepareForUpdate: a spec change (for Deployments also an annotation change)
    /// counts one more generation. A server dry run shows the count an update would store.
    public static func countGeneration(_ obj: inout JSONValue, old: JSONValue, _ r: ResourceType) {
        guard r.tracksGeneration else { return }
        if old["spec"] != obj["spec"]
            || (r.generation == .specAndAnnotations && old["metadata"]["annotations"] != obj["metadata"]["annotations"])
        {
            obj["metadata"]["generation"] = .int((old["metadata"]["generation"].int ?? 0) + 1)
        }
    }

    /// Reads, changes and writes back one object; a no-op change writes nothing.
    @discardableResult
    public func modify(_ ref: ObjectRef, _ change: (inout JSONValue) -> Void) throws(APIError) -> JSONValue {
        guard var obj = get(ref) else { throw .notFound(ref.resource, ref.name) }
        change(&obj)
        return try update(ref.resource, obj)
    }

    /// Deletes an object the way the API server does: objects with finalizers get a
    /// deletionTimestamp and stay; pods follow `podDeletion`; everything else goes at once.
    /// Returns the object as it was when the delete took effect.
    @discardableResult
    public func delete(_ ref: ObjectRef, gracePeriodSeconds: Int? = nil) throws(APIError) -> JSONValue {
        guard let stored = get(ref) else { throw .notFound(ref.resource, ref.name) }
        var obj = stored
        let hasFinalizers = !obj["metadata"]["finalizers"].items.isEmpty || Self.heldBySpecFinalizers(obj, ref.resource)
        var marked: Bool
        if ref.resource.kind == "Pod" {
            switch podDeletion(&obj, gracePeriodSeconds: gracePeriodSeconds) {
            case .pending: return obj
            case .now:
                // Nothing left to shorten: a finalizer still holds the pod, or it goes now.
                if hasFinalizers { return obj }
                marked = false
            case .marked: marked = true
            }
        } else {
            marked = hasFinalizers && !obj.isDeleting
            if hasFinalizers && obj.isDeleting { return obj }
            if marked {
                obj["metadata"]["deletionTimestamp"] = .string(Timestamp.rfc3339(now()))
                obj["metadata"]["deletionGracePeriodSeconds"] = 0
            }
        }
        if marked {
            revision += 1
            obj["metadata"]["resourceVersion"] = .string(String(revision))
            tables[ref.resource.storageID].objects[Self.key(ref.namespace, ref.name)] = .json(obj)
            wrote(ref.resource)
            emit(.modified, ref.resource, obj, old: stored)
            // Marked with no time left and nothing holding it: removed in the same request.
            let graceLeft = ref.resource.kind == "Pod" && obj["metadata"]["deletionGracePeriodSeconds"].int != 0
            if hasFinalizers || graceLeft { return obj }
        }
        remove(ref, last: obj)
        return obj
    }

    /// What a pod's delete does first.
    enum PodDeletion {
        /// A graceful deletion is already under way and this one does not shorten it.
        case pending
        /// The pod goes without another write (its deletion already has no time left).
        case now
        /// The deletion timestamp and grace period were set on `obj`, to be written.
        case marked
    }

    /// Upstream's `rest.BeforeDelete` with the pod strategy's `CheckGracefulDelete`: every pod
    /// delete writes the deletion timestamp and grace period first, so a watch sees it before the
    /// pod goes; the period is the one asked for (or the pod's terminationGracePeriodSeconds),
    /// and 0 for a pod no kubelet runs (unscheduled or already Succeeded/Failed). A second delete
    /// may only shorten the period, moving the timestamp back by the difference (never into the
    /// past). With a period of 0 the pod goes in the same request.
    func podDeletion(_ obj: inout JSONValue, gracePeriodSeconds: Int?) -> PodDeletion {
        if obj.isDeleting {
            guard let current = obj["metadata"]["deletionGracePeriodSeconds"].int, current != 0 else { return .now }
            guard let asked = gracePeriodSeconds, asked < current else { return .pending }
            let requested = obj["metadata"]["deletionTimestamp"].string.flatMap(Timestamp.parse) ?? now()
            let shortened = max(now(), requested - Millis(min(current, 1_000_000_000_000)) * 1000 + Millis(max(0, asked)) * 1000)
            obj["metadata"]["deletionTimestamp"] = .string(Timestamp.rfc3339(shortened))
            obj["metadata"]["deletionGracePeriodSeconds"] = .int(max(0, asked))
            return .marked
        }
        let phase = obj["status"]["phase"].string ?? ""
        let bound = !(obj["spec"]["nodeName"].string ?? "").isEmpty
        var period = max(0, gracePeriodSeconds ?? obj["spec"]["terminationGracePeriodSeconds"].int ?? 30)
        if !bound || phase == "Succeeded" || phase == "Failed" { period = 0 }
        // terminationGracePeriodSeconds is any int64; past ~31,000 years the deadline stops growing.
        obj["metadata"]["deletionTimestamp"] = .string(Timestamp.rfc3339(now() + Millis(min(period, 1_000_000_000_000)) * 1000))
        obj["metadata"]["deletionGracePeriodSeconds"] = .int(period)
        return .marked
    }

    /// Removes an object immediately (force deletion, or a kubelet confirming termination).
    public func remove(_ ref: ObjectRef) {
        guard let stored = table(ref.resource)?[Self.key(ref.namespace, ref.name)] else { return }
        remove(ref, stored: stored)
    }

    private func remove(_ ref: ObjectRef, last: JSONValue) { remove(ref, stored: .json(last)) }

    /// A compact object owns nothing and is rendered only if a watch wants its deletion.
    private func remove(_ ref: ObjectRef, stored: StoredObject) {
        tables[ref.resource.storageID].objects.removeValue(forKey: Self.key(ref.namespace, ref.name))
        wrote(ref.resource)
        if case .json(let last) = stored { index(ref, old: last, new: nil) }
        revision += 1
        var last: JSONValue?
        let rendered = {
            if last == nil { last = stored.value }
            return last ?? .null
        }
        emit(.deleted, ref.resource, rendering: rendered, old: rendered)
    }

    // MARK: Helpers

    /// A namespace is held by `spec.finalizers` (the namespace controller's), not metadata ones.
    private static func heldBySpecFinalizers(_ obj: JSONValue, _ r: ResourceType) -> Bool {
        r.kind == "Namespace" && !obj["spec"]["finalizers"].items.isEmpty
    }

    private func index(_ ref: ObjectRef, old: JSONValue?, new: JSONValue?) {
        // Most writes (status updates) leave ownerReferences alone.
        if let old, let new, old["metadata"]["ownerReferences"] == new["metadata"]["ownerReferences"] { return }
        let before = Set(old?.ownerReferences.compactMap { $0["uid"].string } ?? [])
        let after = Set(new?.ownerReferences.compactMap { $0["uid"].string } ?? [])
        if before == after { return }
        for u in before.subtracting(after) {
            dependents[u]?.remove(ref)
            if dependents[u]?.isEmpty == true { dependents.removeValue(forKey: u) }
        }
        for u in after.subtracting(before) { dependents[u, default: []].insert(ref) }
    }

    private func stampText(_ at: Millis) -> String {
        if let last = lastStamp, last.at == at { return last.text }
        let text = Timestamp.rfc3339(at)
        lastStamp = (at, text)
        return text
    }

    /// The letters generated names end in (apimachinery's rand.String alphabet), as bytes.
    private static let suffixAlphabet = Array("bcdfghjklmnpqrstvwxz2456789".utf8)

    /// Five characters from the apiserver's generateName alphabet.
    private func makeSuffix() -> String {
        let alphabet = Self.suffixAlphabet
        var h: UInt64 = 1469598103934665603
        for b in makeUID().utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(5)
        for _ in 0..<5 { bytes.append(alphabet[Int(h % UInt64(alphabet.count))]); h /= UInt64(alphabet.count) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Each metadata key's place in the order the API server returns them; keys not listed come
    /// after these, in the order they had.
    private static let metadataRanks: [String: Int] = Dictionary(uniqueKeysWithValues: [
        "annotations", "creationTimestamp", "deletionGracePeriodSeconds", "deletionTimestamp", "finalizers",
        "generateName", "generation", "labels", "name", "namespace", "ownerReferences", "resourceVersion", "uid",
    ].enumerated().map { ($1, $0) })

    /// Puts metadata keys in the order the API server returns them. Every create does this, so
    /// each key is ranked once and the members moved in one pass (looking each listed key up in
    /// turn compared the long ones in full).
    static func orderMetadata(_ obj: JSONValue) -> JSONValue {
        guard let md = obj["metadata"].object else { return obj }
        let members = md.elements
        let unlisted = metadataRanks.count
        let ranks = members.map { metadataRanks[$0.key] ?? unlisted }
        if zip(ranks, ranks.dropFirst()).allSatisfy({ $0 <= $1 }) { return obj }
        // Built at its final size: every stored object keeps this dictionary.
        var sorted = JSONObject(minimumCapacity: members.count)
        for i in members.indices.sorted(by: { (ranks[$0], $0) < (ranks[$1], $1) }) {
            sorted.append(members[i].key, members[i].value)
        }
        var out = obj
        out["metadata"] = .object(sorted)
        return out
    }
}
