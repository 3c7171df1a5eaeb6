import KubeAPI

/// `kubectl annotate TYPE NAME key=value key-`: changes an object's annotations with a JSON merge patch.
struct AnnotateCommand: KubectlCommand {
    static let name = "annotate"
    static let help = HelpText.usage("""
        Add, change or remove annotations on objects: free-form notes for people and tools, not used
        for selection. An annotation that already has a value changes only with --overwrite
        (kubernetes.io/change-cause always may).

        Examples:
          kubectl annotate pods web-0 description='my frontend'
          kubectl annotate --overwrite pods web-0 description='my frontend running nginx'
          kubectl annotate pods --all description='my frontend running nginx'
          kubectl annotate pods web-0 description-
          kubectl annotate sts web kubernetes.io/change-cause='image updated to 0.24'

        Options:
          --all=false             every object of the type in the namespace
          -A, --all-namespaces=false  every namespace
          --dry-run='none'        'client' or 'server' to only show what would happen
          --field-selector=''     only objects whose fields match
          -f, --filename=[]       files naming the objects
          --list=false            print the annotations instead of changing them
          -o, --output=''         print the objects as json, yaml, name or jsonpath
          --overwrite=false       allow changing annotations that already have a value
          -R, --recursive=false   read directories given with -f recursively
          -l, --selector=''       only objects matching the label selector

        Usage:
          kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]
        """)

    let flags = FlagSet(MetadataPairs.flags + [.init("field-manager", nil, .string, default: "kubectl-annotate")])

    func run(_ call: Invocation) throws -> Int32 {
        let (resources, words) = try MetadataPairs.split(call.args, pairType: "annotation")
        if call.flags.bool("list") && call.flags.isSet("output") {
            throw KubectlFailure.error("--list and --output may not be specified together")
        }
        let output = try OutputFormat.parse(call.flags.string("output"), allowed: .objectPrinters)
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        if resources.isEmpty && call.flags.strings("filename").isEmpty {
            throw KubectlFailure.error("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        let pairs = try Self.parse(words)
        if pairs.set.isEmpty && pairs.remove.isEmpty && !call.flags.bool("list") {
            throw KubectlFailure.error("at least one annotation update is required")
        }
        let sel = try MetadataPairs.targets(call, resources: resources)
        let single = MetadataPairs.namesOne(resources, call: call)
        var errors = sel.errors
        var printed: [(ResourceType, JSONValue)] = []
        for (r, obj) in sel.objects {
            let current = obj.annotations
            let (next, clashes) = pairs.apply(to: current, overwrite: call.flags.bool("overwrite"), exempt: [RolloutHistory.changeCauseKey])
            if !clashes.isEmpty {
                errors.append("error: --overwrite is false but found the following declared annotation(s): "
                    + clashes.map { "'\($0.0)' already has a value (\($0.1))" }.joined(separator: "; "))
                continue
            }
            if call.flags.bool("list") {
                call.out(MetadataPairs.list(next, heading: "annotations", of: r, name: obj.name, single: single))
                continue
            }
            do {
                let result = try pairs.send(obj, as: r, newMap: next, dryRun: dryRun, call: call)
                if output == .table { call.out("\(r.qualifiedKind)/\(obj.name) annotated\(dryRun.suffix)\n") }
                else { printed.append((r, result)) }
            } catch let e as APIError {
                errors.append(e.kubectlText)
            }
        }
        if !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
        return ErrorReport.finish(lines: errors, call: call)
    }

    /// `cmdutil.ParsePairs`: `key=value` (the value may hold `=`) or `key-`.
    static func parse(_ words: [String]) throws -> MetadataPairs {
        var pairs = MetadataPairs(field: "annotations")
        var invalid: [String] = []
        for word in words {
            if let eq = word.firstIndex(of: "="), eq != word.startIndex {
                let key = String(word[..<eq])
                pairs.set.removeAll { $0.key == key }
                pairs.set.append((key, String(word[word.index(after: eq)...])))
            } else if word.hasSuffix("-") && word != "-" {
                pairs.remove.append(String(word.dropLast()))
            } else {
                invalid.append(word)
            }
        }
        if !invalid.isEmpty { throw KubectlFailure.error("invalid annotation format: \(invalid.joined(separator: ", "))") }
        let both = pairs.remove.filter { key in pairs.set.contains { $0.key == key } }
        if !both.isEmpty {
            throw KubectlFailure.error("can not both modify and remove the following annotation(s) in the same command: \(both.joined(separator: ", "))")
        }
        return pairs
    }
}
