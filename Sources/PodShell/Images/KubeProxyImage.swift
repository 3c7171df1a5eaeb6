import KubeAPI

/// `registry.k8s.io/kube-proxy`: the image of the DaemonSet kubeadm runs on every node. Its pods
/// start `/usr/local/bin/kube-proxy --config=...` as their command, a proxy that runs until it
/// is stopped. Service routing itself is the cluster's (ClusterDNS answers for Services), so
/// the process only has to keep running: a kube-proxy pod recreated after `kubectl delete pod`
/// or on a node that registers again runs as the sandbox's first ones do.
enum KubeProxyImage {
    static let program = "kube-proxy"
    static let path = "/usr/local/bin/kube-proxy"

    static let profile = ImageProfile(base: .debian, process: .server, programs: [program],
                                      osName: "Debian GNU/Linux 12 (bookworm)")

    /// The proxy's main loop: it waits for the kubelet to stop it.
    static func kubeProxy(_ ctx: CommandContext) -> Int32 {
        while ctx.sleep(milliseconds: 3_600_000) {}
        return 0
    }
}
