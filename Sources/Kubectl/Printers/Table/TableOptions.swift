/// The `kubectl get` flags that shape a table (cli-runtime `PrintOptions`).
public struct TableOptions: Hashable, Sendable {
    /// `-o wide`.
    public var wide: Bool
    /// Prefix names with `kind.group/`; forced on when rows of several kinds are printed.
    public var withKind: Bool
    /// `-A`: a NAMESPACE column first (namespaced kinds only).
    public var withNamespace: Bool
    /// `--show-labels`.
    public var showLabels: Bool
    /// `-L key` columns, in the order given.
    public var labelColumns: [String]
    /// `--no-headers`.
    public var noHeaders: Bool
    /// `--sort-by` JSONPath, e.g. `.metadata.name` or `{.status.podIP}`.
    public var sortBy: String?

    public init(wide: Bool = false, withKind: Bool = false, withNamespace: Bool = false, showLabels: Bool = false,
                labelColumns: [String] = [], noHeaders: Bool = false, sortBy: String? = nil)
    {
        self.wide = wide
        self.withKind = withKind
        self.withNamespace = withNamespace
        self.showLabels = showLabels
        self.labelColumns = labelColumns
        self.noHeaders = noHeaders
        self.sortBy = sortBy
    }
}
