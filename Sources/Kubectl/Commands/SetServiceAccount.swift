import KubeAPI

/// `kubectl set serviceaccount|sa (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT`
/// (`pkg/cmd/set/set_serviceaccount.go`): the pod template's `serviceAccountName`, by a strategic
/// merge patch. Unlike `set image` it sends the patch even when nothing changes, and says so.
enum SetServiceAccount {
    static let flags: [FlagSet.Spec] = SetPatches.objectFlags + [ChangeCause.flag]

    /// - Parameter call: the command line after `set serviceaccount`.
    static func run(_ call: Invocation) throws -> Int32 {
        let dryRun = try DryRun.parse(call.flags.string("dry-run"))
        let output = try OutputFormat.parse(call, allowed: .objectPrinters)
        guard let account = call.args.last else { throw KubectlFailure.error("serviceaccount is required") }
        let resources = Array(call.args.dropLast())
        guard let sel = try SetPatches.builderObjects(resources, call: call) else { return 1 }
        // set_serviceaccount.go's wording, without a colon before the server's message.
        var patches = SetPatches(call, dryRun: dryRun, output: output, done: "serviceaccount updated",
                                 failurePrefix: "failed to patch ServiceAccountName ")
        let cause = ChangeCause(command: "set serviceaccount", flags: call.flags)
        for (r, obj) in sel.objects {
            guard let path = patches.podSpecPath(of: obj, as: r) else { continue }
            let patch = SetPatches.podSpecPatch(["serviceAccountName": .string(account)], at: path, recording: cause.mergePatch(for: obj))
            try patches.send(patch, to: obj, as: r)
        }
        return try patches.finish()
    }
}
