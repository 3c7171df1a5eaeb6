import KubeAPI
import Testing

@testable import KubeSim

/// ControllerRevision names, labels, numbering, rollback and history limit.
@Suite struct ControllerRevisionTests {
    @Test func fnvAndSafeEncodingMatchTheirReferences() {
        // FNV-1 32-bit reference values.
        #expect(RevisionHash.fnv1([]) == 0x811c_9dc5)
        #expect(RevisionHash.fnv1(Array("a".utf8)) == 0x050c_5d7e)
        #expect(RevisionHash.fnv1(Array("foobar".utf8)) == 0x31f0_b262)
        // rand.SafeEncodeString maps byte b to alphabet[b % 27], so decimal digits become 4-9 and b, c, d, f.
        #expect(RevisionHash.safeEncode("0123456789") == "456789bcdf")
    }

    @Test func goJSONSortsKeysAndEscapesLikeEncodingJSON() {
        let value: JSONValue = ["b": 1, "a": ["z": "<&>", "y": [true, .null, 2.5]], "$patch": "replace"]
        #expect(RevisionHash.compactJSON(value) == #"{"$patch":"replace","a":{"y":[true,null,2.5],"z":"\u003c\u0026\u003e"},"b":1}"#)
    }

    @Test func revisionNameIsTheSetNameAndTheTemplateHash() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 1, claimClass: nil))
        let set = bed.get(WLTestBed.sts, "web")!
        let revisions = bed.store.list(WLTestBed.cr, namespace: "default")
        #expect(revisions.count == 1)
        let data = ControllerRevisionHistory.patch(for: set.spec["template"])
        let hash = RevisionHash.hash(of: data, collisionCount: 0)
        let revision = revisions[0]
        #expect(revision.name == "web-" + hash)
        #expect(revision["revision"] == 1)
        #expect(revision["data"] == data)
        #expect(revision["data"]["spec"]["template"]["$patch"] == "replace")
        #expect(revision.labels == ["app": "web", "controller.kubernetes.io/hash": .init(hash)])
        #expect(revision.controllerRef?["uid"].string == set.uid)
        #expect(set.status["currentRevision"].string == revision.name)
        // Deterministic: another cluster (another seed, other uids) names it the same.
        let other = WLTestBed(seed: 99)
        other.apply(WLTestBed.statefulSet(name: "web", replicas: 1, claimClass: nil))
        #expect(other.store.list(WLTestBed.cr, namespace: "default").map(\.name) == [revision.name])
        #expect(hash.count <= 10 && hash.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
    }

    @Test func updatesAddRevisionsAndRollbackRenumbers() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 1, claimClass: nil))
        bed.advance(seconds: 10)
        let first = bed.get(WLTestBed.sts, "web")!.status["currentRevision"].string!
        bed.setImage("web", "nginx:1.26")
        bed.advance(seconds: 10)
        let second = bed.get(WLTestBed.sts, "web")!.status["updateRevision"].string!
        #expect(second != first)
        var numbers = bed.store.list(WLTestBed.cr, namespace: "default").map { "\($0.name)=\($0["revision"].int ?? 0)" }.sorted()
        #expect(numbers == ["\(first)=1", "\(second)=2"].sorted())
        // Going back to the first template reuses its revision with the next number.
        bed.setImage("web", "nginx:1.25")
        bed.advance(seconds: 10)
        let sts = bed.get(WLTestBed.sts, "web")!
        #expect(sts.status["updateRevision"].string == first)
        #expect(sts.status["currentRevision"].string == first)
        numbers = bed.store.list(WLTestBed.cr, namespace: "default").map { "\($0.name)=\($0["revision"].int ?? 0)" }.sorted()
        #expect(numbers == ["\(first)=3", "\(second)=2"].sorted())
    }

    @Test func historyIsTruncatedToTheLimit() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 1, claimClass: nil, extraSpec: "  revisionHistoryLimit: 1"))
        for tag in ["1.26", "1.27", "1.28"] {
            bed.advance(seconds: 10)
            bed.setImage("web", "nginx:" + tag)
        }
        bed.advance(seconds: 10)
        let revisions = ControllerRevisionHistory.sorted(bed.store.list(WLTestBed.cr, namespace: "default"))
        // The live revision plus one historic revision.
        #expect(revisions.map { $0["revision"].int ?? 0 } == [3, 4])
        #expect(bed.get(WLTestBed.sts, "web")!.status["currentRevision"].string == revisions.last?.name)
    }

    @Test func setAnnotationsAreCopiedToTheRevision() {
        let bed = WLTestBed()
        let yaml = WLTestBed.statefulSet(name: "web", replicas: 1, claimClass: nil)
            .replacingOccurrences(of: "  name: web\n", with: "  name: web\n  annotations:\n    team: storage\n")
        bed.apply(yaml)
        #expect(bed.store.list(WLTestBed.cr, namespace: "default").first?.annotations == ["team": "storage"])
    }

    @Test func orphanedRevisionsAreAdoptedByANewSetWithTheSameTemplate() {
        let bed = WLTestBed()
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 1, claimClass: nil))
        bed.advance(seconds: 10)
        let revision = bed.store.list(WLTestBed.cr, namespace: "default")[0]
        let podUID = bed.get(WLTestBed.pod, "web-0")!.uid
        // `kubectl delete sts web --cascade=orphan`: dependents lose their ownerReferences.
        for r in [WLTestBed.cr, WLTestBed.pod] {
            for o in bed.store.list(r, namespace: "default") {
                _ = try! bed.store.modify(ObjectRef(r, namespace: "default", name: o.name)) { $0["metadata"]["ownerReferences"] = nil }
            }
        }
        bed.store.remove(ObjectRef(WLTestBed.sts, namespace: "default", name: "web"))
        bed.apply(WLTestBed.statefulSet(name: "web", replicas: 1, claimClass: nil))
        bed.advance(seconds: 10)
        let set = bed.get(WLTestBed.sts, "web")!
        let revisions = bed.store.list(WLTestBed.cr, namespace: "default")
        #expect(revisions.map(\.uid) == [revision.uid])
        #expect(revisions[0].controllerRef?["uid"].string == set.uid)
        #expect(bed.get(WLTestBed.pod, "web-0")!.uid == podUID)
        #expect(set.status["currentRevision"].string == revision.name)
    }
}
