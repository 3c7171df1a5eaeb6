import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl config` on the session's kubeconfig: the golden is the real kubectl v1.32 run on a
/// copy of kubeadm's admin.conf (Golden/kubectl/config), command by command.
@Suite struct ConfigCommandTests {
    @Test func theSessionMatchesKubectlOnAdminConf() throws {
        let commands = try #require(GoldenFiles.kubectl("config/commands.txt")).split(separator: "\n").map(String.init)
        let expected = try #require(GoldenFiles.kubectl("config/session.txt"))
        let h = CommandHarness()
        var transcript = ""
        for line in commands {
            let r = h.run(line)
            transcript += "$ kubectl \(line)\n" + r.out + r.err
        }
        #expect(transcript == expected)
    }

    /// The context's namespace is every command's default namespace.
    @Test func theContextNamespaceIsTheDefault() {
        let h = CommandHarness()
        h.run("config set-context --current --namespace=kube-system")
        #expect(h.run("get deploy -o name").out == "deployment.apps/coredns\n")
        #expect(h.run("config view --minify -o jsonpath={.contexts[0].context.namespace}").out == "kube-system")
    }

    @Test func clusterInfoNamesTheAPIServerAndCoreDNS() {
        #expect(CommandHarness().run("cluster-info").out == """
            Kubernetes control plane is running at https://192.168.56.10:6443
            CoreDNS is running at https://192.168.56.10:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy

            To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.

            """)
    }

    @Test func whatIsNotSimulatedSaysSo() {
        let h = CommandHarness()
        #expect(h.run("config delete-context dev").err == "error: kubelab does not simulate \"kubectl config delete-context\" yet\n")
        #expect(h.run("config view --raw").err == "error: kubelab does not simulate \"kubectl config view --raw\" yet\n")
        #expect(h.run("cluster-info dump").err == "error: kubelab does not simulate \"kubectl cluster-info dump\" yet\n")
    }
}
