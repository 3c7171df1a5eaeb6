import KubeAPI

/// Where a volume's files live, for the container filesystem layer: files written under a PVC
/// mount belong to the PersistentVolume bound to the claim, keyed by the PV's name, which never
/// changes while the PV exists (re-created pods and re-applied StatefulSets reuse their claims,
/// so they find the same PV and the same files). Files go away when the PV is deleted.
public enum VolumeDataLocation {
    /// The NFS server behind the sandbox's `nfs` class (nfs-subdir-external-provisioner), used
    /// when the class names none in `parameters.server`; seed 004 logs into it as "[NFSサーバー]".
    public static let nfsServer = "192.168.56.10"
    /// Its export: each volume is the directory `<namespace>-<claim>-<pv name>` below it
    /// (`parameters.path` overrides it).
    public static let nfsExportDirectory = "/var/share/nfs"

    /// The name of the PV bound to `claim`, the key for its files; nil while the claim is unbound.
    public static func volumeName(forClaim claim: String, namespace: String, in store: ObjectStore) -> String? {
        guard let type = ResourceRegistry.forKind("PersistentVolumeClaim"),
            let pvc = store.get(type, namespace: namespace, name: claim),
            pvc.status["phase"].string == "Bound",
            let name = pvc.spec["volumeName"].string, !name.isEmpty
        else { return nil }
        return name
    }

    /// The directory holding the volume's files on the machine that serves it: the NFS export
    /// directory (with its server), or the hostPath / local path on the node.
    public static func backingDirectory(of volume: JSONValue) -> (server: String?, path: String)? {
        let spec = volume.spec
        if let path = spec["nfs"]["path"].string { return (spec["nfs"]["server"].string, path) }
        if let path = spec["hostPath"]["path"].string { return (nil, path) }
        if let path = spec["local"]["path"].string { return (nil, path) }
        return nil
    }

    /// The node a local volume is pinned to, from its `kubernetes.io/hostname` node affinity.
    public static func node(of volume: JSONValue) -> String? {
        for term in volume.spec["nodeAffinity"]["required"]["nodeSelectorTerms"].items {
            for expr in term["matchExpressions"].items where expr["key"].string == "kubernetes.io/hostname" {
                if expr["operator"].string == "In", let node = expr["values"].items.first?.string { return node }
            }
        }
        return nil
    }
}
