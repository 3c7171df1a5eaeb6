import Testing
@testable import KubeAPI

/// Goldens are written line by line so the significant trailing spaces stay visible.
private func lines(_ l: [String]) -> String { l.joined(separator: "\n") }

@Suite struct ExplainTests {
    @Test func enumFieldMatchesKubectlLayout() throws {
        let expected = lines([
            "GROUP:      apps",
            "KIND:       StatefulSet",
            "VERSION:    v1",
            "",
            "FIELD: podManagementPolicy <string>",
            "ENUM:",
            "    OrderedReady",
            "    Parallel",
            "",
            "DESCRIPTION:",
            "    Decides how pods are created and removed when the set scales. With the",
            "    default `OrderedReady` the controller creates pod-0 first and waits for each",
            "    pod to be Running and Ready before making the next, and removes pods from",
            "    the highest number down. `Parallel` creates or removes all needed pods at",
            "    once without waiting.",
            "    ",
            "    Possible enum values:",
            "     - `\"OrderedReady\"` handles one pod at a time: upward on scale up, downward",
            "    on scale down, moving on only after the previous pod is ready or gone.",
            "     - `\"Parallel\"` creates and deletes pods immediately when the replica count",
            "    changes, without waiting for readiness or termination.",
            "    ",
            "",
            "",
        ])
        #expect(try Explain.render(path: "statefulset.spec.podManagementPolicy", apiVersion: nil, recursive: false) == expected)
        #expect(try Explain.render(path: "sts.spec.podManagementPolicy", apiVersion: "apps/v1", recursive: false) == expected)
    }

    @Test func objectFieldListsSortedFieldsWithDescriptions() throws {
        let expected = lines([
            "GROUP:      apps",
            "KIND:       StatefulSet",
            "VERSION:    v1",
            "",
            "FIELD: updateStrategy <StatefulSetUpdateStrategy>",
            "",
            "",
            "DESCRIPTION:",
            "    How pods are replaced when the template changes.",
            "    The strategy the StatefulSet controller follows to replace pods, with its",
            "    parameters.",
            "    ",
            "FIELDS:",
            "  rollingUpdate\t<RollingUpdateStatefulSetStrategy>",
            "    Parameters for RollingUpdate.",
            "",
            "  type\t<string>",
            "  enum: OnDelete, RollingUpdate",
            "    The strategy. Defaults to RollingUpdate.",
            "    ",
            "    Possible enum values:",
            "     - `\"OnDelete\"` replaces a pod only after someone deletes it.",
            "     - `\"RollingUpdate\"` replaces pods one at a time from the highest ordinal",
            "    down.",
            "",
            "",
            "",
        ])
        #expect(try Explain.render(path: "sts.spec.updateStrategy", apiVersion: nil, recursive: false) == expected)
    }

    @Test func resourceWithoutGroupLine() throws {
        let expected = lines([
            "KIND:       ConfigMap",
            "VERSION:    v1",
            "",
            "DESCRIPTION:",
            "    A ConfigMap holds non-secret configuration as key/value pairs.",
            "    ",
            "FIELDS:",
            "  apiVersion\t<string>",
            "    The API group and version this object is written in, such as v1 or apps/v1.",
            "    The server converts between versions it serves.",
            "",
            "  binaryData\t<map[string]string>",
            "    Binary values encoded as base64.",
            "",
            "  data\t<map[string]string>",
            "    Text values.",
            "",
            "  immutable\t<boolean>",
            "    When true, data cannot change after creation.",
            "",
            "  kind\t<string>",
            "    The type of object this document describes, in CamelCase. It selects the",
            "    schema the server decodes with.",
            "",
            "  metadata\t<ObjectMeta>",
            "    Standard object metadata: name, namespace, labels, annotations and",
            "    server-set bookkeeping.",
            "",
            "",
            "",
        ])
        #expect(try Explain.render(path: "configmaps", apiVersion: nil, recursive: false) == expected)
        #expect(try Explain.render(path: "cm", apiVersion: nil, recursive: false) == expected)
    }

