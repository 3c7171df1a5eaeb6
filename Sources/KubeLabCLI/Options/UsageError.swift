/// A problem with the command line itself; `kubelab` reports it on stderr and exits with 2.
public struct UsageError: Error, Equatable, Sendable {
    public static let exitCode: Int32 = 2

    /// One line, without the `kubelab: ` prefix.
    public let message: String

    public init(_ message: String) { self.message = message }

    /// Exactly what goes to stderr.
    public var report: String { "kubelab: \(message)\nSee 'kubelab --help' for usage.\n" }
}
