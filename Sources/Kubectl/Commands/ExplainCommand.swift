import KubeAPI

/// `kubectl explain TYPE[.field...]`: what a resource or field is for.
struct ExplainCommand: KubectlCommand {
    static let name = "explain"
    static let help = HelpText.usage("""
        Describe a resource type or one of its fields, with the field's type and allowed values.

        Examples:
          kubectl explain statefulset.spec.podManagementPolicy
          kubectl explain pods.spec.containers
          kubectl explain sts.spec --recursive

        Options:
          --recursive=false    list every nested field
          --api-version=''     the group/version to explain (apps/v1)
          --output='plaintext' 'plaintext' or 'plaintext-openapiv2'

        Usage:
          kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]
        """)

    let flags = FlagSet([.init("recursive", nil, .bool), .init("api-version"), .init("output", "o", .string, default: "plaintext")])

    func run(_ call: Invocation) throws -> Int32 {
        guard let path = call.args.first else {
            throw KubectlFailure("""
                error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.
                """)
        }
        if call.args.count > 1 {
            throw KubectlFailure.error("We accept only this format: explain RESOURCE")
        }
        let apiVersion = call.flags.isSet("api-version") ? call.flags.string("api-version") : nil
        do {
            call.out(try Explain.render(path: path, apiVersion: apiVersion, recursive: call.flags.bool("recursive")))
        } catch {
            throw KubectlFailure(error.message)
        }
        return 0
    }
}
