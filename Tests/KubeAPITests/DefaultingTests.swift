import Testing
@testable import KubeAPI

@Suite struct DefaultingTests {
    @Test func statefulSetDefaults() throws {
        let sts = try admitted(webStatefulSet, kind: "StatefulSet")
        let spec = sts.spec
        #expect(spec["podManagementPolicy"] == "OrderedReady")
        #expect(spec["revisionHistoryLimit"] == 10)
        #expect(spec["replicas"] == 3)
        #expect(spec["updateStrategy"] == ["type": "RollingUpdate", "rollingUpdate": ["partition": 0]])
        #expect(spec["persistentVolumeClaimRetentionPolicy"] == ["whenDeleted": "Retain", "whenScaled": "Retain"])
        let template = spec["template"]
        #expect(template["metadata"].object?["creationTimestamp"] == .null)
        #expect(template["spec"]["restartPolicy"] == "Always")
        #expect(template["spec"]["dnsPolicy"] == "ClusterFirst")
        #expect(template["spec"]["schedulerName"] == "default-scheduler")
        #expect(template["spec"]["terminationGracePeriodSeconds"] == 30)
        #expect(template["spec"]["securityContext"] == .emptyObject)
        #expect(template["spec"]["enableServiceLinks"].isNull, "service links are a Pod default, not a template default")
        let container = template["spec"]["containers"][0]
        #expect(container["imagePullPolicy"] == "IfNotPresent")
        #expect(container["terminationMessagePath"] == "/dev/termination-log")
        #expect(container["terminationMessagePolicy"] == "File")
        #expect(container["resources"] == .emptyObject)
        #expect(container["ports"][0] == ["containerPort": 80, "name": "web", "protocol": "TCP"])
        let claim = spec["volumeClaimTemplates"][0]
        #expect(claim["apiVersion"] == "v1")
        #expect(claim["kind"] == "PersistentVolumeClaim")
        #expect(claim["spec"]["volumeMode"] == "Filesystem")
        #expect(claim["status"] == ["phase": "Pending"])
        #expect(sts.status == ["availableReplicas": 0, "replicas": 0])
    }

    @Test func clientStatusIsIgnoredOnCreate() throws {
        let sts = try admitted(webStatefulSet + "\nstatus:\n  replicas: 7\n  readyReplicas: 7", kind: "StatefulSet")
        #expect(sts.status == ["availableReplicas": 0, "replicas": 0])
    }

    @Test func explicitValuesAreKept() throws {
        let yaml = webStatefulSet.replacingOccurrences(of: "  replicas: 3", with: "  replicas: 3\n  podManagementPolicy: Parallel\n  updateStrategy:\n    type: OnDelete")
        let spec = try admitted(yaml, kind: "StatefulSet").spec
        #expect(spec["podManagementPolicy"] == "Parallel")
        #expect(spec["updateStrategy"] == ["type": "OnDelete"])
    }

    /// Upstream brings `rollingUpdate: {partition: 0}` only with a defaulted type.
    @Test func explicitRollingUpdateTypeGetsNoRollingUpdateBlock() throws {
        let explicit = webStatefulSet.replacingOccurrences(of: "  replicas: 3", with: "  replicas: 3\n  updateStrategy:\n    type: RollingUpdate")
        #expect(try admitted(explicit, kind: "StatefulSet").spec["updateStrategy"] == ["type": "RollingUpdate"])
        let yaml = webStatefulSet.replacingOccurrences(of: "  replicas: 3", with: "  replicas: 3\n  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: {}")
        #expect(try admitted(yaml, kind: "StatefulSet").spec["updateStrategy"] == ["type": "RollingUpdate", "rollingUpdate": ["partition": 0]])
    }

