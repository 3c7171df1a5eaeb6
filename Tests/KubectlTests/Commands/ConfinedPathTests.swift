import Testing
@testable import Kubectl

/// The working-directory confinement rule, over an in-memory disk: links are resolved against
/// their own folder, at every depth, and nothing outside the allowed folders is reachable.
@Suite struct ConfinedPathTests {
    /// A disk: `/work` is the working directory, `/etc/shadow` the secret outside it.
    static func disk(_ links: [String: String], files: Set<String> = []) -> (String) -> ConfinedPath.Entry {
        let directories: Set<String> = ["/", "/work", "/work/sub", "/work/sub/deep", "/work/sub/deep/er", "/etc"]
        let regular: Set<String> = files.union(["/etc/shadow", "/work/a.yaml", "/work/sub/deep/er/b.yaml"])
        return { path in
            if let target = links[path] { return .symlink(target: target) }
            if directories.contains(path) { return .directory }
            if regular.contains(path) { return .regularFile }
            if path == "/work/fifo" { return .special }
            return .missing
        }
    }

    static func resolve(_ path: String, _ links: [String: String]) -> ConfinedPath.Outcome {
        ConfinedPath.resolve(path, roots: ["/work"], lookup: disk(links))
    }

    @Test func theIssuesLinkIsResolvedAgainstItsOwnFolder() {
        #expect(Self.resolve("/work/sub/s", ["/work/sub/s": "../sub/../../../../etc/shadow"]) == .outside)
    }

    /// A link escaping by `..` or by an absolute target, placed at each depth below the root.
    @Test(arguments: ["/work/l", "/work/sub/l", "/work/sub/deep/l", "/work/sub/deep/er/l"])
    func linksThatLeaveAreRefusedAtEveryDepth(_ link: String) {
        let depth = link.split(separator: "/").count - 1
        let up = String(repeating: "../", count: depth) + "etc/shadow"
        #expect(Self.resolve(link, [link: up]) == .outside)
        #expect(Self.resolve(link, [link: "/etc/shadow"]) == .outside)
        #expect(Self.resolve(link + "/x", [link: "/etc"]) == .outside)
        // One level less of `..` stays inside: it names /work/etc/shadow, which does not exist.
        let inside = String(repeating: "../", count: depth - 1) + "etc/shadow"
        #expect(Self.resolve(link, [link: inside]) == .inside("/work/etc/shadow", .missing))
    }

    @Test func linksThatStayInsideResolve() {
        #expect(Self.resolve("/work/sub/s", ["/work/sub/s": "../a.yaml"]) == .inside("/work/a.yaml", .regularFile))
        #expect(Self.resolve("/work/x/b.yaml", ["/work/x": "sub/deep/er"]) == .inside("/work/sub/deep/er/b.yaml", .regularFile))
        #expect(Self.resolve("/work/sub/deep/../../a.yaml", [:]) == .inside("/work/a.yaml", .regularFile))
    }

    @Test func chainsLoopsAndSpecialFiles() {
        #expect(Self.resolve("/work/l1", ["/work/l1": "sub/l2", "/work/sub/l2": "../../etc/shadow"]) == .outside)
        #expect(Self.resolve("/work/l", ["/work/l": "l"]) == .tooManyLinks)
        #expect(Self.resolve("/work/fifo", [:]) == .inside("/work/fifo", .special))
        #expect(Self.resolve("/etc/shadow", [:]) == .outside)
        #expect(Self.resolve("/work/../etc/shadow", [:]) == .outside)
    }
}
