import Testing
@testable import Kubectl

/// Command-line mistakes; the texts are real kubectl v1.32's (checked offline against /usr/bin/kubectl).
@Suite struct FlagAndCommandErrorTests {
    static let cases: [(String, String)] = [
        ("get pods --bogus", "Error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"),
        ("get pods -z", "Error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n"),
        ("get pods -n", "Error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n"),
        ("get pods --namespace", "Error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n"),
        ("scale --replicas abc sts web", "Error: invalid argument \"abc\" for \"--replicas\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\nSee 'kubectl scale --help' for usage.\n"),
        ("scale --replicas 99999999999 sts web", "Error: invalid argument \"99999999999\" for \"--replicas\" flag: strconv.ParseInt: parsing \"99999999999\": value out of range\nSee 'kubectl scale --help' for usage.\n"),
        ("scale --replicas=-1 sts/web", "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n"),
        ("gett pods", "Error: unknown command \"gett\" for \"kubectl\"\n\nDid you mean this?\n\tset\n\tget\n\n"),
        ("sacle", "Error: unknown command \"sacle\" for \"kubectl\"\n\nDid you mean this?\n\tscale\n\n"),
        ("apply", "error: must specify one of -f and -k\n"),
        ("apply -f x.yaml --dry-run=bogus", "error: Invalid dry-run value (bogus). Must be \"none\", \"server\", or \"client\".\n"),
        ("delete", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"),
        ("delete pods", "error: resource(s) were provided, but no name was specified\n"),
        ("delete --now --grace-period=5 pods x", "error: --now and --grace-period cannot be specified together\n"),
        ("get", "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n"),
        ("get foos", "error: the server doesn't have a resource type \"foos\"\n"),
        ("--bogus get pods", "Error: flags cannot be placed before plugin name: --bogus\n"),
        ("-n", "Error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n"),
        ("get pods -o", "Error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n"),
        ("scale --replicas", "Error: flag needs an argument: --replicas\nSee 'kubectl scale --help' for usage.\n"),
        ("create foo", "error: Unexpected args: [foo]\nSee 'kubectl create -h' for help and examples\n"),
        ("create", "error: must specify one of -f and -k\n"),
        ("explain", "error: You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n"),
        ("version --bogus", "Error: unknown flag: --bogus\nSee 'kubectl version --help' for usage.\n"),
        ("version -o bogus", "error: --output must be 'yaml' or 'json'\n"),
        ("api-resources -o bogus", "error: --output bogus is not available\n"),
        ("delete pods x --cascade=bogus", "error: invalid cascade value (bogus). Must be \"background\", \"foreground\", or \"orphan\"\n"),
        ("get pods --watch=maybe", "Error: invalid argument \"maybe\" for \"-w, --watch\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'kubectl get --help' for usage.\n"),
        ("apply -f x.yaml --validate=bogus", "error: invalid - validate option \"bogus\"; must be one of: strict (or true), warn, ignore (or false)\n"),
        ("get pods --chunk-size=x", "Error: invalid argument \"x\" for \"--chunk-size\" flag: strconv.ParseInt: parsing \"x\": invalid syntax\nSee 'kubectl get --help' for usage.\n"),
        ("scale sts web --replicas=1 --timeout=abc", "Error: invalid argument \"abc\" for \"--timeout\" flag: time: invalid duration \"abc\"\nSee 'kubectl scale --help' for usage.\n"),
        ("foo", "Error: unknown command \"foo\" for \"kubectl\"\n\nDid you mean this?\n\ttop\n\n"),
        ("desc pods", "Error: unknown command \"desc\" for \"kubectl\"\n\nDid you mean this?\n\tdescribe\n\n"),
        // cobra suggests available commands only: not its help command, not the hidden `alpha`.
        ("hlp", "Error: unknown command \"hlp\" for \"kubectl\"\n\nDid you mean this?\n\ttop\n\tcp\n\n"),
        ("alpa", "Error: unknown command \"alpa\" for \"kubectl\"\n"),
        ("alph", "Error: unknown command \"alph\" for \"kubectl\"\n\nDid you mean this?\n\tauth\n\n"),
        ("alpha --bogus", "Error: unknown flag: --bogus\nSee 'kubectl alpha --help' for usage.\n"),
        // kubelab runs no programs of the machine, so no kubectl-* plugin is ever found.
        ("plugin list", "error: unable to find any kubectl plugins in your PATH\n"),
        ("plugin list --name-only", "error: unable to find any kubectl plugins in your PATH\n"),
        ("plugin list --bogus", "Error: unknown flag: --bogus\nSee 'kubectl plugin list --help' for usage.\n"),
        ("plugin bogus", "error: unknown command \"bogus\"\nSee 'kubectl plugin -h' for help and examples\n"),
        // Real verbs kubelab lacks are named as such, not called unknown (kubelab's own wording).
        ("drain nope", "Error from server (NotFound): nodes \"nope\" not found\n"),
        // cli-runtime's splitResourceTypeName, the same for get and for the node verbs (as /usr/bin/kubectl prints it).
        ("get /x", "error: arguments in resource/name form must have a single resource and name\n"),
        ("get pod/", "error: arguments in resource/name form must have a single resource and name\n"),
        ("get a/b/c", "error: arguments in resource/name form may not have more than one slash\n"),
        ("cordon /k8s-node1", "error: arguments in resource/name form must have a single resource and name\n"),
        ("drain node/a/b", "error: arguments in resource/name form may not have more than one slash\n"),
        // Real subcommands and flags kubelab lacks say so before their flags could be called unknown.
        ("create -n default ingress d --rule=a/b=svc:80", "error: kubelab does not simulate \"kubectl create ingress\" yet\n"),
        ("create quota q --hard=pods=1", "error: kubelab does not simulate \"kubectl create quota\" yet\n"),
        ("create priorityclass high --value=1000", "error: kubelab does not simulate \"kubectl create priorityclass\" yet\n"),
        ("create secret tls t --cert=a --key=b", "error: Cannot read file a, open a: no such file or directory\n"),
        ("get --raw /api", "error: kubelab does not simulate \"kubectl get --raw\" yet\n"),
        ("get --raw=/api/v1/namespaces", "error: kubelab does not simulate \"kubectl get --raw\" yet\n"),
        ("create bogus", "error: Unexpected args: [bogus]\nSee 'kubectl create -h' for help and examples\n"),
        ("cordon", "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n"),
        ("uncordon a -l x=y", "error: cannot specify both a node name and a --selector option\nSee 'kubectl uncordon -h' for help and examples\n"),
        ("attach a b c", "error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n"),
        ("delete -f x.yaml pods", "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n"),
        ("delete pods x -l a=b", "error: name cannot be provided when a selector is specified\n"),
        ("apply -k . -f x.yaml", "error: only one of -f or -k can be specified\n"),
        ("get sts,po -w", "error: you may only specify a single resource type\n"),
        // kubectl 1.32 wraps the lookup error (scale.go `no objects passed to scale %w`, kubernetes PR
        // #128051); plain `Error from server (NotFound)` only arrives with PR #134017 (v1.35).
        ("scale --replicas=2 sts web", "error: no objects passed to scale statefulsets.apps \"web\" not found\n"),
        ("scale --replicas=2 pod coredns-0", "error: no objects passed to scale pods \"coredns-0\" not found\n"),
    ]

    @Test(arguments: 0..<cases.count)
    func mistakeIsReportedLikeKubectl(_ index: Int) {
        let (line, expected) = Self.cases[index]
        let h = CommandHarness(files: ["x.yaml": Manifests.configMap("x")])
        let r = h.run(line)
        #expect(r == .init(out: "", err: expected, code: 1), "\(line)")
    }

    /// v1.32's `alpha` has no subcommands: its help function answers every use on standard error,
    /// with exit status 0 (alpha.go; compared with /usr/bin/kubectl).
    @Test(arguments: ["alpha", "alpha --help", "alpha -h", "alpha events", "help alpha"])
    func alphaSaysItHasNoCommands(_ line: String) {
        let r = CommandHarness().run(line)
        #expect(r == .init(out: "", err: "No alpha commands are available in this version of kubectl\n", code: 0), "\(line)")
    }

    @Test func pluginAloneIsItsHelp() {
        let r = CommandHarness().run("plugin")
        #expect(r.code == 0 && r.err == "")
        #expect(r.out.hasSuffix("Usage:\n  kubectl plugin [flags] [options]\n"))
    }

    /// Completion offers what cobra's does: neither `help` nor the hidden `alpha`.
    @Test func completionOffersAvailableVerbsOnly() {
        let h = CommandHarness()
        #expect(Completion.candidates(prefix: "kubectl a", hostCommands: [], kubectl: h.kubectl)
            == ["autoscale", "attach", "auth", "apply", "annotate", "api-resources", "api-versions"])
        #expect(Completion.candidates(prefix: "kubectl he", hostCommands: [], kubectl: h.kubectl) == [])
    }

