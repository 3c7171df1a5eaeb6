/// kubelab's own version: printed by `--version` and written into every transcript header, so a
/// transcript made by another version is recognised as such when it is graded.
public enum KubeLabVersion {
    public static let current = "0.2.0"
    /// The Kubernetes release whose behaviour kubelab simulates.
    public static let kubernetes = "v1.32"
}