    @Test func recursiveTree() throws {
        let expected = lines([
            "GROUP:      apps",
            "KIND:       StatefulSet",
            "VERSION:    v1",
            "",
            "FIELD: updateStrategy <StatefulSetUpdateStrategy>",
            "",
            "",
            "DESCRIPTION:",
            "    How pods are replaced when the template changes.",
            "    The strategy the StatefulSet controller follows to replace pods, with its",
            "    parameters.",
            "    ",
            "FIELDS:",
            "  rollingUpdate\t<RollingUpdateStatefulSetStrategy>",
            "    maxUnavailable\t<IntOrString>",
            "    partition\t<integer>",
            "  type\t<string>",
            "  enum: OnDelete, RollingUpdate",
            "",
            "",
        ])
        #expect(try Explain.render(path: "sts.spec.updateStrategy", apiVersion: nil, recursive: true) == expected)
        let affinity = try Explain.render(path: "pods.spec.affinity.nodeAffinity", apiVersion: nil, recursive: true)
        #expect(affinity.contains("\n        operator\t<string> -required-\n        enum: DoesNotExist, Exists, Gt, In, ....\n"))
    }

    @Test func pathsThroughArraysAndMaps() throws {
        let ports = try Explain.render(path: "svc.spec.ports", apiVersion: nil, recursive: false)
        #expect(ports.hasPrefix("KIND:       Service\nVERSION:    v1\n\nFIELD: ports <[]ServicePort>\n\n\nDESCRIPTION:\n"))
        #expect(ports.contains("\n  port\t<integer> -required-\n    Port the Service listens on.\n\n"))
        let spec = try Explain.render(path: "sts.spec", apiVersion: nil, recursive: false)
        #expect(spec.contains("\n  serviceName\t<string> -required-\n"))
        let name = try Explain.render(path: "sts.spec.template.spec.containers.name", apiVersion: nil, recursive: false)
        #expect(name.contains("FIELD: name <string>\n\n\nDESCRIPTION:\n"))
        let limits = try Explain.render(path: "po.spec.containers.resources.limits", apiVersion: nil, recursive: false)
        #expect(limits.contains("FIELD: limits <map[string]Quantity>\n"))
        let claims = try Explain.render(path: "sts.spec.volumeClaimTemplates.spec.accessModes", apiVersion: nil, recursive: false)
        #expect(claims.contains("FIELD: accessModes <[]string>\n"))
    }

    @Test func errors() {
        #expect(throws: ExplainError("error: field \"bogus\" does not exist")) {
            try Explain.render(path: "sts.spec.bogus", apiVersion: nil, recursive: false)
        }
        // kubectl names the last path element, even when an earlier one is the typo (seed 000).
        #expect(throws: ExplainError("error: field \"podManagementPolicy\" does not exist")) {
            try Explain.render(path: "statefulset.spe.podManagementPolicy", apiVersion: nil, recursive: false)
        }
        #expect(throws: ExplainError("error: field \"x\" does not exist")) {
            try Explain.render(path: "sts.spec.replicas.x", apiVersion: nil, recursive: false)
        }
        #expect(throws: ExplainError("error: the server doesn't have a resource type \"foo\"")) {
            try Explain.render(path: "foo.spec", apiVersion: nil, recursive: false)
        }
        #expect(throws: ExplainError("error: GVR (batch/v1beta1, Resource=cronjobs) not found in OpenAPI schema")) {
            try Explain.render(path: "cronjobs", apiVersion: "batch/v1beta1", recursive: false)
        }
    }

    @Test func wrappingFollowsGoWordwrap() {
        #expect(Explain.wrap("aaa bbb ccc", 7) == "aaa bbb\nccc")
        #expect(Explain.wrap("one\n\ntwo", 76) == "one\n\ntwo")
        #expect(Explain.wrap(String(repeating: "x", count: 10) + " y", 5) == String(repeating: "x", count: 10) + "\ny")
        #expect(Explain.indent("a\n\nb\n", 4) == "    a\n    \n    b\n    ")
    }

    @Test func everyServedKindExplains() throws {
        for type in ResourceRegistry.all where KindRegistry.descriptor(forKind: type.kind)?.schema != nil {
            let text = try Explain.render(path: type.plural, apiVersion: nil, recursive: true)
            #expect(text.contains("KIND:       \(type.kind)\n"))
        }
    }
}
