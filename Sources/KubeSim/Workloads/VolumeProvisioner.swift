import KubeAPI

/// The external provisioners the sandbox's storage classes name, and the PersistentVolume each
/// one creates for a claim. A provisioner not in this catalog never answers, as on a real
/// cluster where it is not installed: its claims stay Pending.
struct VolumeProvisioner {
    enum Layout {
        /// OpenEBS LocalPV hostpath: a `local` volume under `/var/openebs/local`, pinned to the node.
        case openEBSHostPath
        /// Rancher local-path (kind's `standard`): a hostPath under `/var/local-path-provisioner`.
        case rancherLocalPath
        /// nfs-subdir-external-provisioner: a directory `<ns>-<claim>-<pv>` on the NFS export.
        case nfsSubdir
        /// minikube's storage-provisioner: hostPath `/tmp/hostpath-provisioner/<ns>/<claim>`.
        case minikubeHostPath
        /// Docker Desktop's hostpath provisioner.
        case dockerDesktopHostPath
        /// Longhorn (`driver.longhorn.io`): a replicated network block device, reachable from every
        /// node but attached to one node at a time (see `AttachDetachController`).
        case longhornBlock
    }

    /// The identity Longhorn's CSI provisioner stamps on its volumes (its start time and plugin name).
    static let longhornIdentity = "1748000000000-8081-driver.longhorn.io"

    static var defaultNFSServer: String { VolumeDataLocation.nfsServer }
    static var defaultNFSPath: String { VolumeDataLocation.nfsExportDirectory }

    let provisioner: String
    let layout: Layout
    /// The provisioner's pod, part of the event source (`<provisioner>_<pod>_<uuid>`).
    let podName: String

    static func named(_ provisioner: String) -> VolumeProvisioner? {
        switch provisioner {
        case "openebs.io/local":
            return VolumeProvisioner(provisioner: provisioner, layout: .openEBSHostPath, podName: "openebs-localpv-provisioner")
        case "rancher.io/local-path":
            return VolumeProvisioner(provisioner: provisioner, layout: .rancherLocalPath, podName: "local-path-provisioner")
        case "k8s.io/minikube-hostpath":
            return VolumeProvisioner(provisioner: provisioner, layout: .minikubeHostPath, podName: "storage-provisioner")
        case "driver.longhorn.io":
            return VolumeProvisioner(provisioner: provisioner, layout: .longhornBlock, podName: "csi-provisioner")
        case "docker.io/hostpath":
            return VolumeProvisioner(provisioner: provisioner, layout: .dockerDesktopHostPath, podName: "storage-provisioner")
        default:
            if provisioner.hasSuffix("nfs-subdir-external-provisioner") || provisioner.hasSuffix("/nfs") || provisioner == "nfs" {
                return VolumeProvisioner(provisioner: provisioner, layout: .nfsSubdir, podName: "nfs-subdir-external-provisioner")
            }
            return nil
        }
    }

    /// Local volumes need the node the scheduler picked; network volumes do not.
    var needsNode: Bool {
        switch layout {
        case .openEBSHostPath, .rancherLocalPath: return true
        default: return false
        }
    }

    /// `<provisioner>_<pod>-<hash>-<suffix>_<uuid>`, stable for a provisioner name so event
    /// sources read like a real cluster's without consuming the cluster's random numbers.
    var identity: String {
        var h: UInt64 = 1_469_598_103_934_665_603
        for b in provisioner.utf8 { h = (h ^ UInt64(b)) &* 1_099_511_628_211 }
        var rng = SeededGenerator(seed: h)
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        var podHash = "", suffix = ""
        for _ in 0..<10 { podHash.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
        for _ in 0..<5 { suffix.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
        return "\(provisioner)_\(podName)-\(podHash)-\(suffix)_\(rng.uuid())"
    }

    /// The volume for `claim`, named `pvc-<claim uid>` and pre-bound to it through claimRef.
    func volume(for claim: JSONValue, storageClass: StorageClassView, node: String?) -> JSONValue {
        let pvName = "pvc-" + claim.uid
        let ns = claim.namespace ?? "default"
        var metadata: JSONValue = [:]
        var annotations = ["pv.kubernetes.io/provisioned-by": provisioner]
        var spec: JSONValue = [:]
        spec["accessModes"] = claim.spec["accessModes"].isNull ? ["ReadWriteOnce"] : claim.spec["accessModes"]
        let request = claim.spec["resources"]["requests"]["storage"]
        spec["capacity"] = ["storage": request.isNull ? "1Gi" : request]
        var claimRef: JSONValue = ["apiVersion": "v1", "kind": "PersistentVolumeClaim"]
        claimRef["name"] = .string(claim.name)
        claimRef["namespace"] = .string(ns)
        if let rv = claim["metadata"]["resourceVersion"].string { claimRef["resourceVersion"] = .string(rv) }
        claimRef["uid"] = .string(claim.uid)
        spec["claimRef"] = claimRef
        switch layout {
        case .openEBSHostPath:
            metadata["labels"] = ["openebs.io/cas-type": "local-hostpath"]
            spec["local"] = ["fsType": "", "path": .string("/var/openebs/local/" + pvName)]
        case .rancherLocalPath:
            if let node { annotations["local.path.provisioner/selected-node"] = node }
            spec["hostPath"] = ["path": .string("/var/local-path-provisioner/\(pvName)_\(ns)_\(claim.name)"), "type": "DirectoryOrCreate"]
        case .nfsSubdir:
            let params = storageClass.parameters
            let base = params["path"] ?? params["share"] ?? Self.defaultNFSPath
            let server = params["server"] ?? Self.defaultNFSServer
            spec["nfs"] = ["path": .string("\(base)/\(ns)-\(claim.name)-\(pvName)"), "server": .string(server)]
        case .minikubeHostPath:
            annotations["hostPathProvisionerIdentity"] = node ?? "minikube"
            spec["hostPath"] = ["path": .string("/tmp/hostpath-provisioner/\(ns)/\(claim.name)"), "type": ""]
        case .dockerDesktopHostPath:
            spec["hostPath"] = ["path": .string("/var/lib/k8s-pvs/\(claim.name)/\(pvName)"), "type": ""]
        case .longhornBlock:
            var attributes = storageClass.parameters
            attributes["storage.kubernetes.io/csiProvisionerIdentity"] = Self.longhornIdentity
            spec["csi"] = ["driver": .string(provisioner), "fsType": .string(attributes["fsType"] ?? "ext4"),
                           "volumeAttributes": .stringMap(attributes), "volumeHandle": .string(pvName)]
        }
        if !storageClass.mountOptions.items.isEmpty { spec["mountOptions"] = storageClass.mountOptions }
        if needsNode, let node {
            spec["nodeAffinity"] = [
                "required": [
                    "nodeSelectorTerms": [["matchExpressions": [["key": "kubernetes.io/hostname", "operator": "In", "values": [.string(node)]]]]]
                ]
            ]
        }
        spec["persistentVolumeReclaimPolicy"] = .string(storageClass.reclaimPolicy)
        spec["storageClassName"] = .string(storageClass.name)
        spec["volumeMode"] = claim.spec["volumeMode"].isNull ? "Filesystem" : claim.spec["volumeMode"]
        metadata["annotations"] = .stringMap(annotations)
        metadata["name"] = .string(pvName)
        var pv: JSONValue = ["apiVersion": "v1", "kind": "PersistentVolume"]
        pv["metadata"] = metadata
        pv["spec"] = spec
        return pv
    }
}
