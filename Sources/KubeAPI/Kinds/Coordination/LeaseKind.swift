/// Lease (coordination.k8s.io/v1): each kubelet's heartbeat in `kube-node-lease`, renewed every
/// 10 s; the node lifecycle controller reads it. Stored as written (no schema).
extension KindDescriptor {
    static let lease = KindDescriptor(ResourceType(kind: "Lease", plural: "leases", group: "coordination.k8s.io"))
}
