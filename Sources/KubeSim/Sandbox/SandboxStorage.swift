import KubeAPI

/// The sandbox's three kinds of storage (docs/storage.md): `standard`, network block volumes
/// (Longhorn) that follow a pod to any node but attach to one node at a time; `openebs-hostpath`,
/// a folder on one node's disk; and `nfs`, a shared export any number of nodes mount at once.
enum SandboxStorage {
    static func classes() -> [JSONValue] {
        [
            [
                "allowVolumeExpansion": true,
                "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
                "metadata": ["annotations": ["storageclass.kubernetes.io/is-default-class": "true"], "name": "standard"],
                "parameters": ["dataLocality": "disabled", "fsType": "ext4", "numberOfReplicas": "3", "staleReplicaTimeout": "30"],
                "provisioner": "driver.longhorn.io", "reclaimPolicy": "Delete", "volumeBindingMode": "Immediate",
            ],
            [
                "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
                "metadata": [
                    "annotations": [
                        "cas.openebs.io/config": "- name: StorageType\n  value: \"hostpath\"\n- name: BasePath\n  value: \"/var/openebs/local\"\n",
                        "openebs.io/cas-type": "local",
                    ],
                    "name": "openebs-hostpath",
                ],
                "provisioner": "openebs.io/local", "reclaimPolicy": "Delete", "volumeBindingMode": "WaitForFirstConsumer",
            ],
            [
                "allowVolumeExpansion": true,
                "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
                "metadata": ["labels": ["app": "nfs-subdir-external-provisioner"], "name": "nfs"],
                "parameters": ["archiveOnDelete": "true"],
                "provisioner": "cluster.local/nfs-subdir-external-provisioner", "reclaimPolicy": "Retain",
                "volumeBindingMode": "Immediate",
            ],
        ]
    }
}
