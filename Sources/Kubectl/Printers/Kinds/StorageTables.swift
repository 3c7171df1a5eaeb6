import KubeAPI

/// PersistentVolume, PersistentVolumeClaim and StorageClass tables.
enum StorageTables {
    static let persistentVolume = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Capacity"), TableColumn("Access Modes"),
                  TableColumn("Reclaim Policy"), TableColumn("Status"), TableColumn("Claim"),
                  TableColumn("StorageClass"), TableColumn("VolumeAttributesClass"), TableColumn("Reason"),
                  TableColumn("Age"), TableColumn("VolumeMode", wide: true)],
        row: { o, now in
            let spec = o.spec
            var claim = ""
            if !spec["claimRef"].isNull {
                claim = (spec["claimRef"]["namespace"].string ?? "") + "/" + (spec["claimRef"]["name"].string ?? "")
            }
            let phase = o.isDeleting ? "Terminating" : (o.status["phase"].string ?? "")
            return [o.name, CellFormat.quantity(spec["capacity"]["storage"]), CellFormat.accessModes(spec["accessModes"]),
                    spec["persistentVolumeReclaimPolicy"].string ?? "", phase, claim, storageClass(o),
                    spec["volumeAttributesClassName"].string ?? "<unset>", o.status["reason"].string ?? "",
                    CellFormat.age(of: o, now: now), spec["volumeMode"].string ?? "<unset>"]
        })

    static let persistentVolumeClaim = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Status"), TableColumn("Volume"), TableColumn("Capacity"),
                  TableColumn("Access Modes"), TableColumn("StorageClass"), TableColumn("VolumeAttributesClass"),
                  TableColumn("Age"), TableColumn("VolumeMode", wide: true)],
        row: { o, now in
            let spec = o.spec
            let phase = o.isDeleting ? "Terminating" : (o.status["phase"].string ?? "")
            let volume = spec["volumeName"].string ?? ""
            var capacity = ""
            var modes = ""
            if !volume.isEmpty {
                capacity = CellFormat.quantity(o.status["capacity"]["storage"])
                modes = CellFormat.accessModes(o.status["accessModes"])
            }
            return [o.name, phase, volume, capacity, modes, storageClass(o),
                    spec["volumeAttributesClassName"].string ?? "<unset>", CellFormat.age(of: o, now: now),
                    spec["volumeMode"].string ?? "<unset>"]
        })

    /// `spec.storageClassName`, or the legacy beta annotation.
    static func storageClass(_ o: JSONValue) -> String {
        if let a = o.annotations["volume.beta.kubernetes.io/storage-class"] { return a }
        return o.spec["storageClassName"].string ?? ""
    }

    static func isDefaultClass(_ o: JSONValue) -> Bool {
        o.annotations["storageclass.kubernetes.io/is-default-class"] == "true"
            || o.annotations["storageclass.beta.kubernetes.io/is-default-class"] == "true"
    }

    static let storageClass = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Provisioner"), TableColumn("ReclaimPolicy"),
                  TableColumn("VolumeBindingMode"), TableColumn("AllowVolumeExpansion"), TableColumn("Age")],
        row: { o, now in
            [isDefaultClass(o) ? "\(o.name) (default)" : o.name, o["provisioner"].string ?? "",
             o["reclaimPolicy"].string ?? "Delete", o["volumeBindingMode"].string ?? "Immediate",
             o["allowVolumeExpansion"].bool == true ? "true" : "false", CellFormat.age(of: o, now: now)]
        })
}

extension StorageTables {
    /// `kubectl get volumeattachments`: which driver attached which volume to which node.
    static let volumeAttachment = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Attacher"), TableColumn("PV"), TableColumn("Node"),
                  TableColumn("Attached"), TableColumn("Age")],
        row: { o, now in
            [o.name, o.spec["attacher"].string ?? "", o.spec["source"]["persistentVolumeName"].string ?? "",
             o.spec["nodeName"].string ?? "", o.status["attached"].bool == true ? "true" : "false",
             CellFormat.age(of: o, now: now)]
        })
}
