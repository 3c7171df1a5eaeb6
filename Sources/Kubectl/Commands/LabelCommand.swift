import KubeAPI

/// `kubectl label TYPE NAME key=value key-`: changes an object's labels with a JSON merge patch.
struct LabelCommand: KubectlCommand {
    static let name = "label"
    static let help = HelpText.usage("""
        Add, change or remove labels on objects. A label key and value may each be up to 63 characters
        (the key may carry a DNS subdomain prefix of up to 253); values start and end with a letter or
        digit. A label that already has a value changes only with --overwrite.

        Examples:
          kubectl label pods web-0 tier=frontend
          kubectl label --overwrite pods web-0 tier=backend
          kubectl label pods --all status=unhealthy
          kubectl label pods web-0 tier-
          kubectl label pods web-0 --list

        Options:
          --all=false             every object of the type in the namespace
          -A, --all-namespaces=false  every namespace
          --dry-run='none'        'client' or 'server' to only show what would happen
          --field-selector=''     only objects whose fields match
          -f, --filename=[]       files naming the objects
          --list=false            print the labels instead of changing them
          -o, --output=''         print the objects as json, yaml, name or jsonpath
          --overwrite=false       allow changing labels that already have a value
          -R, --recursive=false   read directories given with -f recursively
          -l, --selector=''       only objects matching the label selector

        Usage:
          kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]
        """)

    let flags = FlagSet(MetadataPairs.flags + [.init("field-manager", nil, .string, default: "kubectl-label")])

    func run(_ call: Invocation) throws -> Int32 {
        let (resources, words) = try MetadataPairs.split(call.args, pairType: "label")
        let output = try OutputFormat.parse(call.flags.string("output"), allowed: .objectPrinters)
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let pairs = try Self.parse(words)
        if resources.isEmpty && call.flags.strings("filename").isEmpty {
            throw KubectlFailure.error("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if pairs.set.isEmpty && pairs.remove.isEmpty && !call.flags.bool("list") {
            throw KubectlFailure.error("at least one label update is required")
        }
        let sel = try MetadataPairs.targets(call, resources: resources)
        let single = MetadataPairs.namesOne(resources, call: call)
        var errors = sel.errors
        var printed: [(ResourceType, JSONValue)] = []
        for (r, obj) in sel.objects {
            let current = obj.labels
            let (next, clashes) = pairs.apply(to: current, overwrite: call.flags.bool("overwrite"))
            if !clashes.isEmpty {
                errors.append(clashes.count == 1
                    ? "error: '\(clashes[0].0)' already has a value (\(clashes[0].1)), and --overwrite is false"
                    : "[" + clashes.map { "'\($0.0)' already has a value (\($0.1)), and --overwrite is false" }.joined(separator: ", ") + "]")
                continue
            }
            if call.flags.bool("list") {
                call.out(MetadataPairs.list(next, heading: "labels", of: r, name: obj.name, single: single))
                continue
            }
            if dryRun != .client {
                for key in pairs.remove where current[key] == nil { call.out("label \(KubeAPI.GoFormat.quoted(key)) not found.\n") }
            }
            do {
                let result = try pairs.send(obj, as: r, newMap: next, dryRun: dryRun, call: call)
                // kubectl words it from the object before and after, as JSON.
                let message = next == current ? "not labeled" : (!call.flags.bool("overwrite") && next.count < current.count ? "unlabeled" : "labeled")
                if output == .table { call.out("\(r.qualifiedKind)/\(obj.name) \(message)\(dryRun.suffix)\n") }
                else { printed.append((r, result)) }
            } catch let e as APIError {
                errors.append(e.kubectlText)
            }
        }
        if !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
        return ErrorReport.finish(lines: errors, call: call)
    }

    /// `parseLabels`: values are checked here, keys by the API server.
    static func parse(_ words: [String]) throws -> MetadataPairs {
        var pairs = MetadataPairs(field: "labels")
        for word in words {
            if word.contains("=") {
                let parts = word.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else { throw KubectlFailure.error("invalid label spec: \(word)") }
                let problems = NameRules.labelValue(parts[1])
                if !problems.isEmpty {
                    throw KubectlFailure.error("invalid label value: \(KubeAPI.GoFormat.quoted(word)): \(problems.joined(separator: ";"))")
                }
                pairs.set.removeAll { $0.key == parts[0] }
                pairs.set.append((parts[0], parts[1]))
            } else if word.hasSuffix("-") {
                pairs.remove.append(String(word.dropLast()))
            } else {
                throw KubectlFailure.error("unknown label spec: \(word)")
            }
        }
        for key in pairs.remove where pairs.set.contains(where: { $0.key == key }) {
            throw KubectlFailure.error("can not both modify and remove a label in the same command")
        }
        return pairs
    }
}
