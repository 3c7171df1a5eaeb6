@testable import KubeAPI
import Testing

@Suite struct AdmissionMemoTests {
    /// A memo whose computations are counted, so each test sees which requests hit.
    private final class Counted {
        let memo = AdmissionMemo<Int, String>()
        var computed = 0
        func value(_ input: JSONValue, variant: Int = 0) -> String {
            memo.value(for: input, variant: variant) {
                computed += 1
                return "result \(computed)"
            }
        }
    }

    private static func spec(_ image: String) -> JSONValue {
        ["containers": [["name": "c", "image": .string(image)]]]
    }

    @Test func copiesOfOneValueShareTheFirstResult() {
        let counted = Counted()
        let template = Self.spec("busybox")
        let copy = template
        #expect(counted.value(template) == "result 1")
        #expect(counted.value(copy) == "result 1")
        #expect(counted.computed == 1)
    }

    @Test func anEqualValueBuiltAfreshIsComputedAgain() {
        let counted = Counted()
        #expect(counted.value(Self.spec("busybox")) == "result 1")
        #expect(counted.value(Self.spec("busybox")) == "result 2")
    }

    @Test func aWrittenCopyNoLongerHits() {
        let counted = Counted()
        let template = Self.spec("busybox")
        _ = counted.value(template)
        var changed = template
        changed["containers"] = [["name": "c", "image": "nginx"]]
        #expect(counted.value(changed) == "result 2")
        #expect(counted.value(template) == "result 1")
    }

    @Test func variantsAreRememberedApart() {
        let counted = Counted()
        let template = Self.spec("busybox")
        #expect(counted.value(template, variant: 1) == "result 1")
        #expect(counted.value(template, variant: 2) == "result 2")
        #expect(counted.value(template, variant: 1) == "result 1")
    }

    @Test func valuesWithoutObjectStorageAreNeverRemembered() {
        let counted = Counted()
        let scalar: JSONValue = "busybox"
        let empty: JSONValue = .object([:])
        _ = counted.value(scalar)
        _ = counted.value(scalar)
        _ = counted.value(empty)
        _ = counted.value(empty)
        #expect(counted.computed == 4)
    }

    @Test func aFullTableIsEmptiedSoNoInputGrowsIt() {
        let counted = Counted()
        let first = Self.spec("image-0")
        _ = counted.value(first)
        var held = [first]  // kept alive so no address is reused while the table fills
        for i in 1..<AdmissionMemo<Int, String>.capacity {
            let input = Self.spec("image-\(i)")
            held.append(input)
            _ = counted.value(input)
        }
        #expect(counted.value(first) == "result 1")
        let overflow = Self.spec("one too many")
        held.append(overflow)
        _ = counted.value(overflow)
        #expect(counted.value(first) != "result 1")
        #expect(counted.computed == AdmissionMemo<Int, String>.capacity + 2)
    }

    /// Through admission: a pod stamped from the same spec twice is defaulted and rejected the same way.
    @Test func admissionGivesTheSameAnswerForSharedAndFreshSpecs() throws {
        let podType = ResourceRegistry.forKind("Pod")!
        let spec: JSONValue = ["containers": [["name": "c", "image": "busybox", "resources": ["limits": ["cpu": "1"]]]]]
        func pod(_ name: String, _ spec: JSONValue) -> JSONValue {
            ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name), "namespace": "default"], "spec": spec]
        }
        let first = try Admission.admit(pod("a", spec), as: podType, operation: .create)
        let second = try Admission.admit(pod("b", spec), as: podType, operation: .create)
        let fresh = try Admission.admit(pod("c", ["containers": [["name": "c", "image": "busybox", "resources": ["limits": ["cpu": "1"]]]]]),
                                        as: podType, operation: .create)
        #expect(first["spec"] == second["spec"])
        #expect(first["spec"] == fresh["spec"])
        #expect(first["spec"]["containers"][0]["resources"]["requests"]["cpu"] == "1")
        #expect(first["status"]["qosClass"] == "Burstable")

        let invalid: JSONValue = ["containers": [["name": "c"]]]
        for name in ["x", "y"] {
            #expect(throws: (any Error).self) { try Admission.admit(pod(name, invalid), as: podType, operation: .create) }
        }
    }
}
