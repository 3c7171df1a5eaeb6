/// `kubectl edit`: opens an editor on the live object in real kubectl. kubelab's terminal has no
/// editor to open, so it says so and names the verbs that make the same changes.
struct EditCommand: KubectlCommand {
    static let name = "edit"
    static let help = HelpText.usage("""
        Edit an object in your editor. kubelab cannot open an editor; change objects with
        'kubectl patch' (a few fields) or by editing the manifest and running 'kubectl apply -f'.

        Examples:
          kubectl patch sts web -p '{"spec":{"replicas":3}}'
          kubectl apply -f web.yaml

        Usage:
          kubectl edit (RESOURCE/NAME | -f FILENAME) [options]
        """)

    let flags = FlagSet([
        .init("filename", "f", .stringArray), .init("recursive", "R", .bool), .init("kustomize", "k"), .init("output", "o"),
        .init("output-patch", nil, .bool), ChangeCause.flag, .init("save-config", nil, .bool),
        .init("subresource"), .init("validate", nil, .string, default: "strict"), .init("windows-line-endings", nil, .bool),
        .init("field-manager", nil, .string, default: "kubectl-edit"), .init("template"),
        .init("allow-missing-template-keys", nil, .bool, default: "true"), .init("show-managed-fields", nil, .bool),
    ])

    static let message = """
        error: kubelab has no editor for "kubectl edit": change the object with "kubectl patch" \
        (for example kubectl patch sts web -p '{"spec":{"replicas":3}}') or edit its manifest and run "kubectl apply -f FILE"
        """

    func run(_ call: Invocation) throws -> Int32 {
        throw KubectlFailure(Self.message)
    }
}