    /// cobra checks required flags before the command runs; kubectl logs it through klog.
    @Test func scaleWithoutReplicasIsAKlogLine() {
        let h = CommandHarness()
        let r = h.run("scale sts web")
        #expect(r.code == 1)
        #expect(r.out == "")
        #expect(r.err.hasPrefix("E"))
        #expect(r.err.hasSuffix(" run.go:72] \"command failed\" err=\"required flag(s) \\\"replicas\\\" not set\"\n"))
    }

    /// Pods have no scale subresource: the PATCH of pods/NAME/scale is a plain 404.
    @Test func scalingAPodIsNotFoundOnTheServer() {
        let h = CommandHarness()
        let pod = h.names("pods", namespace: "kube-system")[0]
        let r = h.run("scale --replicas=2 pod \(pod) -n kube-system")
        #expect(r == .init(out: "", err: "Error from server (NotFound): the server could not find the requested resource\n", code: 1))
    }

    @Test func longNamesAndHugeNumbersDoNotCrash() {
        let h = CommandHarness()
        let long = String(repeating: "a", count: 300)
        #expect(h.run("get pod \(long)") == .init(out: "", err: "Error from server (NotFound): pods \"\(long)\" not found\n", code: 1))
        h.write("big.yaml", Manifests.statefulSet("big").replacingOccurrences(of: "replicas: 1", with: "replicas: 1e99"))
        let r = h.run("apply -f big.yaml")
        #expect(r.code == 1)
        #expect(r.err == "Error from server (BadRequest): error when creating \"big.yaml\": StatefulSet in version \"v1\" cannot be handled as a StatefulSet: json: cannot unmarshal number 1e+99 into Go struct field StatefulSetSpec.spec.replicas of type int32\n")
        #expect(h.names("statefulsets").isEmpty)
    }
}
