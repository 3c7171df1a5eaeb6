/// The controllers in this folder, for wiring a cluster (the sandbox registers them).
public enum WorkloadControllers {
    /// StatefulSet, persistent-volume binder/provisioner, pvc-protection and pv-protection, in
    /// the order they should be registered. The DaemonSet controller (its own folder) is started
    /// apart: see `Sandbox.startDaemonSetController`.
    public static func make() -> [Controller] {
        [StatefulSetController(), PersistentVolumeController(), PVCProtectionController(), PVProtectionController(),
         AttachDetachController()]
    }

    /// Registers `make()` on `cluster`.
    public static func register(in cluster: Cluster) {
        for controller in make() { cluster.register(controller) }
    }
}
