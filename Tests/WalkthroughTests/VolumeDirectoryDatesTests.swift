import Testing

/// A provisioned volume's directory is dated when the provisioner made it, not at the epoch: the NFS
/// export's folders on the host, and the mount point a pod sees (the sandbox starts on Jun  2 09:00).
@Suite struct VolumeDirectoryDatesTests {
    static let transcript = WalkthroughHarness.run(folder: "seed004", script: """
        sleep 600
        kubectl apply -f statefulset.yaml
        sleep 40
        ls -l /var/share/nfs
        kubectl exec sample-statefuleset-0 -- ls -ld /var/data
        cat <<'YAML' > w.yaml
        apiVersion: v1
        kind: Pod
        metadata: {name: w}
        spec:
          containers:
          - {name: w, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: scratch, mountPath: /scratch}]}
          volumes: [{name: scratch, emptyDir: {}}]
        YAML
        kubectl apply -f w.yaml
        sleep 120
        kubectl exec w -- ls -ld /scratch
        """)

    func out(_ command: String) -> [String] { WalkthroughHarness.output(of: command, in: Self.transcript) }

    @Test func nfsExportFoldersCarryTheirProvisioningTime() {
        let folders = out("ls -l /var/share/nfs").dropFirst()
        #expect(folders.count == 2 && folders.allSatisfy { $0.hasPrefix("drwxrwxrwx 2 root root 4096 Jun  2 09:10 default-sample-pvc-") })
    }

    @Test func mountPointsCarryTheTimeTheVolumeWasMade() {
        #expect(out("kubectl exec sample-statefuleset-0 -- ls -ld /var/data") == ["drwxrwxrwx    2 root     root          4096 Jun  2 09:10 /var/data"])
        #expect(out("kubectl exec w -- ls -ld /scratch").first?.hasSuffix(" Jun  2 09:10 /scratch") == true)
    }
}
