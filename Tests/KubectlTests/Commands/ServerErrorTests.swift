import Testing
@testable import Kubectl

/// Manifests that parse but that the server (or the REST mapping) refuses.
@Suite struct ServerErrorTests {
    @Test func severalUnknownFieldsAreOneStrictDecodingError() {
        let text = Manifests.statefulSet("web").replacingOccurrences(of: "  replicas: 1\n", with: "  replicas: 1\n  foo: 1\n  bar: 2\n")
        let h = CommandHarness(files: ["x.yaml": text])
        #expect(h.run("apply -f x.yaml") == .init(out: "", err: "Error from server (BadRequest): error when creating \"x.yaml\": StatefulSet in version \"v1\" cannot be handled as a StatefulSet: strict decoding error: unknown field \"spec.foo\", unknown field \"spec.bar\"\n", code: 1))
        #expect(h.names("statefulsets").isEmpty)
    }

    @Test func wrongTypeIsAnUnmarshalError() {
        let text = Manifests.statefulSet("web").replacingOccurrences(of: "replicas: 1", with: "replicas: two")
        let h = CommandHarness(files: ["x.yaml": text])
        #expect(h.run("create -f x.yaml") == .init(out: "", err: "Error from server (BadRequest): error when creating \"x.yaml\": StatefulSet in version \"v1\" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32\n", code: 1))
    }

    @Test func unknownKindAndRemovedVersionHaveNoMapping() {
        let h = CommandHarness(files: [
            "foo.yaml": "apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n",
            "old.yaml": Manifests.statefulSet("web").replacingOccurrences(of: "apps/v1", with: "apps/v1beta1"),
        ])
        #expect(h.run("apply -f foo.yaml") == .init(out: "", err: "error: resource mapping not found for name: \"x\" namespace: \"\" from \"foo.yaml\": no matches for kind \"Foo\" in version \"v1\"\nensure CRDs are installed first\n", code: 1))
        #expect(h.run("apply -f old.yaml") == .init(out: "", err: "error: resource mapping not found for name: \"web\" namespace: \"\" from \"old.yaml\": no matches for kind \"StatefulSet\" in version \"apps/v1beta1\"\nensure CRDs are installed first\n", code: 1))
    }

    @Test func missingNamespace() {
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("x")])
        #expect(h.run("get pods -n foo") == .init(out: "", err: "No resources found in foo namespace.\n", code: 0))
        #expect(h.run("apply -f x.yaml -n foo") == .init(out: "", err: "Error from server (NotFound): error when creating \"x.yaml\": namespaces \"foo\" not found\n", code: 1))
    }

    @Test func namespaceInFileConflictsWithFlag() {
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("x", namespace: "kube-system")])
        #expect(h.run("apply -f x.yaml -n kube-public") == .init(out: "", err: "error: the namespace from the provided object \"kube-system\" does not match the namespace \"kube-public\". You must pass '--namespace=kube-system' to perform this operation.\n", code: 1))
        #expect(h.run("apply -f x.yaml -n kube-system") == .init(out: "configmap/x created\n", err: "", code: 0))
    }

    /// Server errors of several objects: each on its own line in StandardErrorMessage form; the
    /// good objects are still applied.
    @Test func severalServerErrorsInOneApply() {
        let bad1 = Manifests.statefulSet("web").replacingOccurrences(of: "  replicas: 1\n", with: "  replicas: 1\n  foo: 1\n")
        let bad2 = Manifests.statefulSet("db").replacingOccurrences(of: "replicas: 1", with: "replicas: -1")
        let h = CommandHarness(files: ["x.yaml": bad1 + "---\n" + Manifests.configMap("good") + "---\n" + bad2])
        let r = h.run("apply -f x.yaml")
        #expect(r == .init(out: "configmap/good created\n", err: """
            Error from server (BadRequest): error when creating "x.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.foo"
            Error from server (Invalid): error when creating "x.yaml": StatefulSet.apps "db" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0

            """, code: 1))
    }

    @Test func aLoneInvalidErrorListsItsCause() {
        let bad = Manifests.statefulSet("db").replacingOccurrences(of: "replicas: 1", with: "replicas: -1")
        let h = CommandHarness(files: ["x.yaml": bad])
        #expect(h.run("apply -f x.yaml") == .init(out: "", err: "The StatefulSet \"db\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n", code: 1))
    }

    /// A mapping error anywhere stops apply before anything is sent; create goes on with the rest.
    @Test func mappingErrorStopsApplyButNotCreate() {
        let text = Manifests.configMap("a") + "---\napiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n---\n" + Manifests.configMap("b")
        let h = CommandHarness(files: ["x.yaml": text])
        let expectedErr = "error: resource mapping not found for name: \"x\" namespace: \"\" from \"x.yaml\": no matches for kind \"Foo\" in version \"v1\"\nensure CRDs are installed first\n"
        #expect(h.run("apply -f x.yaml") == .init(out: "", err: expectedErr, code: 1))
        #expect(!h.names("configmaps").contains("a"))
        #expect(h.run("create -f x.yaml") == .init(out: "configmap/a created\nconfigmap/b created\n", err: expectedErr, code: 1))
    }
}
