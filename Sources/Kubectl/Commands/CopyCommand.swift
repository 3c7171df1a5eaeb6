import KubeAPI
import PodShell

/// `kubectl cp`: files between the working directory and a container (what kubelab writes on the
/// host side stays in the session's memory).
struct CopyCommand: KubectlCommand {
    static let name = "cp"
    static let help = HelpText.usage("""
        Copy files and folders between the working directory and a container.

        Examples:
          kubectl cp backup.sql mysql-0:/tmp/backup.sql
          kubectl cp todo-db-0:/var/lib/postgresql/data/PG_VERSION ./PG_VERSION
          kubectl cp -c db todo-db-0:/secrets ./secrets

        Options:
          -c, --container=''   the container (default: the pod's first)
          --no-preserve        do not keep ownership and modes

        Usage:
          kubectl cp <file-spec-src> <file-spec-dest> [options]
        """)

    let flags = FlagSet([.init("container", "c"), .init("no-preserve", nil, .bool), .init("retries", nil, .int, default: "0")])

    struct Spec {
        var pod: String?
        var path: String
    }

    static func parse(_ text: String) -> Spec {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, !text.hasPrefix("/"), !text.hasPrefix(".") else {
            return Spec(pod: nil, path: text)
        }
        return Spec(pod: String(text[..<colon]), path: String(text[text.index(after: colon)...]))
    }

    func run(_ call: Invocation) throws -> Int32 {
        guard call.args.count == 2 else {
            throw KubectlFailure("error: source and destination are required")
        }
        // kubectl's extractFileSpec: a spec starting with ':' or with more than `namespace/pod` before it.
        for spec in call.args where spec.hasPrefix(":") || Self.parse(spec).pod.map({ $0.split(separator: "/", omittingEmptySubsequences: false).count > 2 }) == true {
            throw KubectlFailure.error("filespec must match the canonical format: [[namespace/]pod:]file/path")
        }
        let src = Self.parse(call.args[0]), dst = Self.parse(call.args[1])
        if src.path.isEmpty || dst.path.isEmpty { throw KubectlFailure.error("filepath can not be empty") }
        guard (src.pod == nil) != (dst.pod == nil) else {
            throw KubectlFailure.error(src.pod == nil ? "one of src or dest must be a local file specification"
                                                      : "one of src or dest must be a remote file specification")
        }
        let remote = src.pod ?? dst.pod!
        var podName = remote
        if let slash = remote.firstIndex(of: "/") {
            podName = String(remote[remote.index(after: slash)...])
        }
        let containerFlag = call.flags.isSet("container") ? call.flags.string("container") : nil
        let target = try PodTarget.resolve(podName, containerName: containerFlag, call: call)
        try call.cluster.api.connectToKubelet(pod: target.pod, for: .stream)
        guard target.isRunning, let runtime = call.kubectl.runtime, let instance = runtime.container(pod: target.pod, name: target.containerName) else {
            throw KubectlFailure.error("unable to upgrade connection: container not found (\"\(target.containerName)\")")
        }
        let fs = instance.fileSystem
        if src.pod != nil {
            let from = VirtualFileSystem.normalize(src.path, cwd: instance.workingDirectory)
            if src.path.hasPrefix("/") { call.err("tar: Removing leading `/' from member names\n") }
            guard fs.exists(from) else {
                call.err("tar: \(src.path.hasPrefix("/") ? String(src.path.dropFirst()) : src.path): Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n")
                return 1
            }
            var copy = CopyOut(fs: fs, files: call.kubectl.files, call: call, namespace: target.pod.namespace ?? "default",
                               pod: target.pod.name, source: src.path)
            try copy.copy(from, to: Self.cleanLocal(dst.path))
        } else {
            guard case let entry = call.kubectl.files.read(src.path), entry != .missing else {
                throw KubectlFailure.error("\(src.path) doesn't exist in local filesystem")
            }
            let to = VirtualFileSystem.normalize(dst.path, cwd: instance.workingDirectory)
            do {
                try copyIn(src.path, to: to, fs: fs, call: call)
            } catch let e as FileSystemError {
                call.err("tar: \(dst.path): Cannot open: \(e.message)\ntar: Exiting with failure status due to previous errors\ncommand terminated with exit code 2\n")
                return 1
            }
        }
        return 0
    }

