import KubeAPI

/// The objects a verb acts on, from `TYPE NAME...`, `TYPE/NAME`, `-f FILE`, `-l SELECTOR`,
/// `--all` and `-A` — resolved the way cli-runtime's builder does.
struct ObjectSelection {
    /// Found objects in request order (each type's list in etcd order).
    var objects: [(ResourceType, JSONValue)] = []
    /// Messages for names that were not found, already in kubectl's words.
    var errors: [String] = []
    /// The positions in `errors` of NotFound answers: `--ignore-not-found` hides only these, as the
    /// builder's `IgnoreErrors(apierrors.IsNotFound)` does (a Forbidden name is still reported).
    private var notFoundPositions: Set<Int> = []
    /// The types asked for, even when nothing matched (for "No resources found").
    var types: [ResourceType] = []
    /// Where each object came from when read from a manifest (for "error when deleting").
    var sources: [String] = []
    /// The types the server answered for: every listed type (even with no items, as a server-side
    /// Table of zero rows is still a result) and every type with a name that was found. kubectl
    /// prefixes names with their kind when these are more than one (`multipleGVKsRequested`).
    var answeredTypes: [ResourceType] = []

    /// The errors `--ignore-not-found` leaves standing.
    var errorsBesidesNotFound: [String] {
        errors.indices.filter { !notFoundPositions.contains($0) }.map { errors[$0] }
    }

    /// Records the answer for a name the server lacks (`APIError.notFound`, in the kind's words).
    private mutating func noteMissing(_ error: APIError) {
        if error.reason == .notFound { notFoundPositions.insert(errors.count) }
        errors.append(error.kubectlText)
    }

    /// Records that the server answered a request for `type`.
    mutating func noteAnswer(_ type: ResourceType) {
        if !answeredTypes.contains(type) { answeredTypes.append(type) }
    }

    static let noResourcesText = """
        error: You must provide one or more resources by argument or filename.
        Example resource specifications include:
           '-f rsrc.yaml'
           '--filename=rsrc.json'
           '<resource> <name>'
           '<resource>'
        """

