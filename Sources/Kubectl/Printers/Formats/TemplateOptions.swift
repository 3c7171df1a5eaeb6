import KubeAPI

/// How go-templates print (`--allow-missing-template-keys`, and the key order of the debugging text).
public struct TemplateOptions: Hashable, Sendable {
    public var allowMissingKeys: Bool
    /// Objects a generator built (`create deployment --dry-run=client`) marshal in field order;
    /// objects from the server in sorted key order.
    public var rawDataInFieldOrder: Bool

    public init(allowMissingKeys: Bool = true, rawDataInFieldOrder: Bool = false) {
        self.allowMissingKeys = allowMissingKeys
        self.rawDataInFieldOrder = rawDataInFieldOrder
    }
}
