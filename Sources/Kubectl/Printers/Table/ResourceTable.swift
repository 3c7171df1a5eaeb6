import KubeAPI

/// One column of a kind's table, as the server's Table response describes it.
public struct TableColumn: Hashable, Sendable {
    public let name: String
    /// Shown only with `-o wide` (a non-zero priority in the Table response).
    public let wide: Bool

    public init(_ name: String, wide: Bool = false) {
        self.name = name
        self.wide = wide
    }
}

/// The columns of a kind and how to fill a row from an object; rows always hold every column.
public struct ResourceTable: Sendable {
    public let columns: [TableColumn]
    public let row: @Sendable (_ object: JSONValue, _ now: Millis) -> [String]

    public init(columns: [TableColumn], row: @escaping @Sendable (JSONValue, Millis) -> [String]) {
        self.columns = columns
        self.row = row
    }

    /// The table kubectl prints for a kind (see `KindPrinters`).
    public static func forKind(_ kind: String) -> ResourceTable { KindPrinters.forKind(kind).table }
}
