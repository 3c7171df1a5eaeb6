/// docker/distribution's reference grammar, which the kubelet applies before it pulls
/// (`applyDefaultImageTag` → `ParseNormalizedNamed`): a reference it cannot parse never reaches
/// the registry, and the container waits as `InvalidImageName`.
public enum ImageReferenceGrammar {
    /// The kubelet's message for a reference it cannot parse, or nil for a well-formed one:
    /// `Failed to apply default image tag "Nginx": couldn't parse image name "Nginx": invalid
    /// reference format: repository name (library/Nginx) must be lowercase`.
    public static func kubeletError(_ reference: String) -> String? {
        guard let problem = parseError(reference) else { return nil }
        let quoted = "\"" + reference + "\""
        return "Failed to apply default image tag \(quoted): couldn't parse image name \(quoted): \(problem)"
    }

    /// ParseNormalizedNamed's error text.
    static func parseError(_ s: String) -> String? {
        if s.utf8.count == 64, s.utf8.allSatisfy(isLowerHex) {
            return "invalid repository name (\(s)), cannot specify 64-byte hexadecimal strings"
        }
        // splitDockerDomain: the first component is a registry when it has a dot or a colon, is
        // localhost, or has capitals; otherwise Docker Hub, with library/ for one-word names.
        var domain = "docker.io"
        var remainder = Substring(s)
        if let slash = s.firstIndex(of: "/") {
            let first = s[..<slash]
            if first.contains(".") || first.contains(":") || first == "localhost" || first.lowercased() != first {
                domain = String(first)
                remainder = s[s.index(after: slash)...]
            }
        }
        if domain == "docker.io" && !remainder.contains("/") { remainder = "library/" + remainder }
        let remoteName = remainder.firstIndex(of: ":").map { remainder[..<$0] } ?? remainder
        // A digest's own colon is not a tag's.
        let name = remoteName.firstIndex(of: "@").map { remoteName[..<$0] } ?? remoteName
        if name.lowercased() != name { return "invalid reference format: repository name (\(name)) must be lowercase" }
        return grammarError(domain + "/" + remainder)
    }

    /// reference.Parse on the full `domain/path[:tag][@digest]`.
    private static func grammarError(_ full: String) -> String? {
        let invalid = "invalid reference format"
        var rest = Substring(full)
        if let at = rest.firstIndex(of: "@") {
            let digest = rest[rest.index(after: at)...]
            rest = rest[..<at]
            guard let colon = digest.firstIndex(of: ":"), isDigestAlgorithm(digest[..<colon]),
                digest[digest.index(after: colon)...].utf8.count >= 32,
                digest[digest.index(after: colon)...].utf8.allSatisfy({ isLowerHex($0) || ($0 >= 65 && $0 <= 70) })
            else { return invalid }
        }
        let slash = rest.firstIndex(of: "/")!
        let domain = rest[..<slash]
        var path = rest[rest.index(after: slash)...]
        if let colon = path.lastIndex(of: ":") {
            let tag = path[path.index(after: colon)...]
            path = path[..<colon]
            guard isTag(tag) else { return invalid }
        }
        guard isDomain(domain), !path.isEmpty,
            path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy(isPathComponent)
        else { return invalid }
        if domain.utf8.count + 1 + path.utf8.count > 255 { return "repository name must not be more than 255 characters" }
        return nil
    }

    private static func isLowerHex(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 97 && b <= 102) }
    private static func isAlnumLower(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 97 && b <= 122) }
    private static func isAlnum(_ b: UInt8) -> Bool { isAlnumLower(b) || (b >= 65 && b <= 90) }

    /// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*`
    private static func isPathComponent(_ c: Substring) -> Bool {
        let b = Array(c.utf8)
        guard let first = b.first, let last = b.last, isAlnumLower(first), isAlnumLower(last) else { return false }
        var i = 0
        while i < b.count {
            if isAlnumLower(b[i]) { i += 1; continue }
            var j = i
            while j < b.count && !isAlnumLower(b[j]) { j += 1 }
            let separator = b[i..<j]
            let ok = separator.elementsEqual([46]) || separator.elementsEqual([95]) || separator.elementsEqual([95, 95])
                || separator.allSatisfy { $0 == 45 }
            if !ok { return false }
            i = j
        }
        return true
    }

    /// `[\w][\w.-]{0,127}`
    private static func isTag(_ t: Substring) -> Bool {
        let b = Array(t.utf8)
        guard let first = b.first, b.count <= 128, isAlnum(first) || first == 95 else { return false }
        return b.allSatisfy { isAlnum($0) || $0 == 95 || $0 == 46 || $0 == 45 }
    }

    /// Host components (letters, digits, inner hyphens) joined by dots, or an IPv6 literal, then an optional `:port`.
    private static func isDomain(_ d: Substring) -> Bool {
        var host = d
        if let colon = d.lastIndex(of: ":"), !d.hasSuffix("]") {
            let port = d[d.index(after: colon)...]
            guard !port.isEmpty, port.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
            host = d[..<colon]
        }
        if host.hasPrefix("[") { return host.hasSuffix("]") && host.count > 2 }
        return !host.isEmpty && host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            let b = Array(part.utf8)
            guard let f = b.first, let l = b.last, isAlnum(f), isAlnum(l) else { return false }
            return b.allSatisfy { isAlnum($0) || $0 == 45 }
        }
    }

    /// `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*`
    private static func isDigestAlgorithm(_ a: Substring) -> Bool {
        a.split(separator: "+", omittingEmptySubsequences: false).flatMap { $0.split(separator: "-", omittingEmptySubsequences: false) }
            .flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }.flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }
            .allSatisfy { part in
                guard let f = part.utf8.first, (f >= 65 && f <= 90) || (f >= 97 && f <= 122) else { return false }
                return part.utf8.allSatisfy(isAlnum)
            }
    }
}
