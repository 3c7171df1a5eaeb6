import Testing
@testable import KubeAPI

@Suite struct StrictDecodingTests {
    @Test func oneUnknownField() {
        let yaml = webStatefulSet.replacingOccurrences(of: "  replicas: 3", with: "  replicas: 3\n  foo: bar")
        let error = admissionError(yaml, kind: "StatefulSet")
        #expect(error == APIError(.badRequest,
            "StatefulSet in version \"v1\" cannot be handled as a StatefulSet: strict decoding error: unknown field \"spec.foo\""))
        #expect(error?.kubectlText == "Error from server (BadRequest): StatefulSet in version \"v1\" cannot be handled as a StatefulSet: strict decoding error: unknown field \"spec.foo\"")
    }

    @Test func severalUnknownFieldsInDocumentOrderWithArrayIndexes() {
        let yaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          bogus: 1
        spec:
          containers:
          - name: a
            image: busybox
          - name: b
            image: busybox
            imagePullPolicyy: Always
            ports:
            - containerPort: 80
              hostname: x
        status:
          phasee: Running
        extra: true
        """
        #expect(admissionError(yaml, kind: "Pod")?.message == "Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"metadata.bogus\", unknown field \"spec.containers[1].imagePullPolicyy\", unknown field \"spec.containers[1].ports[0].hostname\", unknown field \"extra\"")
        // (status.phasee is tolerated on purpose, see statusToleratesFieldsControllersMayAdd)
    }

    @Test func nestedTemplateUnknownField() {
        let yaml = webStatefulSet.replacingOccurrences(of: "        image: registry", with: "        foo: 1\n        image: registry")
        #expect(admissionError(yaml, kind: "StatefulSet")?.message.hasSuffix("unknown field \"spec.template.spec.containers[0].foo\"") == true)
    }

    @Test func typeMismatchUsesGoWording() {
        let yaml = webStatefulSet.replacingOccurrences(of: "replicas: 3", with: "replicas: \"3\"")
        #expect(admissionError(yaml, kind: "StatefulSet") == APIError(.badRequest,
            "StatefulSet in version \"v1\" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32"))
    }

    @Test func typeMismatchInsideArrayDropsIndexes() {
        let yaml = webStatefulSet.replacingOccurrences(of: "containerPort: 80", with: "containerPort: [80]")
        #expect(admissionError(yaml, kind: "StatefulSet")?.message == "StatefulSet in version \"v1\" cannot be handled as a StatefulSet: json: cannot unmarshal array into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32")
    }

    @Test func typeErrorWinsOverUnknownFields() {
        let yaml = webStatefulSet.replacingOccurrences(of: "serviceName: nginx", with: "foo: 1\n  serviceName: 5")
        let message = admissionError(yaml, kind: "StatefulSet")?.message ?? ""
        #expect(message.hasSuffix("json: cannot unmarshal number into Go struct field StatefulSetSpec.spec.serviceName of type string"))
    }

    @Test func wrongShapes() {
        let spec = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: [a]\nspec:\n  containers: []"
        #expect(admissionError(spec, kind: "Pod")?.message == "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string")
        let label = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    a: [1]\nspec:\n  containers: []"
        #expect(admissionError(label, kind: "Pod")?.message == "Pod in version \"v1\" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type string")
        let fraction = webStatefulSet.replacingOccurrences(of: "replicas: 3", with: "replicas: 1.5")
        #expect(admissionError(fraction, kind: "StatefulSet")?.message.hasSuffix("json: cannot unmarshal number 1.5 into Go struct field StatefulSetSpec.spec.replicas of type int32") == true)
        let spec2 = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: w\nspec:\n  template: x"
        #expect(admissionError(spec2, kind: "StatefulSet")?.message.hasSuffix("json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.template of type v1.PodTemplateSpec") == true)
    }

    @Test func quantitiesAndIntOrString() {
        let bad = webStatefulSet.replacingOccurrences(of: "storage: 1Gi", with: "storage: 1Gb")
        #expect(admissionError(bad, kind: "StatefulSet")?.message == "StatefulSet in version \"v1\" cannot be handled as a StatefulSet: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
        for good in ["1Gi", "500m", "1.5", "2e3", "100"] {
            let yaml = webStatefulSet.replacingOccurrences(of: "storage: 1Gi", with: "storage: \(good)")
            #expect(admissionError(yaml, kind: "StatefulSet") == nil, "\(good)")
        }
        let svc = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n    targetPort: true"
        #expect(admissionError(svc, kind: "Service")?.message == "Service in version \"v1\" cannot be handled as a Service: json: cannot unmarshal bool into Go value of type int32")
    }

    @Test func secretDataMustBeBase64() {
        let yaml = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: not*base64"
        #expect(admissionError(yaml, kind: "Secret")?.message == "Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 3")
    }

    @Test func statusToleratesFieldsControllersMayAdd() {
        let yaml = webStatefulSet + "\nstatus:\n  replicas: 1\n  somethingNew: 3"
        #expect(admissionError(yaml, kind: "StatefulSet") == nil)
        let typed = webStatefulSet + "\nstatus:\n  replicas: one"
        #expect(admissionError(typed, kind: "StatefulSet")?.message.hasSuffix("json: cannot unmarshal string into Go struct field StatefulSetStatus.status.replicas of type int32") == true)
    }

    @Test func legacyVolumePluginsAreAcceptedUnchecked() throws {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: busybox\n  volumes:\n  - name: disk\n    gcePersistentDisk:\n      pdName: data\n      fsType: ext4"
        let pod = try admitted(yaml, kind: "Pod")
        #expect(pod.spec["volumes"][0]["emptyDir"].isNull)
        #expect(try Explain.render(path: "pods.spec.volumes.gcePersistentDisk", apiVersion: nil, recursive: false).contains("FIELD: gcePersistentDisk <GCEPersistentDiskVolumeSource>\n"))
    }

    @Test func kindsWithoutSchemaPassThrough() throws {
        let obj: JSONValue = ["apiVersion": "v1", "kind": "Binding", "metadata": ["name": "x"], "anything": 1]
        #expect(try Admission.admit(obj, as: resource("Binding"), operation: .create) == obj)
    }
}
