/// A filesystem made the first time something looks at it. A container's tree (image files, the
/// kubelet's /etc files, mount points, projected volumes) costs far more to build than most short
/// Job commands (`date; echo tick`) spend in it, so containers hand their shells this instead of
/// the tree. Every holder (a shell, its `sh -c` children, the container) shares one instance, so
/// they all see the same tree once it exists.
public final class DeferredFileSystem {
    private var made: VirtualFileSystem?
    private var make: (() -> VirtualFileSystem)?

    /// A tree `make` builds on first use.
    public init(_ make: @escaping () -> VirtualFileSystem) { self.make = make }

    /// A tree that exists already.
    public init(_ fileSystem: VirtualFileSystem) { made = fileSystem }

    public var fileSystem: VirtualFileSystem {
        if let made { return made }
        let built = make?() ?? VirtualFileSystem()
        made = built
        make = nil
        return built
    }

    /// Whether the tree has been built (tests use it to see what stayed unbuilt).
    public var isBuilt: Bool { made != nil }
}
