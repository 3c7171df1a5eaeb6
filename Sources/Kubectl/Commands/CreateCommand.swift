import KubeAPI

/// `kubectl create -f FILE`: create every object, failing on those that exist.
struct CreateCommand: KubectlCommand {
    static let name = "create"
    static let help = HelpText.usage("""
        Create objects from manifests, or one object from the command line. Unlike apply, an object that
        already exists is an error.

        Examples:
          kubectl create -f mysql-sts.yml
          kubectl create -f ./manifests/ -R
          kubectl create deployment web --image=nginx --dry-run=client -o yaml
          kubectl create service clusterip web --tcp=80:8080
          kubectl create pdb zk-pdb --selector=app=zk --max-unavailable=1
          kubectl create secret generic db --from-literal=password=s3cret

        Available Commands:
          clusterrole, clusterrolebinding, configmap, cronjob, deployment, job, namespace, poddisruptionbudget (pdb),
          role, rolebinding, secret generic|tls|docker-registry, service clusterip|nodeport|loadbalancer|externalname,
          serviceaccount

        Options:
          -f, --filename=[]   files, directories or '-' for standard input
          -R, --recursive     read directories recursively
          --dry-run='none'    'client' or 'server' to only show what would happen
          -o, --output=''     print the objects as yaml, json, name, jsonpath=... or go-template=... instead of a message
          --save-config       record the manifest so later 'kubectl apply' can patch it

        Usage:
          kubectl create -f FILENAME [options]
          kubectl create SUBCOMMAND NAME [flags] [options]
        """)

    /// The flags every generator takes (`create job`, `create namespace`, ...): dry run, printing,
    /// validation and the field manager. The subcommand groups `create secret` and `create service`
    /// take none of them, only their generators do.
    static let generatorFlags: [FlagSet.Spec] = [
        .init("dry-run", nil, .string, default: "none"), .init("output", "o"), .init("save-config", nil, .bool),
        .init("validate", nil, .string, default: "strict"), .init("field-manager", nil, .string, default: "kubectl-create"),
        .init("template"), .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
    ]

    /// `create -f`'s flags: the generators' plus those for reading manifests.
    let flags = FlagSet([
        .init("filename", "f", .stringArray), .init("recursive", "R", .bool), .init("edit", nil, .bool),
        .init("windows-line-endings", nil, .bool), .init("selector", "l"), .init("raw"), .init("kustomize", "k"),
        ChangeCause.flag,
    ] + CreateCommand.generatorFlags)

    /// The generator the words after `create` name, as its command path and the flags only it
    /// takes (each listed next to its generator); nil for a word that names none.
    static func generator(_ words: [String]) -> (path: String, flags: [FlagSet.Spec])? {
        let type = words.dropFirst().first ?? ""
        switch words.first {
        case "deployment", "deploy": return ("deployment", CreateDeployment.flags)
        case "job": return ("job", CreateJob.flags)
        case "cronjob", "cj": return ("cronjob", CreateCronJob.flags)
        case "poddisruptionbudget", "pdb": return ("poddisruptionbudget", CreatePodDisruptionBudget.flags)
        case "namespace", "ns": return ("namespace", [])
        case "serviceaccount", "sa": return ("serviceaccount", [])
        case "role": return ("role", CreateRole.flags(clusterWide: false))
        case "clusterrole": return ("clusterrole", CreateRole.flags(clusterWide: true))
        case "rolebinding": return ("rolebinding", CreateRoleBinding.flags(clusterWide: false))
        case "clusterrolebinding": return ("clusterrolebinding", CreateRoleBinding.flags(clusterWide: true))
        case "configmap", "cm": return ("configmap", CreateSubcommands.configMapFlags)
        case "secret": return CreateSubcommands.secretFlags[type].map { ("secret \(type)", $0) }
        case "service", "svc": return CreateService.types[type].map { ("service \(type)", CreateService.flags(for: $0)) }
        default: return nil
        }
    }

    /// The group commands, which take only the global flags.
    static let groups = ["secret": "secret", "service": "service", "svc": "service"]

    func flagScope(_ argv: [String]) -> FlagScope {
        let words = flags.adding(GlobalFlags.set.specs).positionalWords(argv)
        if let generator = Self.generator(words) {
            return FlagScope(flags: FlagSet(Self.generatorFlags + generator.flags), commandPath: "create " + generator.path)
        }
        if let group = words.first.flatMap({ Self.groups[$0] }) { return FlagScope(flags: FlagSet([]), commandPath: "create " + group) }
        return FlagScope(flags: flags, commandPath: Self.name)
    }

