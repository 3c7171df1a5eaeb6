import KubeAPI
import Testing
@testable import Kubectl

/// `kubectl create deployment` prints, with `--dry-run=client`, the bytes the real kubectl v1.32 printed
/// (Golden/kubectl/create-deployment), and without it creates a Deployment the controllers run.
@Suite struct CreateDeploymentTests {
    static let goldens: [(file: String, line: String)] = [
        ("plain.yaml", "create deployment web --image=nginx --dry-run=client -o yaml"),
        ("replicas-port-command.yaml", "create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o yaml -- sleep 10"),
        ("two-images.yaml", "create deployment web --image=nginx --image=registry.k8s.io/busybox:1.28 --port=8080 --dry-run=client -o yaml"),
        ("namespaced.json", "create deployment web --image=nginx -n foo --dry-run=client -o json"),
    ]

    @Test(arguments: goldens)
    func clientDryRunPrintsWhatKubectlPrints(_ golden: (file: String, line: String)) throws {
        let expected = try #require(GoldenFiles.kubectl("create-deployment/" + golden.file))
        let result = CommandHarness().run(golden.line)
        #expect(result == .init(out: expected, err: "", code: 0))
    }

    @Test func createsADeploymentWhosePodsRun() {
        let h = CommandHarness()
        #expect(h.run("create deployment web --image=nginx --replicas=2") == .init(out: "deployment.apps/web created\n", err: "", code: 0))
        h.cluster.advance(by: 30_000)
        #expect(h.run("get deploy web -o jsonpath={.status.readyReplicas}").out == "2")
        #expect(h.run("create deployment web --image=nginx")
            == .init(out: "", err: "error: failed to create deployment: deployments.apps \"web\" already exists\n", code: 1))
        #expect(h.run("create deployment web2 --image=nginx --dry-run=client") == .init(out: "deployment.apps/web2 created (dry run)\n", err: "", code: 0))
    }

    @Test func refusesWhatKubectlRefuses() {
        let h = CommandHarness()
        #expect(h.run("create deployment web --image=nginx --image=busybox -- sleep 1")
            == .init(out: "", err: "error: cannot specify multiple --image options and command\n", code: 1))
        #expect(h.run("create deployment web a --image=nginx")
            == .init(out: "", err: "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n", code: 1))
        #expect(h.run("create deployment web").err.hasSuffix("run.go:72] \"command failed\" err=\"required flag(s) \\\"image\\\" not set\"\n"))
    }

    @Test func containerNamesComeFromTheImage() {
        var n: UInt64 = 0
        let random = { () -> UInt64 in n += 1; return n }
        #expect(CreateDeployment.containerName(for: "registry.k8s.io/nginx-slim:0.8", random: random) == "nginx-slim")
        #expect(CreateDeployment.containerName(for: "busybox@sha256:abc", random: random) == "busybox")
        #expect(CreateDeployment.containerName(for: "my_img.x:1", random: random) == "my-img-x-cdfgh")
    }
}
