import Testing
@testable import KubeAPI

/// Every served kind is described once and completely: the registry, admission and the store read
/// the descriptor, so a gap here is a kind that would silently fall through.
@Suite struct KindRegistryTests {
    @Test func everyKindIsServedOnceUnderItsOwnNames() {
        let kinds = KindRegistry.all.map(\.resource.kind)
        #expect(Set(kinds).count == kinds.count)
        for descriptor in KindRegistry.all {
            let r = descriptor.resource
            #expect(ResourceRegistry.lookup(r.plural) == r)
            #expect(ResourceRegistry.forKind(r.kind, apiVersion: r.apiVersion) == r)
            for short in r.shortNames { #expect(ResourceRegistry.lookup(short) == r) }
        }
        #expect(ResourceRegistry.all.count == 33)
    }

    /// Fields a descriptor says the server fills in or keeps must exist where it says they are.
    @Test func declaredFieldsExistInTheKindsSchema() throws {
        for descriptor in KindRegistry.all {
            guard let schema = descriptor.schema else {
                #expect(descriptor.defaults == nil && descriptor.validate == nil && descriptor.initialStatus == nil,
                        "\(descriptor.resource.kind) has rules but no schema to decode against")
                continue
            }
            let spec = schema.field("spec").flatMap { field -> ObjectSchema? in
                if case .object(let s) = field.type { return s }
                return nil
            }
            for key in descriptor.serverFilledSpecFields {
                #expect(spec?.field(key) != nil, "\(descriptor.resource.kind).spec.\(key)")
            }
            if descriptor.scalable { #expect(spec?.field("replicas") != nil, "\(descriptor.resource.kind) scales spec.replicas") }
            if let byteField = descriptor.byteField { #expect(schema.field(byteField) != nil) }
            if descriptor.initialStatus != nil { #expect(schema.field("status") != nil, "\(descriptor.resource.kind).status") }
        }
    }

    /// Workloads, and EndpointSlice, whose strategy sets generation 1 on create.
    @Test func generationIsKeptByWorkloadsOnly() {
        let tracked = KindRegistry.all.filter(\.resource.tracksGeneration).map(\.resource.kind).sorted()
        #expect(tracked == ["CronJob", "DaemonSet", "Deployment", "EndpointSlice", "Job", "PodDisruptionBudget", "ReplicaSet",
                            "ReplicationController", "StatefulSet"])
        #expect(KindRegistry.all.filter { $0.resource.generation == .specAndAnnotations }.map(\.resource.kind) == ["Deployment"])
        #expect(KindRegistry.all.filter(\.scalable).map(\.resource.kind).sorted() == ["Deployment", "ReplicaSet", "ReplicationController", "StatefulSet"])
    }

    /// A replace that leaves out what the scheduler and admission filled in keeps it, for every field
    /// the pod's descriptor names (one list, used before validation and on store).
    @Test func aReplaceKeepsWhatTheServerFilledIn() throws {
        let pod = KindDescriptor.pod
        var old: JSONValue = ["metadata": ["name": "p", "uid": "u1", "creationTimestamp": "t"], "spec": [:], "status": ["phase": "Running"]]
        for key in pod.serverFilledSpecFields { old["spec"][key] = .string("server-\(key)") }
        var replaced: JSONValue = ["metadata": ["name": "p"], "spec": ["containers": []], "status": ["phase": "Failed"]]
        pod.carryOver(into: &replaced, from: old)
        for key in pod.serverFilledSpecFields { #expect(replaced["spec"][key] == .string("server-\(key)")) }
        #expect(replaced["metadata"]["uid"] == "u1")
        #expect(replaced["status"]["phase"] == "Running")
    }
}
