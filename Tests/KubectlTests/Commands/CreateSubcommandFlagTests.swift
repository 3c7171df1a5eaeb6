import Testing
@testable import Kubectl

/// Each `kubectl create` generator takes only its own flags and the shared ones (dry run,
/// printing, validation), as cobra gives each subcommand its own flag set: the errors below are
/// what /usr/bin/kubectl v1.32 printed for the same lines.
@Suite struct CreateSubcommandFlagTests {
    static let refused: [(line: String, flag: String, command: String)] = [
        ("create job j3 --image=busybox --restart=Always", "unknown flag: --restart", "create job"),
        ("create job j --image=busybox --schedule='* * * * *'", "unknown flag: --schedule", "create job"),
        ("create job j2 --image=busybox --replicas=2", "unknown flag: --replicas", "create job"),
        ("create job j --image=busybox --foo", "unknown flag: --foo", "create job"),
        ("create job j --from=cronjob/x -R", "unknown shorthand flag: 'R' in -R", "create job"),
        ("create job x --filename=a", "unknown flag: --filename", "create job"),
        ("create cronjob c --image=busybox --schedule='* * * * *' --from=cronjob/x", "unknown flag: --from", "create cronjob"),
        ("create cj c --image=busybox --port=80", "unknown flag: --port", "create cronjob"),
        ("create deploy d --image=nginx --restart=Never", "unknown flag: --restart", "create deployment"),
        ("create deployment d --image=nginx --from-literal=a=b", "unknown flag: --from-literal", "create deployment"),
        ("create namespace n --image=a", "unknown flag: --image", "create namespace"),
        ("create sa s -l a", "unknown shorthand flag: 'l' in -l", "create serviceaccount"),
        ("create role r --verb=get --resource=pods --aggregation-rule=a=b", "unknown flag: --aggregation-rule", "create role"),
        ("create role r --verb=get --resource=pods --non-resource-url=/x", "unknown flag: --non-resource-url", "create role"),
        ("create clusterrolebinding b --clusterrole=c --role=r", "unknown flag: --role", "create clusterrolebinding"),
        ("create rolebinding b --role=r --verb=get", "unknown flag: --verb", "create rolebinding"),
        ("create configmap c --type=x", "unknown flag: --type", "create configmap"),
        ("create configmap c --from-literal=a=b --tcp=1", "unknown flag: --tcp", "create configmap"),
        ("create secret generic s --cert=a", "unknown flag: --cert", "create secret generic"),
        ("create secret tls s --type=x", "unknown flag: --type", "create secret tls"),
        ("create secret tls s --from-literal=a=b", "unknown flag: --from-literal", "create secret tls"),
        ("create secret docker-registry s --from-literal=a=b", "unknown flag: --from-literal", "create secret docker-registry"),
        ("create secret docker-registry s --type=x", "unknown flag: --type", "create secret docker-registry"),
        ("create service clusterip s --node-port=1", "unknown flag: --node-port", "create service clusterip"),
        ("create svc nodeport s --clusterip=None", "unknown flag: --clusterip", "create service nodeport"),
        ("create service loadbalancer s --clusterip=None", "unknown flag: --clusterip", "create service loadbalancer"),
        ("create service externalname s --tcp=1:2 --node-port=1", "unknown flag: --node-port", "create service externalname"),
        ("create service s --tcp=1", "unknown flag: --tcp", "create service"),
        ("create secret s --dry-run=client", "unknown flag: --dry-run", "create secret"),
        ("create x --bogus", "unknown flag: --bogus", "create"),
    ]

    @Test(arguments: refused)
    func aFlagOfAnotherSubcommandIsUnknown(_ c: (line: String, flag: String, command: String)) {
        #expect(CommandHarness().run(c.line)
            == .init(out: "", err: "Error: \(c.flag)\nSee 'kubectl \(c.command) --help' for usage.\n", code: 1))
    }

    @Test func eachGeneratorTakesItsOwnAndTheSharedFlags() {
        let h = CommandHarness()
        #expect(h.run("create job j --image=busybox --dry-run=client -o name --validate=false --field-manager=me")
            == .init(out: "job.batch/j\n", err: "", code: 0))
        #expect(h.run("create cronjob c --image=busybox --schedule='* * * * *' --restart=Never --dry-run=client -o name --save-config")
            == .init(out: "cronjob.batch/c\n", err: "", code: 0))
        #expect(h.run("create --dry-run=client -o name job k --from=cronjob/nope")
            == .init(out: "", err: "Error from server (NotFound): cronjobs.batch \"nope\" not found\n", code: 1))
        #expect(h.run("create deploy d --image=nginx -r 2 --port=80 --dry-run=client -o jsonpath={.spec.replicas}")
            == .init(out: "2", err: "", code: 0))
        #expect(h.run("create clusterrole cr --verb=get --non-resource-url=/healthz --dry-run=client -o name")
            == .init(out: "clusterrole.rbac.authorization.k8s.io/cr\n", err: "", code: 0))
        #expect(h.run("create service nodeport s --tcp=80 --node-port=30080 --dry-run=client -o jsonpath={.spec.ports[0].nodePort}")
            == .init(out: "30080", err: "", code: 0))
    }
}