    static let pod = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: nginx
        resources:
          limits:
            cpu: 500m
            memory: 128Mi
        livenessProbe:
          httpGet:
            port: 80
      - name: side
        image: busybox:1.28
      volumes:
      - name: scratch
      - name: cfg
        configMap:
          name: cfg
    """

    @Test func podDefaults() throws {
        let pod = try admitted(Self.pod, kind: "Pod")
        let spec = pod.spec
        #expect(spec["restartPolicy"] == "Always")
        #expect(spec["enableServiceLinks"] == true)
        #expect(spec["serviceAccountName"] == "default")
        #expect(spec["serviceAccount"] == "default")
        #expect(spec["priority"] == 0)
        #expect(spec["preemptionPolicy"] == "PreemptLowerPriority")
        #expect(spec["tolerations"] == [
            ["key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
            ["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300],
        ])
        let app = spec["containers"][0]
        #expect(app["imagePullPolicy"] == "Always")
        #expect(app["resources"]["requests"] == ["cpu": "500m", "memory": "128Mi"])
        #expect(app["livenessProbe"] == ["httpGet": ["port": 80, "path": "/", "scheme": "HTTP"], "timeoutSeconds": 1,
                                          "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3])
        #expect(spec["containers"][1]["imagePullPolicy"] == "IfNotPresent")
        #expect(spec["volumes"][0] == ["name": "scratch", "emptyDir": .emptyObject])
        #expect(spec["volumes"][1]["configMap"] == ["name": "cfg", "defaultMode": 420])
        #expect(pod.status == ["phase": "Pending", "qosClass": "Burstable"])
    }

    /// Seed 002's database set: octal file modes and a secret volume.
    @Test func seedTodoDatabase() throws {
        let sts = try admitted("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: todo-db
          labels:
            kiamol: ch08
        spec:
          selector:
            matchLabels:
              app: todo-db
          serviceName: todo-db
          replicas: 2
          template:
            metadata:
              labels:
                app: todo-db
            spec:
              containers:
                - name: db
                  image: postgres:11.6-alpine
                  env:
                  - name: POSTGRES_PASSWORD_FILE
                    value: /secrets/postgres_password
                  volumeMounts:
                    - name: secret
                      mountPath: "/secrets"
              volumes:
                - name: secret
                  secret:
                    secretName: todo-db-secret
                    defaultMode: 0400
                    items:
                    - key: POSTGRES_PASSWORD
                      path: postgres_password
        """, kind: "StatefulSet")
        let volume = sts.spec["template"]["spec"]["volumes"][0]
        #expect(volume["secret"]["defaultMode"] == 256)
        #expect(sts.spec["volumeClaimTemplates"].isNull)
    }

    @Test func pullPolicyRules() {
        #expect(Defaulting.pullPolicy(forImage: "nginx") == "Always")
        #expect(Defaulting.pullPolicy(forImage: "nginx:latest") == "Always")
        #expect(Defaulting.pullPolicy(forImage: "mysql:5.7") == "IfNotPresent")
        #expect(Defaulting.pullPolicy(forImage: "localhost:5000/app") == "Always")
        #expect(Defaulting.pullPolicy(forImage: "localhost:5000/app:v1") == "IfNotPresent")
        #expect(Defaulting.pullPolicy(forImage: "nginx@sha256:abc") == "IfNotPresent")
    }

    @Test func existingTolerationsAreRespected() throws {
        let yaml = Self.pod.replacingOccurrences(of: "  volumes:", with: "  tolerations:\n  - key: node.kubernetes.io/unreachable\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: 10\n  volumes:")
        let tolerations = try admitted(yaml, kind: "Pod").spec["tolerations"].items
        #expect(tolerations.count == 2)
        #expect(tolerations[0]["tolerationSeconds"] == 10)
        #expect(tolerations[1]["key"] == "node.kubernetes.io/not-ready")
    }

    @Test func qosClasses() {
        func qos(_ containers: JSONValue, initContainers: JSONValue = []) -> String {
            PodQOS.podClass(of: ["containers": containers, "initContainers": initContainers])
        }
        #expect(qos([["name": "a"]]) == "BestEffort")
        let guaranteed: JSONValue = [["resources": ["limits": ["cpu": "1", "memory": "1Gi"], "requests": ["cpu": "1", "memory": "1Gi"]]]]
        #expect(qos(guaranteed) == "Guaranteed")
        // Quantities compare by value, not by spelling.
        #expect(qos([["resources": ["limits": ["cpu": "1", "memory": "1Gi"], "requests": ["cpu": "1000m", "memory": "1024Mi"]]]]) == "Guaranteed")
        // Only cpu and memory count, and only above zero.
        #expect(qos([["resources": ["requests": ["ephemeral-storage": "1Gi"]]]]) == "BestEffort")
        #expect(qos([["resources": ["requests": ["cpu": "0"]]]]) == "BestEffort")
        #expect(qos([["resources": ["limits": ["cpu": "1"], "requests": ["cpu": "1"]]]]) == "Burstable")
        // Every container, init containers too, must limit both.
        #expect(qos(guaranteed, initContainers: [["name": "i"]]) == "Burstable")
        #expect(qos(guaranteed, initContainers: guaranteed) == "Guaranteed")
        // GetPodQOS compares the sums over containers, not each container's own.
        let halves: JSONValue = [
            ["resources": ["limits": ["cpu": "1", "memory": "1Gi"], "requests": ["cpu": "500m", "memory": "1Gi"]]],
            ["resources": ["limits": ["cpu": "1", "memory": "1Gi"], "requests": ["cpu": "1500m", "memory": "1Gi"]]],
        ]
        #expect(qos(halves) == "Guaranteed")
        #expect(qos([["resources": ["limits": ["cpu": "1", "memory": "1Gi"], "requests": ["cpu": "500m"]]]]) == "Burstable")
    }

    @Test func serviceDefaults() throws {
        let svc = try admitted("""
        apiVersion: v1
        kind: Service
        metadata:
          name: nginx
        spec:
          clusterIP: None
          selector:
            app: nginx
          ports:
          - port: 80
            name: web
        """, kind: "Service")
        let spec = svc.spec
        #expect(spec["type"] == "ClusterIP")
        #expect(spec["sessionAffinity"] == "None")
        #expect(spec["ports"][0] == ["port": 80, "name": "web", "protocol": "TCP", "targetPort": 80])
        #expect(spec["clusterIPs"] == ["None"])
        #expect(spec["ipFamilies"] == ["IPv4"])
        #expect(spec["ipFamilyPolicy"] == "SingleStack")
        #expect(spec["internalTrafficPolicy"] == "Cluster")
        #expect(spec["externalTrafficPolicy"].isNull)
        #expect(svc.status == ["loadBalancer": .emptyObject])
    }

    @Test func nodePortServiceDefaults() throws {
        let spec = try admitted("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    targetPort: http", kind: "Service").spec
        #expect(spec["externalTrafficPolicy"] == "Cluster")
        #expect(spec["ports"][0]["targetPort"] == "http")
    }

    @Test func claimAndVolumeDefaults() throws {
        let pvc = try admitted("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi", kind: "PersistentVolumeClaim")
        #expect(pvc.spec["volumeMode"] == "Filesystem")
        #expect(pvc.status == ["phase": "Pending"])
        let pv = try admitted("apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv1\nspec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /data", kind: "PersistentVolume")
        #expect(pv.spec["persistentVolumeReclaimPolicy"] == "Retain")
        #expect(pv.spec["volumeMode"] == "Filesystem")
        #expect(pv.spec["hostPath"] == ["path": "/data", "type": ""])
        let sc = try admitted("apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: rancher.io/local-path", kind: "StorageClass")
        #expect(sc["reclaimPolicy"] == "Delete")
        #expect(sc["volumeBindingMode"] == "Immediate")
    }

    @Test func secretStringDataIsMergedAsBase64() throws {
        let secret = try admitted("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: YQ==\nstringData:\n  password: hunter2\n  a: b", kind: "Secret")
        #expect(secret["type"] == "Opaque")
        #expect(secret["stringData"].isNull)
        #expect(secret["data"] == ["a": "Yg==", "password": "aHVudGVyMg=="])
        #expect(Base64.decode("aHVudGVyMg==").map { String(decoding: $0, as: UTF8.self) } == "hunter2")
    }

    @Test func namespaceDefaults() throws {
        let ns = try admitted("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a", kind: "Namespace")
        #expect(ns.labels == ["kubernetes.io/metadata.name": "team-a"])
        #expect(ns.spec == ["finalizers": ["kubernetes"]])
        #expect(ns.status == ["phase": "Active"])
    }

    @Test func jobAndCronJobDefaults() throws {
        let job = try admitted("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: pi
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: pi
                image: perl:5.34
        """, kind: "Job")
        #expect(job.spec["completions"] == 1)
        #expect(job.spec["parallelism"] == 1)
        #expect(job.spec["backoffLimit"] == 6)
        #expect(job.spec["completionMode"] == "NonIndexed")
        #expect(job.spec["suspend"] == false)
        #expect(job.spec["podReplacementPolicy"] == "TerminatingOrFailed")
        #expect(job.spec["template"]["spec"]["containers"][0]["imagePullPolicy"] == "IfNotPresent")
        #expect(job.spec["selector"].isNull, "without a UID the selector is left to the caller")
        var withUID = manifest("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n        image: perl")
        withUID["metadata"]["uid"] = "1234"
        let generated = try Admission.admit(withUID, as: resource("Job"), operation: .create)
        #expect(generated.spec["selector"] == ["matchLabels": ["batch.kubernetes.io/controller-uid": "1234"]])
        #expect(generated.spec["template"]["metadata"]["labels"]["job-name"] == "pi")
        #expect(generated.spec["template"]["metadata"]["labels"]["batch.kubernetes.io/controller-uid"] == "1234")

        let cj = try admitted("""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: hello
        spec:
          schedule: "*/1 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: hello
                    image: busybox:1.28
        """, kind: "CronJob")
        #expect(cj.spec["concurrencyPolicy"] == "Allow")
        #expect(cj.spec["successfulJobsHistoryLimit"] == 3)
        #expect(cj.spec["failedJobsHistoryLimit"] == 1)
        #expect(cj.spec["suspend"] == false)
        #expect(cj.spec["jobTemplate"]["spec"]["backoffLimit"].isNull)
        #expect(cj.spec["jobTemplate"]["spec"]["template"]["spec"]["dnsPolicy"] == "ClusterFirst")
    }

    @Test func deploymentAndDaemonSetDefaults() throws {
        let deploy = try admitted("""
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
              containers:
              - name: nginx
                image: nginx:1.25
        """, kind: "Deployment")
        #expect(deploy.spec["replicas"] == 1)
        #expect(deploy.spec["strategy"] == ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "25%", "maxSurge": "25%"]])
        #expect(deploy.spec["progressDeadlineSeconds"] == 600)
        #expect(deploy.spec["revisionHistoryLimit"] == 10)
        let ds = try admitted("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          selector:
            matchLabels: {app: agent}
          template:
            metadata:
              labels: {app: agent}
            spec:
              containers:
              - name: agent
                image: busybox
        """, kind: "DaemonSet")
        #expect(ds.spec["updateStrategy"] == ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": 1, "maxSurge": 0]])
    }

    @Test func updateKeepsStatusAndAllocatedAddresses() throws {
        let old = try admitted("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  clusterIP: 10.96.0.20\n  clusterIPs: [10.96.0.20]\n  ports:\n  - port: 80", kind: "Service")
        var stored = old
        stored["status"] = ["loadBalancer": ["ingress": [["ip": "1.2.3.4"]]]]
        let updated = try Admission.admit(manifest("apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 81"),
                                          as: resource("Service"), operation: .update, old: stored)
        #expect(updated.spec["clusterIP"] == "10.96.0.20")
        #expect(updated.spec["clusterIPs"] == ["10.96.0.20"])
        #expect(updated.status == stored.status)
    }
}

@Suite struct ServiceAccountTokenTests {
    @Test func mountsTheProjectedTokenVolume() throws {
        var pod = try admitted(DefaultingTests.pod, kind: "Pod")
        ServiceAccountToken.inject(into: &pod, suffix: "x7k2q")
        let volumes = pod.spec["volumes"].items
        #expect(volumes.last?["name"] == "kube-api-access-x7k2q")
        #expect(volumes.last?["projected"]["sources"][0]["serviceAccountToken"] == ["expirationSeconds": 3607, "path": "token"])
        for c in pod.spec["containers"].items {
            #expect(c["volumeMounts"].items.last == ["mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": "kube-api-access-x7k2q", "readOnly": true])
        }
        let before = pod
        ServiceAccountToken.inject(into: &pod, suffix: "abcde")
        #expect(pod == before, "a second injection is a no-op")
    }

    @Test func respectsAutomountOptOut() throws {
        var pod = try admitted(DefaultingTests.pod.replacingOccurrences(of: "spec:\n", with: "spec:\n  automountServiceAccountToken: false\n"), kind: "Pod")
        let before = pod
        ServiceAccountToken.inject(into: &pod, suffix: "x7k2q")
        #expect(pod == before)
    }
}
