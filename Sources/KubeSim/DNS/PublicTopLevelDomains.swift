/// Top-level domains that exist on the Internet, so an offline cluster can tell "would be
/// forwarded upstream and fail" (SERVFAIL) from "cannot exist" (NXDOMAIN). Country codes are all
/// two-letter labels; the generic ones are the common subset learners type.
enum PublicTopLevelDomains {
    static let generic: Set<String> = [
        "com", "net", "org", "io", "dev", "app", "edu", "gov", "mil", "int", "info", "biz", "xyz", "cloud",
        "ai", "tech", "online", "site", "store", "blog", "page", "arpa", "name", "pro", "mobi", "asia",
    ]

    static func contains(_ tld: String) -> Bool {
        let label = tld.lowercased()
        if generic.contains(label) { return true }
        return label.count == 2 && label.allSatisfy { $0 >= "a" && $0 <= "z" }
    }
}
