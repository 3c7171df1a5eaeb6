import KubeAPI

/// The three dynamic provisioners the seed tutorials use.
enum SandboxStorage {
    static func classes() -> [JSONValue] {
        [
            [
                "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
                "metadata": ["annotations": ["storageclass.kubernetes.io/is-default-class": "true"], "name": "standard"],
                "provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete", "volumeBindingMode": "WaitForFirstConsumer",
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
