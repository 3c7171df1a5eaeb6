import Testing
@testable import KubeAPI

@Suite struct ValidationTests {
    func stsError(_ from: String, _ to: String) -> String? {
        admissionError(webStatefulSet.replacingOccurrences(of: from, with: to), kind: "StatefulSet")?.message
    }

    @Test func validStatefulSetIsAccepted() {
        #expect(admissionError(webStatefulSet, kind: "StatefulSet") == nil)
    }

    @Test func negativeReplicas() {
        let error = admissionError(webStatefulSet.replacingOccurrences(of: "replicas: 3", with: "replicas: -1"), kind: "StatefulSet")
        #expect(error == APIError(.invalid, "The StatefulSet \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"))
        #expect(error?.kubectlText == "The StatefulSet \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0")
    }

    @Test func statefulSetNameMustBeALabel() {
        #expect(stsError("name: web\n", "name: Web\n") == "The StatefulSet \"Web\" is invalid: metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")
    }

    @Test func missingName() {
        #expect(stsError("metadata:\n  name: web\n", "metadata:\n  labels: {}\n") == "The StatefulSet \"\" is invalid: metadata.name: Required value: name or generateName is required")
    }

    @Test func selectorRequiredAndMustMatch() {
        #expect(stsError("  selector:\n    matchLabels:\n      app: nginx\n", "") == "The StatefulSet \"web\" is invalid: spec.selector: Required value")
        #expect(stsError("      app: nginx\n  template", "      app: other\n  template") == "The StatefulSet \"web\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"nginx\"}: `selector` does not match template `labels`")
    }

    @Test func serviceNameAndPolicies() {
        // The 1.32 server accepts a StatefulSet without serviceName (only the OpenAPI calls it required).
        #expect(stsError("  serviceName: nginx\n", "") == nil)
        #expect(stsError("  replicas: 3\n", "  replicas: 3\n  podManagementPolicy: Random\n") == "The StatefulSet \"web\" is invalid: spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'")
        #expect(stsError("  replicas: 3\n", "  replicas: 3\n  updateStrategy:\n    type: Rolling\n") == "The StatefulSet \"web\" is invalid: spec.updateStrategy: Invalid value: \"Rolling\": must be 'RollingUpdate' or 'OnDelete'")
        #expect(stsError("  replicas: 3\n", "  replicas: 3\n  updateStrategy:\n    rollingUpdate:\n      partition: -2\n") == "The StatefulSet \"web\" is invalid: spec.updateStrategy.rollingUpdate.partition: Invalid value: -2: must be greater than or equal to 0")
        #expect(stsError("  replicas: 3\n", "  replicas: 3\n  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Keep\n") == "The StatefulSet \"web\" is invalid: spec.persistentVolumeClaimRetentionPolicy.whenScaled: Unsupported value: \"Keep\": supported values: \"Retain\", \"Delete\"")
    }

    @Test func severalErrorsAreBracketed() {
        let message = stsError("replicas: 3", "replicas: -1\n  revisionHistoryLimit: -1")
        #expect(message == "The StatefulSet \"web\" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0]")
    }