    /// - Parameters:
    ///   - requireNames: a bare type (`kubectl delete pods`) is an error unless -l/--all is given.
    ///   - missingText: what to say when nothing at all was named.
    ///   - namedVerb: the request a named object (or one from a manifest) is authorized for: `get`,
    ///     or the verb itself when kubectl's builder does not fetch it first (`delete` sets
    ///     RequireObject(false), so the server judges the DELETE itself).
    static func resolve(_ call: Invocation, requireNames: Bool = false, missingText: String,
                        notFoundVerb: String? = nil, namedVerb: String = "get") throws -> ObjectSelection
    {
        var sel = ObjectSelection()
        let allNamespaces = call.flags.isSet("all-namespaces") && call.flags.bool("all-namespaces")
        let selectorText = call.flags.isSet("selector") ? call.flags.string("selector") : nil
        let selector: LabelSelector?
        do {
            selector = try selectorText.map { text throws(LabelSelector.ParseError) in try LabelSelector.parse(text) }
        } catch {
            throw KubectlFailure.error("unable to parse requirement: \(error.message)")
        }
        let fieldSelector = try FieldSelector.parse(call.flags.isSet("field-selector") ? call.flags.string("field-selector") : "")
        let paths = call.flags.strings("filename")
        if !paths.isEmpty {
            if !call.args.isEmpty {
                throw KubectlFailure.error("when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well")
            }
            let batch = Namespaces.check(try ManifestReader.read(paths, recursive: call.flags.bool("recursive"), files: call.kubectl.files,
                                                                 stdin: call.io.stdin),
                                         call: call)
            for item in batch.items {
                guard case .manifest(let m) = item else {
                    if case .failure(let e) = item { sel.errors.append(ErrorReport.text([e]).trimmingSuffix("\n")) }
                    continue
                }
                let r = m.type
                if !sel.types.contains(r) { sel.types.append(r) }
                let ns = Namespaces.namespace(for: m.object, resource: r, call: call)
                do { try call.authorize(namedVerb, r, namespace: ns, name: m.object.name) } catch {
                    sel.errors.append(error.kubectlText)
                    continue
                }
                if let live = call.store.get(r, namespace: ns, name: m.object.name) {
                    sel.noteAnswer(r)
                    sel.objects.append((r, live))
                    sel.sources.append(m.source)
                } else {
                    var e = APIError.notFound(r, m.object.name)
                    if let verb = notFoundVerb { e = e.fromSource(verb, m.source) }
                    sel.noteMissing(e)
                }
            }
            return sel
        }
        let requests = try ResourceArgs.parse(call.args)
        guard !requests.isEmpty else { throw KubectlFailure(missingText) }
        let hasNames = requests.contains { !$0.names.isEmpty }
        if hasNames && selector != nil {
            throw KubectlFailure.error("name cannot be provided when a selector is specified")
        }
        if requireNames && !hasNames && selector == nil && !(call.flags.isSet("all") && call.flags.bool("all")) {
            throw KubectlFailure.error("resource(s) were provided, but no name was specified")
        }
        for req in requests {
            let r = req.resource
            if !sel.types.contains(r) { sel.types.append(r) }
            let ns = call.namespace
            if req.names.isEmpty {
                do { try call.authorize("list", r, namespace: allNamespaces ? nil : ns) } catch {
                    sel.errors.append(error.kubectlText)
                    continue
                }
                sel.noteAnswer(r)
                if r.namespaced && !allNamespaces && call.store.get(ResourceRegistry.lookup("namespaces")!, namespace: nil, name: ns) == nil {
                    // Listing in a namespace that does not exist lists nothing, as on a real server.
                    continue
                }
                let listed = call.store.list(r, namespace: r.namespaced && !allNamespaces ? ns : nil)
                for o in listed where (selector?.matches(o.labels) ?? true) && fieldSelector.matches(o, r) {
                    sel.objects.append((r, o))
                    sel.sources.append("")
                }
            } else {
                if allNamespaces && r.namespaced {
                    throw KubectlFailure.error("a resource cannot be retrieved by name across all namespaces")
                }
                for name in req.names {
                    do { try call.authorize(namedVerb, r, namespace: ns, name: name) } catch {
                        sel.errors.append(error.kubectlText)
                        continue
                    }
                    if let o = call.store.get(r, namespace: ns, name: name) {
                        sel.noteAnswer(r)
                        sel.objects.append((r, o))
                        sel.sources.append("")
                    } else {
                        sel.noteMissing(APIError.notFound(r, name))
                    }
                }
            }
        }
        return sel
    }
}

/// `--field-selector metadata.name=x,status.phase!=Running`.
struct FieldSelector {
    var terms: [(path: String, value: String, equal: Bool)] = []

    static func parse(_ text: String) throws -> FieldSelector {
        var s = FieldSelector()
        guard !text.isEmpty else { return s }
        for part in text.split(separator: ",") {
            let p = String(part)
            if let r = p.range(of: "!=") {
                s.terms.append((String(p[..<r.lowerBound]), String(p[r.upperBound...]), false))
            } else if let r = p.range(of: "==") ?? p.range(of: "=") {
                s.terms.append((String(p[..<r.lowerBound]), String(p[r.upperBound...]), true))
            } else {
                throw KubectlFailure.error("invalid selector: '\(text)'; can't understand '\(p)'")
            }
        }
        return s
    }

    func matches(_ obj: JSONValue, _ r: ResourceType) -> Bool {
        for t in terms {
            let actual = obj.value(at: t.path.split(separator: ".").map(String.init)).scalarText ?? ""
            if (actual == t.value) != t.equal { return false }
        }
        return true
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
