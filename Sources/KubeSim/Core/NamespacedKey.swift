/// A controller's work-queue key `namespace/name` taken apart at its first slash. The split reads
/// UTF-8 bytes: a `Character` search for the slash showed in profiles of controllers that sync on
/// every change of their objects (the names either side are the API's validated ASCII names).
enum NamespacedKey {
    static func split(_ key: some StringProtocol) -> (namespace: String, name: String)? {
        let utf8 = key.utf8
        guard let slash = utf8.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        return (String(key[..<slash]), String(key[utf8.index(after: slash)...]))
    }
}