    static let pod = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
      - name: app
        image: nginx
    """

    func podError(_ from: String, _ to: String) -> String? {
        admissionError(Self.pod.replacingOccurrences(of: from, with: to), kind: "Pod")?.message
    }

    @Test func podContainerRules() {
        #expect(podError("  containers:\n  - name: app\n    image: nginx", "  containers: []") == "The Pod \"p\" is invalid: spec.containers: Required value")
        #expect(podError("    image: nginx", "") == "The Pod \"p\" is invalid: spec.containers[0].image: Required value")
        #expect(podError("  - name: app\n    image: nginx", "  - image: nginx") == "The Pod \"p\" is invalid: spec.containers[0].name: Required value")
        #expect(podError("    image: nginx", "    image: nginx\n  - name: app\n    image: busybox") == "The Pod \"p\" is invalid: spec.containers[1].name: Duplicate value: \"app\"")
        #expect(podError("    image: nginx", "    image: nginx\n    imagePullPolicy: Sometimes") == "The Pod \"p\" is invalid: spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"")
        #expect(podError("    image: nginx", "    image: nginx\n    ports:\n    - containerPort: 70000") == "The Pod \"p\" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive")
        #expect(podError("    image: nginx", "    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /data") == "The Pod \"p\" is invalid: spec.containers[0].volumeMounts[0].name: Not found: \"data\"")
        #expect(podError("  containers:", "  restartPolicy: Sometimes\n  containers:") == "The Pod \"p\" is invalid: spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"")
        #expect(podError("name: p", "name: p_1") == "The Pod \"p_1\" is invalid: metadata.name: Invalid value: \"p_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")
    }

    @Test func labelValues() {
        #expect(podError("  name: p\n", "  name: p\n  labels:\n    app: \"bad value\"\n") == "The Pod \"p\" is invalid: metadata.labels: Invalid value: \"bad value\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")
    }

    @Test func jobRestartPolicy() {
        let job = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: pi
        spec:
          template:
            spec:
              restartPolicy: Always
              containers:
              - name: pi
                image: perl
        """
        #expect(admissionError(job, kind: "Job")?.message == "The Job \"pi\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"")
    }

    @Test func cronJobSchedule() {
        let cj = """
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: hello
        spec:
          schedule: "every minute"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: hello
                    image: busybox
        """
        #expect(admissionError(cj, kind: "CronJob")?.message == "The CronJob \"hello\" is invalid: spec.schedule: Invalid value: \"every minute\": expected exactly 5 fields, found 2: [every minute]")
        #expect(admissionError(cj.replacingOccurrences(of: "every minute", with: "*/5 * * * *"), kind: "CronJob") == nil)
        #expect(admissionError(cj.replacingOccurrences(of: "every minute", with: "@hourly"), kind: "CronJob") == nil)
    }

    @Test func deploymentTemplateRestartPolicy() {
        let deploy = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              restartPolicy: Never
              containers:
              - name: nginx
                image: nginx
        """
        #expect(admissionError(deploy, kind: "Deployment")?.message == "The Deployment \"web\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"")
    }

    @Test func serviceRules() {
        let base = "apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  selector:\n    app: db\n"
        #expect(admissionError(base, kind: "Service")?.message == "The Service \"db\" is invalid: spec.ports: Required value")
        #expect(admissionError(base + "  clusterIP: None\n", kind: "Service") == nil)
        #expect(admissionError(base + "  ports:\n  - port: 0\n", kind: "Service")?.message == "The Service \"db\" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]")
        #expect(admissionError(base + "  ports:\n  - port: 80\n  - port: 81\n", kind: "Service")?.message == "The Service \"db\" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]")
        #expect(admissionError(base + "  type: Fancy\n  ports:\n  - port: 80\n", kind: "Service")?.message == "The Service \"db\" is invalid: spec.type: Unsupported value: \"Fancy\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"")
        #expect(admissionError(base.replacingOccurrences(of: "name: db", with: "name: 1db") + "  clusterIP: None\n", kind: "Service")?.message == "The Service \"1db\" is invalid: metadata.name: Invalid value: \"1db\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')")
    }

    @Test func claimRules() {
        let pvc = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  resources:\n    requests:\n      storage: 1Gi\n"
        #expect(admissionError(pvc, kind: "PersistentVolumeClaim")?.message == "The PersistentVolumeClaim \"data\" is invalid: spec.accessModes: Required value: at least 1 access mode is required")
        let noStorage = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n"
        #expect(admissionError(noStorage, kind: "PersistentVolumeClaim")?.message == "The PersistentVolumeClaim \"data\" is invalid: spec.resources[storage]: Required value")
        let badMode = noStorage.replacingOccurrences(of: "ReadWriteOnce", with: "ReadWriteSometimes") + "  resources:\n    requests:\n      storage: 1Gi\n"
        #expect(admissionError(badMode, kind: "PersistentVolumeClaim")?.message == "The PersistentVolumeClaim \"data\" is invalid: spec.accessModes: Unsupported value: \"ReadWriteSometimes\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\"")
    }

    /// Seed 000's scraped manifest has `storageClassName: \"openebs-hostpath\"`: the backslashes and
    /// quotes are part of the value, which is no DNS subdomain.
    @Test func claimStorageClassNameMustBeASubdomain() {
        let pvc = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n"
        #expect(admissionError(pvc + "  storageClassName: \\\"openebs-hostpath\\\"\n", kind: "PersistentVolumeClaim")?.message
            == "The PersistentVolumeClaim \"data\" is invalid: spec.storageClassName: Invalid value: \"\\\\\\\"openebs-hostpath\\\\\\\"\": " + NameRules.dns1123SubdomainMessage)
        #expect(admissionError(pvc + "  storageClassName: openebs-hostpath\n", kind: "PersistentVolumeClaim") == nil)
        #expect(admissionError(pvc + "  storageClassName: \"\"\n", kind: "PersistentVolumeClaim") == nil)
        let mixed = pvc.replacingOccurrences(of: "[ReadWriteOnce]", with: "[ReadWriteOnce, ReadWriteOncePod]")
        #expect(admissionError(mixed, kind: "PersistentVolumeClaim")?.message
            == "The PersistentVolumeClaim \"data\" is invalid: spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes")
    }

    @Test func volumeStorageClassNameMustBeASubdomain() {
        let pv = "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv1\nspec:\n  accessModes: [ReadWriteOnce]\n  capacity:\n    storage: 1Gi\n  hostPath:\n    path: /data\n"
        #expect(admissionError(pv + "  storageClassName: Fast_SSD\n", kind: "PersistentVolume")?.message
            == "The PersistentVolume \"pv1\" is invalid: spec.storageClassName: Invalid value: \"Fast_SSD\": " + NameRules.dns1123SubdomainMessage)
        #expect(admissionError(pv + "  storageClassName: fast-ssd\n", kind: "PersistentVolume") == nil)
    }

    @Test func storageClassRules() {
        #expect(admissionError("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n", kind: "StorageClass")?.message == "The StorageClass \"fast\" is invalid: provisioner: Required value")
        #expect(admissionError("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: Rancher.io/Local-Path\n", kind: "StorageClass") == nil)
        #expect(admissionError("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: local path\n", kind: "StorageClass")?.message
            == "The StorageClass \"fast\" is invalid: provisioner: Invalid value: \"local path\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")
    }

    @Test func nameRules() {
        #expect(NameRules.dns1123Label("web-0").isEmpty)
        #expect(NameRules.dns1123Label(String(repeating: "a", count: 64)) == ["must be no more than 63 characters"])
        #expect(NameRules.dns1123Subdomain("www.example.com").isEmpty)
        #expect(NameRules.dns1123Subdomain("a..b") == [NameRules.dns1123SubdomainMessage])
        #expect(NameRules.dns1035Label("9lives") == [NameRules.dns1035LabelMessage])
    }
}

@Suite struct UpdateValidationTests {
    @Test func statefulSetSpecIsMostlyImmutable() throws {
        let old = try admitted(webStatefulSet, kind: "StatefulSet")
        let scaled = manifest(webStatefulSet.replacingOccurrences(of: "replicas: 3", with: "replicas: 5"))
        #expect(throws: Never.self) { try Admission.admit(scaled, as: resource("StatefulSet"), operation: .update, old: old) }
        let image = manifest(webStatefulSet.replacingOccurrences(of: "nginx-slim:0.24", with: "nginx-slim:0.25"))
        #expect(throws: Never.self) { try Admission.admit(image, as: resource("StatefulSet"), operation: .update, old: old) }
        let renamed = manifest(webStatefulSet.replacingOccurrences(of: "serviceName: nginx", with: "serviceName: other"))
        #expect(throws: APIError(.invalid, "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")) {
            try Admission.admit(renamed, as: resource("StatefulSet"), operation: .update, old: old)
        }
        let claims = manifest(webStatefulSet.replacingOccurrences(of: "storage: 1Gi", with: "storage: 2Gi"))
        #expect(throws: APIError.self) { try Admission.admit(claims, as: resource("StatefulSet"), operation: .update, old: old) }
    }

    @Test func podSpecOnlyAllowsImageChanges() throws {
        let old = try admitted(ValidationTests.pod, kind: "Pod")
        var image = old
        image["spec"]["containers"][0]["image"] = "nginx:1.25"
        #expect(throws: Never.self) { try Admission.admit(image, as: resource("Pod"), operation: .update, old: old) }
        var env = old
        env["spec"]["containers"][0]["env"] = [["name": "A", "value": "b"]]
        do {
            _ = try Admission.admit(env, as: resource("Pod"), operation: .update, old: old)
            Issue.record("expected a Forbidden error")
        } catch {
            #expect(error.message == "The Pod \"p\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)")
        }
    }

    @Test func serviceClusterIPCannotChange() throws {
        let yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  clusterIP: 10.96.0.20\n  ports:\n  - port: 80"
        let old = try admitted(yaml, kind: "Service")
        let headless = manifest(yaml.replacingOccurrences(of: "10.96.0.20", with: "None"))
        #expect(throws: APIError(.invalid, "The Service \"s\" is invalid: spec.clusterIPs[0]: Invalid value: []string{\"None\"}: may not change once set")) {
            try Admission.admit(headless, as: resource("Service"), operation: .update, old: old)
        }
    }

    @Test func claimSpecIsImmutableExceptRequests() throws {
        let yaml = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n"
        var old = try admitted(yaml, kind: "PersistentVolumeClaim")
        old["spec"]["volumeName"] = "pvc-123"
        old["spec"]["storageClassName"] = "standard"
        let bigger = manifest(yaml.replacingOccurrences(of: "1Gi", with: "2Gi"))
        let grown = try Admission.admit(bigger, as: resource("PersistentVolumeClaim"), operation: .update, old: old)
        #expect(grown.spec["volumeName"] == "pvc-123")
        #expect(grown.spec["storageClassName"] == "standard")
        #expect(grown.spec["resources"]["requests"]["storage"] == "2Gi")
        let modes = manifest(yaml.replacingOccurrences(of: "ReadWriteOnce", with: "ReadWriteMany"))
        #expect(throws: APIError(.invalid, "The PersistentVolumeClaim \"data\" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims")) {
            try Admission.admit(modes, as: resource("PersistentVolumeClaim"), operation: .update, old: old)
        }
    }
}

extension UpdateValidationTests {
    @Test func reapplyingThePodManifestKeepsServerFilledFields() throws {
        var old = try admitted(ValidationTests.pod, kind: "Pod")
        old["spec"]["nodeName"] = "k8s-node1"
        let again = try Admission.admit(manifest(ValidationTests.pod), as: resource("Pod"), operation: .update, old: old)
        #expect(again.spec["tolerations"] == old.spec["tolerations"])
        #expect(again.status == old.status)
        #expect(again.spec["nodeName"] == "k8s-node1")
    }
}

/// The fast checks must agree with the message-producing ones.
@Test func fastNameChecksAgreeWithSlowOnes() {
    let samples = ["web", "web-0", "-web", "web-", "Web", "a.b", "a..b", "a.-b", "a-.b", ".a", "a.", "x_y", "", "1", "a/b",
                   "example.com/name", "example.com/", "/name", "a/b/c", "My.Value_1", "_x", "statefulset.kubernetes.io/pod-name",
                   String(repeating: "a", count: 63), String(repeating: "a", count: 64)]
    for s in samples {
        #expect(NameRules.isDNS1123Label(s) == (Array(s.utf8).count <= 63 && NameRules.isLabelShape(Array(s.utf8)[...])), "\(s)")
        #expect(NameRules.isLabelValue(s) == (s.isEmpty || (s.utf8.count <= 63 && NameRules.isQualifiedPart(Array(s.utf8)[...]))), "\(s)")
        let parts = Array(s.utf8).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        #expect(NameRules.isDNS1123Subdomain(s) == (s.utf8.count <= 253 && parts.allSatisfy(NameRules.isLabelShape)), "\(s)")
    }
    let qualified = ["a/b": true, "example.com/name": true, "example.com/": false, "/name": false, "a/b/c": false,
                     "Example.com/x": false, "x_y": true, "-x": false, "a.-b/x": false, "batch.kubernetes.io/job-name": true,
                     String(repeating: "a", count: 63): true, String(repeating: "a", count: 64): false]
    for (key, valid) in qualified { #expect(NameRules.isQualifiedName(key) == valid, "\(key)") }
    #expect(NameRules.qualifiedName("example.com/").isEmpty == false)
    #expect(NameRules.qualifiedName("statefulset.kubernetes.io/pod-name").isEmpty)
}
