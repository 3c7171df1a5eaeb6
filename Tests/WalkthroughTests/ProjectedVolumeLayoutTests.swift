import Testing

/// ConfigMap volumes in the kubelet's atomic-writer layout: keys are links into `..data`, a nested
/// `items` path links its top folder, and a `subPath` naming a key mounts the file the link reaches.
@Suite struct ProjectedVolumeLayoutTests {
    static let transcript = WalkthroughHarness.run(folder: "files", script: """
        kubectl create configmap conf --from-literal=a.conf=one --from-literal=b.conf=two
        cat <<'YAML' > pod.yaml
        apiVersion: v1
        kind: Pod
        metadata:
          name: reader
        spec:
          containers:
          - name: c
            image: ubuntu
            command: ["sleep", "3600"]
            volumeMounts:
            - {name: conf, mountPath: /conf}
            - {name: nested, mountPath: /nested}
            - {name: conf, mountPath: /etc/a.conf, subPath: a.conf}
          volumes:
          - name: conf
            configMap: {name: conf, defaultMode: 0440}
          - name: nested
            configMap:
              name: conf
              items: [{key: b.conf, path: sub/b.conf}]
        YAML
        kubectl apply -f pod.yaml
        sleep 10
        kubectl exec reader -- ls -l /conf
        kubectl exec reader -- ls -l /nested
        kubectl exec reader -- ls -l /conf/..data/
        kubectl exec reader -- cat /nested/sub/b.conf /etc/a.conf
        """)

    func out(_ command: String) -> [String] { WalkthroughHarness.output(of: command, in: Self.transcript) }

    @Test func everyKeyIsALinkIntoTheDataDirectory() {
        let listing = out("kubectl exec reader -- ls -l /conf")
        #expect(listing.first == "total 0")
        #expect(listing.dropFirst().map { $0.replacingOccurrences(of: #"\w{3} [ \d]\d \d\d:\d\d"#, with: "DATE", options: .regularExpression) } == [
            "lrwxrwxrwx 1 root root 13 DATE a.conf -> ..data/a.conf",
            "lrwxrwxrwx 1 root root 13 DATE b.conf -> ..data/b.conf",
        ])
        #expect(out("kubectl exec reader -- ls -l /nested").last?.hasSuffix(" sub -> ..data/sub") == true)
    }

    @Test func theModeIsOnTheFilesInsideTheDataDirectory() {
        let files = out("kubectl exec reader -- ls -l /conf/..data/")
        #expect(files.count == 3 && files.dropFirst().allSatisfy { $0.hasPrefix("-r--r----- 1 root root 3 ") })
    }

    @Test func nestedItemsAndSubPathReachTheFiles() {
        #expect(out("kubectl exec reader -- cat /nested/sub/b.conf /etc/a.conf") == ["twoone"])
    }
}
