import KubeLab

/// Texts kubelab shows besides `--help` (which swift-argument-parser generates).
public enum UsageText {
    /// Greets the learner in the sandbox: where to start and how to leave.
    public static func banner(nodes: Int) -> String {
        let workers = nodes == 1 ? "1 worker node" : "\(nodes) worker nodes"
        return "kubelab: a simulated Kubernetes \(KubeLabVersion.kubernetes) cluster with \(workers). "
            + "Try `kubectl get nodes`.\nType `exit` or press Ctrl-D to leave.\n"
    }
}
