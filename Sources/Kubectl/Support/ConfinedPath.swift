/// Resolves a path inside allowed folders one component at a time, the way the kernel does, so
/// a symlink cannot lead outside them: `sub/s -> ../sub/../../../../etc/shadow` is resolved
/// against `sub/` (the link's own folder), not the process's directory, and each step is
/// checked. The host's `readlink`/`lstat` are passed in, so the rule is testable without a disk.
public enum ConfinedPath {
    /// What one path component is on disk.
    public enum Entry: Equatable, Sendable {
        case missing
        case directory
        case regularFile
        /// A FIFO, socket or device: opening it could block or never end, so it is refused.
        case special
        case symlink(target: String)
    }

    public enum Outcome: Equatable, Sendable {
        /// The real path (no symlinks left), inside an allowed folder.
        case inside(String, Entry)
        /// A component or link left the allowed folders.
        case outside
        /// More than 40 links were followed (ELOOP).
        case tooManyLinks
    }

    /// Linux follows at most 40 links in one lookup.
    public static let maxLinks = 40

    /// Resolves absolute `path`; `roots` are the allowed folders (absolute, normalized);
    /// `lookup` answers what a path is without following a last-component link (lstat + readlink).
    public static func resolve(_ path: String, roots: [String], lookup: (String) -> Entry) -> Outcome {
        var pending = components(path)
        var resolved: [String] = []
        var links = 0
        while !pending.isEmpty {
            let part = pending.removeFirst()
            if part == "." { continue }
            if part == ".." { if !resolved.isEmpty { resolved.removeLast() }; continue }
            resolved.append(part)
            let current = "/" + resolved.joined(separator: "/")
            // Components above a root (`/`, `/home`) are walked through, never read.
            guard isInside(current, roots) || roots.contains(where: { isAncestor(current, of: $0) }) else { return .outside }
            let entry = lookup(current)
            switch entry {
            case .symlink(let target):
                links += 1
                if links > maxLinks { return .tooManyLinks }
                resolved.removeLast()
                // Relative targets continue from the link's folder; absolute ones from `/`.
                if target.hasPrefix("/") { resolved = [] }
                pending = components(target) + pending
            case .missing, .regularFile, .special:
                if !pending.isEmpty {
                    // Only a directory can have more components after it.
                    return entry == .missing && isInside(current, roots) ? .inside(current + "/" + pending.joined(separator: "/"), .missing) : .outside
                }
                return isInside(current, roots) ? .inside(current, entry) : .outside
            case .directory:
                continue
            }
        }
        let final = "/" + resolved.joined(separator: "/")
        return isInside(final, roots) ? .inside(final, .directory) : .outside
    }

    static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    static func isInside(_ path: String, _ roots: [String]) -> Bool {
        roots.contains { root in root == "/" || path == root || path.hasPrefix(root + "/") }
    }

    static func isAncestor(_ path: String, of root: String) -> Bool {
        path == "/" || root.hasPrefix(path + "/")
    }
}
