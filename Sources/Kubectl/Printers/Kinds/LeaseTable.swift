import KubeAPI

extension ClusterTables {
    /// `kubectl get leases`: NAME, HOLDER (spec.holderIdentity), AGE.
    static let lease = ResourceTable(
        columns: [TableColumn("Name"), TableColumn("Holder"), TableColumn("Age")],
        row: { o, now in [o.name, o.spec["holderIdentity"].string ?? "", CellFormat.age(of: o, now: now)] })
}
