/// The `/etc/hosts` the kubelet writes into every container, so `hostname -i`, `getent hosts`
/// and libc lookups of the pod's own name work without DNS (container filesystems use it).
public enum PodHostsFile {
    /// kubelet's managed hosts file: loopback entries, then the pod's IP with its FQDN and short
    /// hostname when it has a subdomain (`web-0.nginx.default.svc.cluster.local web-0`), or
    /// just its hostname otherwise.
    public static func contents(podIP: String?, hostname: String, subdomain: String?, namespace: String) -> String {
        var text = "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
            + "fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n"
        guard let ip = podIP, !ip.isEmpty else { return text }
        if let subdomain, !subdomain.isEmpty {
            text += "\(ip)\t\(hostname).\(subdomain).\(namespace).svc.\(ClusterDNS.zone)\t\(hostname)\n"
        } else {
            text += "\(ip)\t\(hostname)\n"
        }
        return text
    }
}
