import Testing
@testable import KubeAPI

/// Odd shapes must come back as API errors (or be accepted), never crash admission.
@Test func oddShapesNeverCrash() {
    let shapes: [JSONValue] = [.null, 1, -1.5, "x", true, [], [1, "a"], .emptyObject,
                               ["containers": "x", "template": [], "ports": [[:]], "selector": 3, "replicas": .double(.infinity)],
                               ["template": ["spec": ["containers": [["name": 1, "ports": [["containerPort": "http"]]]], "volumes": [7]]]]]
    var outcomes = 0
    for type in ResourceRegistry.all where KindRegistry.descriptor(forKind: type.kind)?.schema != nil {
        for shape in shapes {
            for key in ["spec", "metadata", "status", "data", "rules"] {
                var obj: JSONValue = ["apiVersion": .string(type.apiVersion), "kind": .string(type.kind), "metadata": ["name": "x"]]
                obj[key] = shape
                for op in [Admission.Operation.create, .update] {
                    do {
                        _ = try Admission.admit(obj, as: type, operation: op, old: op == .update ? obj : nil)
                    } catch {
                        #expect(!error.message.isEmpty)
                    }
                    outcomes += 1
                }
            }
        }
    }
    #expect(outcomes > 0)
}

