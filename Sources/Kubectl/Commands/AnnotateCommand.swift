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
        \(MetadataPairs.optionsHelp("annotations"))

        Usage:
          kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]
        """)

    let flags = FlagSet(MetadataPairs.flags + [.init("field-manager", nil, .string, default: "kubectl-annotate")])

    func run(_ call: Invocation) throws -> Int32 {
        let (resources, words) = try MetadataPairs.split(call.args, pairType: "annotation")
        if call.flags.bool("list") && call.flags.isSet("output") {
            throw KubectlFailure.error("--list and --output may not be specified together")
        }
        _ = try OutputFormat.parse(call, allowed: .objectPrinters)
        _ = try DryRun.parse(call.flags.string("dry-run"))
        if resources.isEmpty && call.flags.strings("filename").isEmpty {
            throw KubectlFailure.error("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        let pairs = try Self.parse(words)
        if pairs.set.isEmpty && pairs.remove.isEmpty && !call.flags.bool("list") {
            throw KubectlFailure.error("at least one annotation update is required")
        }
        return try pairs.run(call, resources: resources, wording: Self.wording)
    }

    static let wording = MetadataPairs.Wording(
        command: Self.name,
        heading: "annotations",
        exempt: [ChangeCause.annotation],
        clash: { clashes in
            "error: --overwrite is false but found the following declared annotation(s): "
                + clashes.map { "'\($0.0)' already has a value (\($0.1))" }.joined(separator: "; ")
        },
        done: { _, _, _ in "annotated" })

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
