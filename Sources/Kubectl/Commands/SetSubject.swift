import KubeAPI

/// `kubectl set subject (-f FILENAME | TYPE NAME) [--user=U] [--group=G] [--serviceaccount=NS:NAME]`
/// (`pkg/cmd/set/set_subject.go`): subjects added to RoleBindings and ClusterRoleBindings, each
/// once. The subjects list has no merge key, so the patch carries the whole list.
enum SetSubject {
    static let flags: [FlagSet.Spec] = [
        .init("all", nil, .bool), .init("selector", "l"), .init("filename", "f", .stringArray), .init("recursive", "R", .bool),
        .init("kustomize", "k"), .init("local", nil, .bool), .init("output", "o"), .init("dry-run", nil, .string, default: "none"),
        .init("template"), .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
        .init("field-manager", nil, .string, default: "kubectl-set"),
        .init("user", nil, .stringArray), .init("group", nil, .stringArray), .init("serviceaccount", nil, .stringArray),
    ]

    /// - Parameter call: the command line after `set subject`.
    static func run(_ call: Invocation) throws -> Int32 {
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        if call.args.isEmpty && call.flags.strings("filename").isEmpty && call.flags.string("kustomize").isEmpty {
            if call.flags.isSet("selector") { throw KubectlFailure.error("at least one resource must be specified to use a selector") }
            throw KubectlFailure(ObjectSelection.noResourcesText)
        }
        let sel = try MetadataPairs.targets(call, resources: call.args)
        if !sel.errors.isEmpty { return ErrorReport.finish(lines: sel.errors, call: call) }
        // Validate, once the builder has found the bindings.
        let users = call.flags.values["user"] ?? [], groups = call.flags.values["group"] ?? []
        let accounts = call.flags.values["serviceaccount"] ?? []
        if users.isEmpty && groups.isEmpty && accounts.isEmpty {
            throw KubectlFailure.error("you must specify at least one value of user, group or serviceaccount")
        }
        for account in accounts {
            let tokens = account.split(separator: ":", omittingEmptySubsequences: false)
            if tokens.count != 2 || tokens[1].isEmpty { throw KubectlFailure.error("serviceaccount must be <namespace>:<name>") }
            if tokens[0].isEmpty, sel.objects.contains(where: { $0.0.kind == "ClusterRoleBinding" }) {
                throw KubectlFailure.error("serviceaccount must be <namespace>:<name>, namespace must be specified")
            }
        }
        // Each list as a set, in name order; subjects in the Go struct's field order.
        var subjects: [JSONValue] = []
        for user in Set(users).sorted() { subjects.append(["kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": .string(user)]) }
        for group in Set(groups).sorted() { subjects.append(["kind": "Group", "apiGroup": "rbac.authorization.k8s.io", "name": .string(group)]) }
        for account in Set(accounts).sorted() {
            let tokens = account.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            subjects.append(["kind": "ServiceAccount", "name": .string(tokens[1]), "namespace": .string(tokens[0].isEmpty ? call.namespace : tokens[0])])
        }
        var errors: [String] = []
        var printed: [(ResourceType, JSONValue)] = []
        for (r, obj) in sel.objects {
            guard r.kind == "RoleBinding" || r.kind == "ClusterRoleBinding" else {
                errors.append("error: \(r.plural)/\(obj.name) setting subjects is only supported for RoleBinding/ClusterRoleBinding\n")
                continue
            }
            let existing = obj["subjects"].items
            let added = subjects.filter { s in !existing.contains { same($0, s) } }
            // Every subject already bound: an empty patch, which kubectl skips without a word.
            if added.isEmpty { continue }
            let patch: JSONValue = ["subjects": .array(existing + added)]
            do {
                let result: JSONValue
                if dryRun == .client {
                    result = try ObjectMerge.strategicMerge(patch, into: obj, kind: r.kind)
                } else {
                    let ref = ObjectRef(r, namespace: obj.namespace ?? "", name: obj.name)
                    result = try call.api.patch(ref, type: .strategic, body: JSONText.compact(patch), dryRun: dryRun == .server).object
                }
                if output == .table { call.out("\(r.qualifiedKind)/\(obj.name) subjects updated\(dryRun.suffix)\n") }
                else { printed.append((r, result)) }
            } catch let e as APIError {
                errors.append(patchFailure + e.statusMessage)
            }
        }
        if !printed.isEmpty { try ObjectOutput.printEach(printed, format: output, call: call) }
        if errors.count == 1, errors[0].hasPrefix(patchFailure) { errors[0] = "error: " + errors[0] }
        return ErrorReport.finish(lines: errors, call: call)
    }

    static let patchFailure = "failed to patch subjects to rolebinding: "

    /// Go's `==` on rbacv1.Subject: every field, an absent one as "".
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        ["kind", "apiGroup", "name", "namespace"].allSatisfy { (a[$0].string ?? "") == (b[$0].string ?? "") }
    }
}
