import KubeAPI

/// `kubectl set subject (-f FILENAME | TYPE NAME) [--user=U] [--group=G] [--serviceaccount=NS:NAME]`
/// (`pkg/cmd/set/set_subject.go`): subjects added to RoleBindings and ClusterRoleBindings, each
/// once. The subjects list has no merge key, so the patch carries the whole list.
enum SetSubject {
    static let flags: [FlagSet.Spec] = SetPatches.objectFlags + [
        .init("selector", "l"), .init("user", nil, .stringArray), .init("group", nil, .stringArray),
        .init("serviceaccount", nil, .stringArray),
    ]

    /// - Parameter call: the command line after `set subject`.
    static func run(_ call: Invocation) throws -> Int32 {
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        guard let sel = try SetPatches.builderObjects(call.args, call: call) else { return 1 }
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
        var patches = SetPatches(call, dryRun: dryRun, output: output, done: "subjects updated",
                                 failurePrefix: "failed to patch subjects to rolebinding: ")
        for (r, obj) in sel.objects {
            guard r.kind == "RoleBinding" || r.kind == "ClusterRoleBinding" else {
                patches.refuse(obj, as: r, "setting subjects is only supported for RoleBinding/ClusterRoleBinding")
                continue
            }
            let existing = obj["subjects"].items
            let added = subjects.filter { s in !existing.contains { same($0, s) } }
            // Every subject already bound: an empty patch, which kubectl skips without a word.
            if added.isEmpty { continue }
            let patch: JSONValue = ["subjects": .array(existing + added)]
            try patches.send(patch, to: obj, as: r)
        }
        return try patches.finish()
    }

    /// Go's `==` on rbacv1.Subject: every field, an absent one as "".
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        ["kind", "apiGroup", "name", "namespace"].allSatisfy { (a[$0].string ?? "") == (b[$0].string ?? "") }
    }
}
