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
        \(MetadataPairs.optionsHelp("labels"))

        Usage:
          kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]
        """)

    let flags = FlagSet(MetadataPairs.flags + [.init("field-manager", nil, .string, default: "kubectl-label")])

    func run(_ call: Invocation) throws -> Int32 {
        let (resources, words) = try MetadataPairs.split(call.args, pairType: "label")
        _ = try OutputFormat.parse(call, allowed: .objectPrinters)
        _ = try DryRun.parse(call.flags.string("dry-run"))
        let pairs = try Self.parse(words)
        if resources.isEmpty && call.flags.strings("filename").isEmpty {
            throw KubectlFailure.error("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if pairs.set.isEmpty && pairs.remove.isEmpty && !call.flags.bool("list") {
            throw KubectlFailure.error("at least one label update is required")
        }
        return try pairs.run(call, resources: resources, wording: Self.wording)
    }

    static let wording = MetadataPairs.Wording(
        command: Self.name,
        heading: "labels",
        // `validateNoOverwrites` returns an aggregate: checkErr prints one error with `error: `, several
        // one per line with no prefix (`MultipleErrors("")`).
        clash: { clashes in
            let each = clashes.map { "'\($0.0)' already has a value (\($0.1)), and --overwrite is false" }
            return each.count == 1 ? "error: " + each[0] : each.joined(separator: "\n")
        },
        // `updateDataChangeMsg`: judged from the object's size before and after, as kubectl does.
        done: { before, after, overwrite in
            after == before ? "not labeled" : (!overwrite && after.count < before.count ? "unlabeled" : "labeled")
        },
        reportsMissingRemovals: true)

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
