/// The controllers in this folder, for wiring a cluster (the sandbox registers them).
public enum WorkloadControllers {
    /// StatefulSet, persistent-volume binder/provisioner, pvc-protection, pv-protection, attach-detach, Job,
    /// ttl-after-finished and CronJob, in the order they should be registered. The DaemonSet
    /// controller (its own folder) is started apart: see `Sandbox.startDaemonSetController`.
    public static func make() -> [Controller] {
        [StatefulSetController(), PersistentVolumeController(), PVCProtectionController(), PVProtectionController(),
         AttachDetachController(), JobController(), TTLAfterFinishedController(), CronJobController()]
    }

    /// Registers `make()` on `cluster`.
    public static func register(in cluster: Cluster) {
        for controller in make() { cluster.register(controller) }
    }
}