    /// Real kubectl's `create` subcommands.
    static let subcommands: Set<String> = [
        "clusterrole", "clusterrolebinding", "configmap", "cm", "cronjob", "cj", "deployment", "deploy", "ingress", "ing",
        "job", "namespace", "ns", "poddisruptionbudget", "pdb", "priorityclass", "pc", "quota", "resourcequota", "role",
        "rolebinding", "secret", "service", "svc", "serviceaccount", "sa", "token",
    ]

    /// The subcommands kubelab builds objects for; the others are real but not simulated.
    static let simulated: Set<String> = [
        "configmap", "cm", "secret", "deployment", "deploy", "service", "svc", "namespace", "ns", "serviceaccount", "sa", "role",
        "clusterrole", "rolebinding", "clusterrolebinding", "job", "cronjob", "cj", "poddisruptionbudget", "pdb",
    ]

    func unsimulatedFeature(_ argv: [String]) -> String? {
        let words = flags.adding(GlobalFlags.set.specs).positionalWords(argv)
        guard let sub = words.first, Self.subcommands.contains(sub) else { return nil }
        return Self.simulated.contains(sub) ? nil : "kubectl create \(sub)"
    }

    func run(_ call: Invocation) throws -> Int32 {
        let paths = call.flags.strings("filename")
        if let sub = call.args.first {
            guard Self.subcommands.contains(sub) else {
                throw KubectlFailure.usage("Unexpected args: [\(call.args.joined(separator: " "))]", command: "create")
            }
            switch sub {
            case "deployment", "deploy": return try CreateDeployment.run(call)
            case "job": return try CreateJob.run(call)
            case "cronjob", "cj": return try CreateCronJob.run(call)
            case "poddisruptionbudget", "pdb": return try CreatePodDisruptionBudget.run(call)
            case "service", "svc": return try CreateService.run(call)
            case "namespace", "ns": return try CreateNamespaceOrServiceAccount.namespace(call)
            case "serviceaccount", "sa": return try CreateNamespaceOrServiceAccount.serviceAccount(call)
            case "role", "clusterrole": return try CreateRole.run(call, clusterWide: sub == "clusterrole")
            case "rolebinding", "clusterrolebinding": return try CreateRoleBinding.run(call, clusterWide: sub == "clusterrolebinding")
            default: return try CreateSubcommands.run(call)
            }
        }
        guard !paths.isEmpty else { throw KubectlFailure.error("must specify one of -f and -k") }
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        try ManifestReader.checkValidateFlag(call.flags.string("validate"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        let batch = Namespaces.check(try ManifestReader.read(paths, recursive: call.flags.bool("recursive"), files: call.kubectl.files,
                                                             stdin: call.io.stdin, validate: ManifestReader.validates(call.flags.string("validate"))),
                                     call: call)
        // create goes through the documents as they are read: objects before an error are created.
        var errors: [VerbError] = []
        var printed: [(ResourceType, JSONValue)] = []
        var count = 0
        let cause = ChangeCause(command: Self.name, flags: call.flags)
        for item in batch.items {
            guard case .manifest(let m) = item else {
                if case .failure(let e) = item { errors.append(e) }
                continue
            }
            var obj = m.object
            let ns = Namespaces.namespace(for: obj, resource: m.type, call: call)
            if m.type.namespaced { obj["metadata"]["namespace"] = .string(ns) }
            if call.flags.bool("save-config") {
                obj["metadata"]["annotations"][ThreeWayMerge.lastAppliedKey] = .string(ThreeWayMerge.annotationValue(for: obj))
            }
            cause.record(&obj)
            do {
                let created = try ApplyCommand().create(obj, as: m.type, call: call, dryRun: dryRun, source: m.source)
                count += 1
                if output == .table { call.out("\(m.type.qualifiedKind)/\(created.name) created\(dryRun.suffix)\n") }
                else { printed.append((m.type, created)) }
            } catch {
                errors.append(.api(error))
            }
        }
        if output != .table, !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
        if errors.isEmpty && count == 0 { throw KubectlFailure.error("no objects passed to create") }
        return ErrorReport.finish(errors, call: call)
    }
}