    /// Bounds on one copy out of a container, so `kubectl cp pod:/ ./root` cannot exhaust memory.
    static let maxCopiedEntries = 10_000
    static let maxCopiedBytes = 64 << 20

    /// What `tar cf - SRC` in the container and kubectl's untarAll make of it: every entry's path
    /// after SRC is put under the local destination (a folder's contents go into DEST itself, a
    /// single file becomes DEST), folders are created as needed, symlinks are skipped with kubectl's
    /// warning, and files are written through the working directory's files.
    struct CopyOut {
        let fs: VirtualFileSystem
        let files: HostFiles
        let call: Invocation
        /// For the symlink warning: `kubectl exec -n "ns" "pod" -- tar cf - "src" | tar xf -`.
        let namespace: String, pod: String, source: String
        var entries = 0, bytes = 0
        var warnedSymlink = false

        mutating func copy(_ path: String, to local: String) throws {
            entries += 1
            guard entries <= CopyCommand.maxCopiedEntries else {
                throw KubectlFailure.error("kubelab copies at most \(CopyCommand.maxCopiedEntries) files and folders from a container at once")
            }
            let info = try? fs.lstat(path)
            switch info?.kind {
            case .symlink?:
                let quoted = KubeAPI.GoFormat.quoted(local), target = KubeAPI.GoFormat.quoted(info?.linkTarget ?? "")
                if warnedSymlink {
                    call.err("warning: skipping symlink: \(quoted) -> \(target)\n")
                } else {
                    warnedSymlink = true
                    call.err("warning: skipping symlink: \(quoted) -> \(target) (consider using \"kubectl exec -n \(KubeAPI.GoFormat.quoted(namespace)) \(KubeAPI.GoFormat.quoted(pod)) -- tar cf - \(KubeAPI.GoFormat.quoted(source)) | tar xf -\")\n")
                }
            case .directory?:
                if let problem = files.makeDirectory(local) { throw KubectlFailure.error(problem) }
                for name in (try? fs.list(path)) ?? [] {
                    try copy(path == "/" ? "/" + name : path + "/" + name, to: local + "/" + name)
                }
            case .device?:
                // tar archives a device node without data; untarAll creates an empty file for it.
                if let problem = files.write(local, bytes: []) { throw KubectlFailure.error(problem) }
            case .file?:
                let data = (try? fs.readFile(path, limit: CopyCommand.maxCopiedBytes - bytes + 1)) ?? []
                bytes += data.count
                guard bytes <= CopyCommand.maxCopiedBytes else {
                    throw KubectlFailure.error("kubelab copies at most \(CopyCommand.maxCopiedBytes >> 20) MiB from a container at once")
                }
                if let problem = files.write(local, bytes: data) { throw KubectlFailure.error(problem) }
            case nil:
                break
            }
        }
    }

    /// Go's path.Clean for the local destination, as kubectl's localPath keeps it (`./html` → `html`).
    static func cleanLocal(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() }
            else if part == ".." && absolute { continue }
            else { parts.append(part) }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    func copyIn(_ local: String, to path: String, fs: VirtualFileSystem, call: Invocation) throws {
        switch call.kubectl.files.read(local) {
        case .file(let bytes):
            let target = fs.isDirectory(path) ? path + "/" + (local.split(separator: "/").last.map(String.init) ?? local) : path
            try fs.writeFile(target, bytes: bytes)
        case .directory(let names):
            try fs.createDirectory(path, withIntermediates: true)
            for n in names { try copyIn(local + "/" + n, to: path + "/" + n, fs: fs, call: call) }
        default:
            break
        }
    }
}
