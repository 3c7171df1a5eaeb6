import KubeAPI

/// Kinds the API server stores but whose controller kubelab does not run (no Job or CronJob
/// controller): a learner who applies one is told so at once, instead of watching an
/// object that silently never starts a pod.
enum UnsimulatedControllers {
    static let kinds: [String: String] = ["Job": "Jobs", "CronJob": "CronJobs"]

    /// The warning printed (on stderr, like the API server's warnings) after such an object is created.
    static func warning(for type: ResourceType, name: String) -> String? {
        guard let plural = kinds[type.kind] else { return nil }
        return "Warning: kubelab does not simulate \"\(plural)\" yet: \(type.qualifiedKind)/\(name) is stored but no controller starts its pods\n"
    }
}
