import Testing
@testable import KubeAPI

/// The ranges the API server checks in a pod spec and in ConfigMaps and Secrets (issue 9, defect 16),
/// in its order: volumes, then containers (ports, resources, security context, probes), then the
/// pod's security context.
@Suite struct PodRangeValidationTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: bad}
        spec:
          securityContext: {runAsUser: -5, fsGroup: 99999999999, supplementalGroups: [1, -2]}
          volumes:
          - name: c
            configMap: {name: x, defaultMode: 9999, items: [{key: a, path: a, mode: -1}]}
          containers:
          - name: c
            image: nginx
            securityContext: {runAsGroup: 2147483648}
            readinessProbe:
              initialDelaySeconds: -3
              periodSeconds: -1
              terminationGracePeriodSeconds: 0
              exec: {command: [ls]}
            resources:
              limits: {cpu: 500m}
              requests: {cpu: "1", cpuu: "1", memory: -5Mi, pods: "1", example.com/gpu: "1"}
        """

    @Test func everyOutOfRangeFieldIsNamed() {
        let causes = admissionError(Self.pod, kind: "Pod")?.causes.map(\.description) ?? []
        #expect(causes == [
            "spec.volumes[0].configMap.defaultMode: Invalid value: 9999: must be a number between 0 and 0777 (octal), both inclusive",
            "spec.volumes[0].configMap.items[0].mode: Invalid value: -1: must be a number between 0 and 0777 (octal), both inclusive",
            "spec.containers[0].resources.requests: Invalid value: \"1\": must be less than or equal to cpu limit of 500m",
            "spec.containers[0].resources.requests[cpuu]: Invalid value: \"cpuu\": must be a standard resource type or fully qualified",
            "spec.containers[0].resources.requests[memory]: Invalid value: \"-5Mi\": must be greater than or equal to 0",
            "spec.containers[0].resources.requests[pods]: Invalid value: \"pods\": must be a standard resource for containers",
            "spec.containers[0].securityContext.runAsGroup: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive",
            "spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -3: must be greater than or equal to 0",
            "spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0",
            "spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0",
            "spec.securityContext.fsGroup: Invalid value: 99999999999: must be between 0 and 2147483647, inclusive",
            "spec.securityContext.runAsUser: Invalid value: -5: must be between 0 and 2147483647, inclusive",
            "spec.securityContext.supplementalGroups[1]: Invalid value: -2: must be between 0 and 2147483647, inclusive",
        ])
    }

    @Test func quantitiesCompareByValue() {
        #expect(ResourceQuantity.signedValue("1e30") == 1e30)
        #expect(ResourceQuantity.signedValue("500m") == 0.5)
        #expect(ResourceQuantity.signedValue("-5Mi") == -5_242_880.0)
        #expect(ResourceQuantity.signedValue("5 Mi") == nil)
        let ok = Self.pod.replacingOccurrences(of: "requests: {cpu: \"1\", cpuu: \"1\", memory: -5Mi, pods: \"1\", example.com/gpu: \"1\"}",
                                               with: "requests: {cpu: 250m, memory: 64Mi, example.com/gpu: \"1\"}")
        #expect(!(admissionError(ok, kind: "Pod")?.causes.map(\.description) ?? []).contains { $0.contains("resources") })
    }

    @Test func configMapsAndSecretsHoldAtMostOneMebibyte() {
        let big = String(repeating: "a", count: 1_048_577)
        #expect(admissionError("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {a: \(big)}\n", kind: "ConfigMap")?.kubectlText
                == "The ConfigMap \"big\" is invalid: []: Too long: may not be more than 1048576 bytes")
        #expect(admissionError("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: edge}\ndata: {a: \(big.dropLast())}\n", kind: "ConfigMap") == nil)
        #expect(admissionError("apiVersion: v1\nkind: Secret\nmetadata: {name: big}\nstringData: {a: \(big)}\n", kind: "Secret")?.kubectlText
                == "The Secret \"big\" is invalid: data: Too long: may not be more than 1048576 bytes")
    }
}
