import KubeAPI
import KubeSim

/// Builds a container's filesystem: the image's files, the files the kubelet writes
/// (/etc/hostname, /etc/hosts, /etc/resolv.conf) and every volume mount.
///
/// The kubelet's part happens when the container is set up (`prepare`): it reads the objects the
/// files come from and resolves the volumes other containers share (making their subPaths). The
/// container's own tree is built from that on first use, dated as if built at setup, so a Job pod
/// whose command never reads a file never pays for one.
enum ContainerFiles {
    /// One volumeMount as the kubelet set it up.
    struct PreparedMount {
        enum Source {
            /// A volume other mounts may share (PV data, emptyDir, hostPath), with its subPath made.
            case shared(VirtualVolume, subPath: String)
            /// A Secret, ConfigMap or projected volume: its own files, made from objects read at setup.
            case projection(volume: JSONValue, sources: Projection.Sources, subPath: String)
        }

        let path: String
        let source: Source
        let readOnly: Bool
    }

    /// Reads and resolves what the container's files come from, now; the tree itself is built on
    /// first use unless one mount lies inside another (its mount point would then be made inside a
    /// volume others may see, so that happens at once, as before).
    static func prepare(pod: JSONValue, container: JSONValue, profile: ImageProfile, volumes: VolumeStore,
                        store: ObjectStore, now: @escaping () -> Millis) -> DeferredFileSystem
    {
        let setUpAt = now()
        let nodeMemory = nodeMemoryBytes(pod, store: store)
        let memory = memoryBytes(pod, nodeMemory: nodeMemory)
        let mounts = prepareMounts(pod: pod, container: container, volumes: volumes, store: store)
        let build = { () -> VirtualFileSystem in
            let fs = make(pod: pod, profile: profile, mounts: mounts, memory: memory, nodeMemory: nodeMemory, now: { setUpAt })
            fs.now = now
            return fs
        }
        return nested(mounts.map(\.path)) ? DeferredFileSystem(build()) : DeferredFileSystem(build)
    }

    /// Whether a mount path repeats or lies under another (`/var/run` is `/run` in every image).
    static func nested(_ paths: [String]) -> Bool {
        guard paths.count > 1 else { return false }
        let physical = paths.map { path -> String in
            let p = VirtualFileSystem.normalize(path)
            return p == "/var/run" || p.hasPrefix("/var/run/") ? String(p.dropFirst("/var".count)) : p
        }
        for (i, a) in physical.enumerated() {
            for (j, b) in physical.enumerated() where i != j {
                if a == b || a == "/" || b.hasPrefix(a + "/") { return true }
            }
        }
        return false
    }

    static func make(pod: JSONValue, profile: ImageProfile, mounts: [PreparedMount], memory: Int, nodeMemory: Int,
                     now: @escaping () -> Millis) -> VirtualFileSystem
    {
        let fs = VirtualFileSystem(now: now)
        fs.installBaseLayout()
        let hostname = pod["spec"]["hostname"].string ?? pod.name
        let namespace = pod.namespace ?? "default"
        try? fs.writeFile("/etc/hostname", text: hostname + "\n")
        try? fs.writeFile("/etc/hosts", text: PodHostsFile.contents(
            podIP: pod["status"]["podIP"].string, hostname: hostname, subdomain: pod["spec"]["subdomain"].string,
            namespace: namespace))
        try? fs.writeFile("/etc/resolv.conf", text: ClusterDNS.resolvConf(namespace: namespace))
        try? fs.writeFile("/etc/os-release", text: "PRETTY_NAME=\"\(profile.osName)\"\n")
        for dir in ["/usr/sbin", "/sbin", "/var/lib", "/run", "/mnt", "/opt", "/srv"] { try? fs.createDirectory(dir, withIntermediates: true) }
        // As in Debian, Ubuntu and Alpine images, /var/run is a link to /run, so the service-account
        // token mounted at /var/run/secrets/... is also under /run/secrets/...
        try? fs.createSymlink(at: "/var/run", target: "/run")
        for path in profile.programPaths.values.sorted() {
            try? fs.writeFile(path, text: "\u{7F}ELF\n", mode: 0o755)
        }
        switch profile.service {
        case .nginx?:
            try? fs.createDirectory("/usr/share/nginx/html", withIntermediates: true)
            try? fs.writeFile("/usr/share/nginx/html/index.html", text: ImageServices.nginxIndex)
        case .mysql?:
            try? fs.createDirectory("/var/lib/mysql", withIntermediates: true)
        case .postgres?:
            try? fs.createDirectory("/var/lib/postgresql/data", withIntermediates: true)
        default: break
        }
        // The runtime's own mounts, in the order containerd and the kubelet make them.
        fs.recordRuntimeMount(MountInfo(mountPath: "/dev", volumeName: "tmpfs", subPath: nil, readOnly: false,
                                        capacityBytes: 64 << 20, usedBytes: 0))
        fs.recordRuntimeMount(MountInfo(mountPath: "/etc/hosts", volumeName: "/dev/sda1", subPath: nil, readOnly: false,
                                        capacityBytes: nil, usedBytes: fs.mounts.first?.usedBytes ?? 0))
        fs.recordRuntimeMount(MountInfo(mountPath: "/dev/shm", volumeName: "shm", subPath: nil, readOnly: false,
                                        capacityBytes: 64 << 20, usedBytes: 0))
        mount(mounts, into: fs, pod: pod, memory: memory)
        // The paths the runtime masks with empty read-only tmpfs (half the node's memory each).
        for masked in ["/proc/acpi", "/proc/scsi", "/sys/firmware"] {
            fs.recordRuntimeMount(MountInfo(mountPath: masked, volumeName: "tmpfs", subPath: nil, readOnly: true,
                                            capacityBytes: nodeMemory / 2, usedBytes: 0))
        }
        return fs
    }

    /// What a memory-backed volume of the pod may hold: the pod's memory limit when every container
    /// has one, else the node's memory (the kubelet sizes its tmpfs so).
    /// The pod's memory limit when every container has one, else what its node has.
    static func memoryBytes(_ pod: JSONValue, nodeMemory: Int) -> Int {
        let limits = pod["spec"]["containers"].items.map { $0["resources"]["limits"]["memory"].string.flatMap(StorageQuantity.bytes) }
        if !limits.isEmpty, limits.allSatisfy({ $0 != nil }) { return Int(limits.reduce(0) { $0 + ($1 ?? 0) }) }
        return nodeMemory
    }

    static let nodes = ResourceRegistry.forKind("Node")

    /// The node the pod is bound to, as the store holds it now.
    static func node(of pod: JSONValue, store: ObjectStore) -> JSONValue? {
        guard let type = nodes, let name = pod["spec"]["nodeName"].string else { return nil }
        return store.get(type, namespace: nil, name: name)
    }

    static func nodeMemoryBytes(_ pod: JSONValue, store: ObjectStore) -> Int {
        guard let text = node(of: pod, store: store)?["status"]["capacity"]["memory"].string,
            let bytes = StorageQuantity.bytes(text)
        else { return 4 << 30 }
        return Int(bytes)
    }

    /// The kubelet's volume setup for one container: each mount's data found (or, for projections,
    /// the objects read), in `volumeMounts` order; mounts of undeclared or unknown volumes are left out.
    static func prepareMounts(pod: JSONValue, container: JSONValue, volumes: VolumeStore, store: ObjectStore) -> [PreparedMount] {
        let declared = Dictionary(pod["spec"]["volumes"].items.map { ($0["name"].string ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let namespace = pod.namespace ?? "default"
        var prepared: [PreparedMount] = []
        for mount in container["volumeMounts"].items {
            guard let name = mount["name"].string, let volume = declared[name], let path = mount["mountPath"].string else { continue }
            let subPath = mount["subPath"].string
            var readOnly = mount["readOnly"].bool ?? false
            var source: (VirtualVolume, String?)?
            if let claim = volume["persistentVolumeClaim"]["claimName"].string {
                if let pvName = VolumeDataLocation.volumeName(forClaim: claim, namespace: namespace, in: store),
                    let pvType = ResourceRegistry.forKind("PersistentVolume"),
                    let pv = store.get(pvType, namespace: nil, name: pvName)
                {
                    source = volumes.persistentVolume(pv)
                }
                readOnly = readOnly || (volume["persistentVolumeClaim"]["readOnly"].bool ?? false)
            } else if !volume["emptyDir"].isNull {
                source = (volumes.emptyDir(podUID: pod.uid, name: name, sizeLimit: volume["emptyDir"]["sizeLimit"].string,
                                           madeAt: pod["status"]["startTime"].string.flatMap(Timestamp.parse)), nil)
            } else if let hostPath = volume["hostPath"]["path"].string {
                source = (volumes.hostPath(node: pod["spec"]["nodeName"].string ?? "", path: hostPath), nil)
            } else if let sources = Projection.sources(for: volume, pod: pod, store: store) {
                prepared.append(PreparedMount(path: path, source: .projection(volume: volume, sources: sources, subPath: subPath ?? ""),
                                              readOnly: true))
                continue
            }
            guard let (data, base) = source else { continue }
            let fullSub = madeSubPath([base, subPath].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "/"), in: data)
            prepared.append(PreparedMount(path: path, source: .shared(data, subPath: fullSub), readOnly: readOnly))
        }
        return prepared
    }

    /// The kubelet creates a missing subPath directory inside the volume, and bind-mounts what a
    /// linked subPath points to (a ConfigMap key is a link into `..data`).
    static func madeSubPath(_ subPath: String, in data: VirtualVolume) -> String {
        guard !subPath.isEmpty else { return "" }
        let inner = VirtualFileSystem(root: data)
        let resolved = resolvedSubPath(subPath, in: inner)
        try? inner.createDirectory("/" + resolved, withIntermediates: true, mode: 0o777)
        return resolved
    }

    /// Mounts the prepared volumes into the container's tree, building projected ones.
    static func mount(_ mounts: [PreparedMount], into fs: VirtualFileSystem, pod: JSONValue, memory: Int) {
        for mount in mounts {
            let data: VirtualVolume, subPath: String
            switch mount.source {
            case .shared(let volume, let sub):
                data = volume
                subPath = sub
            case .projection(let volume, let sources, let sub):
                data = Projection.volume(for: volume, pod: pod, sources: sources, now: fs.now, capacity: memory)
                subPath = madeSubPath(sub, in: data)
            }
            let physical = physicalPath(mount.path, in: fs)
            try? fs.createDirectory(physical, withIntermediates: true)
            try? fs.mount(data, at: physical, subPath: subPath.isEmpty ? nil : subPath, readOnly: mount.readOnly)
        }
    }

    /// `subPath` inside a volume with its links followed, staying inside the volume as the kubelet requires.
    static func resolvedSubPath(_ subPath: String, in volume: VirtualFileSystem) -> String {
        var resolved: [String] = []
        var pending = subPath.split(separator: "/").map(String.init)
        var hops = 0
        while !pending.isEmpty {
            let part = pending.removeFirst()
            if part == "." || part.isEmpty { continue }
            if part == ".." { if !resolved.isEmpty { resolved.removeLast() }; continue }
            let candidate = "/" + (resolved + [part]).joined(separator: "/")
            if let info = try? volume.lstat(candidate), info.kind == .symlink, let target = info.linkTarget, hops < 40 {
                hops += 1
                if target.hasPrefix("/") { resolved = [] }
                pending = target.split(separator: "/").map(String.init) + pending
            } else {
                resolved.append(part)
            }
        }
        return resolved.joined(separator: "/")
    }

    /// The mount point with linked directories resolved (`/var/run/secrets` is `/run/secrets`), as
    /// the kernel mounts on the directory itself, so both spellings reach the volume.
    static func physicalPath(_ path: String, in fs: VirtualFileSystem) -> String {
        var resolved = ""
        for part in path.split(separator: "/") {
            let candidate = resolved + "/" + part
            if let info = try? fs.lstat(candidate), info.kind == .symlink, let target = info.linkTarget, target.hasPrefix("/") {
                resolved = target == "/" ? "" : target
            } else {
                resolved = candidate
            }
        }
        return resolved.isEmpty ? "/" : resolved
    }
}

/// Secret, ConfigMap, downward-API and service-account volumes: files projected from objects.
enum Projection {
    /// What a Secret, ConfigMap or projected volume's files come from, read when the kubelet sets
    /// the container up; nil for any other volume.
    struct Sources {
        /// The Secrets and ConfigMaps it names that exist, by `Kind/name`.
        var objects: [String: JSONValue] = [:]
        /// Whom a service account token is bound to ("" when the object is gone).
        var serviceAccountUID = ""
        var nodeUID = ""

        func object(_ kind: String, _ name: String?) -> JSONValue? { name.flatMap { objects[kind + "/" + $0] } }
    }

    static func sources(for volume: JSONValue, pod: JSONValue, store: ObjectStore) -> Sources? {
        let namespace = pod.namespace ?? "default"
        var sources = Sources()
        func read(_ kind: String, _ name: String?) {
            guard let name, let object = lookup(kind, name, namespace, store) else { return }
            sources.objects[kind + "/" + name] = object
        }
        if !volume["secret"].isNull {
            read("Secret", volume["secret"]["secretName"].string)
        } else if !volume["configMap"].isNull {
            read("ConfigMap", volume["configMap"]["name"].string)
        } else if !volume["projected"].isNull {
            for source in volume["projected"]["sources"].items {
                if !source["serviceAccountToken"].isNull {
                    (sources.serviceAccountUID, sources.nodeUID) = ServiceAccountTokenText.boundUIDs(for: pod, store: store)
                } else if !source["configMap"].isNull {
                    read("ConfigMap", source["configMap"]["name"].string)
                } else if !source["secret"].isNull {
                    read("Secret", source["secret"]["name"].string)
                }
            }
        } else {
            return nil
        }
        return sources
    }

    /// A tmpfs of `capacity` bytes, as the kubelet backs these volumes with memory.
    static func volume(for volume: JSONValue, pod: JSONValue, sources: Sources, now: @escaping () -> Millis,
                       capacity: Int) -> VirtualVolume {
        let namespace = pod.namespace ?? "default"
        let files: [(String, [UInt8], UInt16)]
        if !volume["secret"].isNull {
            files = project(volume["secret"], source: sources.object("Secret", volume["secret"]["secretName"].string), decode: true)
        } else if !volume["configMap"].isNull {
            files = project(volume["configMap"], source: sources.object("ConfigMap", volume["configMap"]["name"].string), decode: false)
        } else {
            var out: [(String, [UInt8], UInt16)] = []
            let mode = UInt16(volume["projected"]["defaultMode"].int ?? 0o644)
            for source in volume["projected"]["sources"].items {
                if !source["serviceAccountToken"].isNull {
                    let token = ServiceAccountTokenText.token(
                        for: pod, serviceAccountUID: sources.serviceAccountUID, nodeUID: sources.nodeUID,
                        expirationSeconds: source["serviceAccountToken"]["expirationSeconds"].int ?? 3607)
                    out.append((source["serviceAccountToken"]["path"].string ?? "token", Array(token.utf8), mode))
                } else if !source["configMap"].isNull {
                    out += project(source["configMap"], source: sources.object("ConfigMap", source["configMap"]["name"].string), decode: false)
                } else if !source["secret"].isNull {
                    out += project(source["secret"], source: sources.object("Secret", source["secret"]["name"].string), decode: true)
                } else if !source["downwardAPI"].isNull {
                    for item in source["downwardAPI"]["items"].items {
                        let path = item["fieldRef"]["fieldPath"].string ?? ""
                        let value = path == "metadata.namespace" ? namespace : path == "metadata.name" ? pod.name : ""
                        out.append((item["path"].string ?? "", Array(value.utf8), mode))
                    }
                }
            }
            files = out
        }
        // The kubelet writes the volume while it sets the pod up, before any container starts.
        let written = pod["status"]["startTime"].string.flatMap(Timestamp.parse) ?? now()
        let v = VirtualVolume(name: "tmpfs", capacityBytes: capacity, mode: 0o777, mtime: written)
        let fs = VirtualFileSystem(root: v, now: { written })
        AtomicWriterLayout.write(files, into: fs, at: written, seed: pod.uid + "/" + (volume["name"].string ?? ""))
        return v
    }

    static func lookup(_ kind: String, _ name: String?, _ namespace: String, _ store: ObjectStore) -> JSONValue? {
        guard let name, let type = ResourceRegistry.forKind(kind) else { return nil }
        return store.get(type, namespace: namespace, name: name)
    }

    /// The files of a secret or configMap volume: every key, or just `items`, with defaultMode.
    static func project(_ spec: JSONValue, source: JSONValue?, decode: Bool) -> [(String, [UInt8], UInt16)] {
        guard let source else { return [] }
        let mode = UInt16(spec["defaultMode"].int ?? 0o644)
        var data: [String: [UInt8]] = [:]
        for (k, v) in source["data"].object ?? [:] {
            let text = v.string ?? ""
            data[k] = decode ? (Base64.decode(text) ?? []) : Array(text.utf8)
        }
        for (k, v) in source["binaryData"].object ?? [:] { data[k] = Base64.decode(v.string ?? "") ?? [] }
        if spec["items"].items.isEmpty {
            return data.keys.sorted().map { ($0, data[$0]!, mode) }
        }
        return spec["items"].items.compactMap { item in
            guard let key = item["key"].string, let bytes = data[key] else { return nil }
            return (item["path"].string ?? key, bytes, UInt16(item["mode"].int ?? Int(mode)))
        }
    }
}

/// A service account token shaped as the kubelet's projected one: an RS256 JWT whose claims are
/// what the API server's TokenRequest puts there (audience, issuer, issued/expiry times, the pod,
/// node and service account it is bound to). The signature is made-up bytes of the right length.
enum ServiceAccountTokenText {
    static let issuer = "https://kubernetes.default.svc.cluster.local"

    static func token(for pod: JSONValue, store: ObjectStore, expirationSeconds: Int) -> String {
        let bound = boundUIDs(for: pod, store: store)
        return token(for: pod, serviceAccountUID: bound.serviceAccount, nodeUID: bound.node, expirationSeconds: expirationSeconds)
    }

    /// The uids of the service account and node a pod's token is bound to ("" for one that is gone).
    static func boundUIDs(for pod: JSONValue, store: ObjectStore) -> (serviceAccount: String, node: String) {
        func uid(_ kind: String, _ ns: String?, _ name: String) -> String {
            ResourceRegistry.forKind(kind).flatMap { store.get($0, namespace: ns, name: name)?.uid } ?? ""
        }
        let namespace = pod.namespace ?? "default"
        return (uid("ServiceAccount", namespace, pod["spec"]["serviceAccountName"].string ?? "default"),
                uid("Node", nil, pod["spec"]["nodeName"].string ?? ""))
    }

    static func token(for pod: JSONValue, serviceAccountUID: String, nodeUID: String, expirationSeconds: Int) -> String {
        let namespace = pod.namespace ?? "default"
        let account = pod["spec"]["serviceAccountName"].string ?? "default"
        let node = pod["spec"]["nodeName"].string ?? ""
        let issued = (pod["status"]["startTime"].string.flatMap(Timestamp.parse) ?? 0) / 1000
        let expires = issued + Int64(max(600, expirationSeconds))
        var claims: [(String, JSONValue)] = [
            ("aud", [.string(issuer)]), ("exp", .int(Int(expires))), ("iat", .int(Int(issued))), ("iss", .string(issuer)),
            ("jti", .string(pseudoUUID(pod.uid + "/token"))),
        ]
        var bound: [(String, JSONValue)] = [
            ("namespace", .string(namespace)),
            ("node", ["name": .string(node), "uid": .string(nodeUID)]),
            ("pod", ["name": .string(pod.name), "uid": .string(pod.uid)]),
            ("serviceaccount", ["name": .string(account), "uid": .string(serviceAccountUID)]),
        ]
        // The kubelet asks for 3607 s; the API server then warns clients of the extended expiry after an hour.
        if expirationSeconds == 3607 { bound.append(("warnafter", .int(Int(issued + 3600)))) }
        claims.append(("kubernetes.io", .object(JSONObject(bound))))
        claims += [("nbf", .int(Int(issued))), ("sub", .string("system:serviceaccount:\(namespace):\(account)"))]
        let header = "{\"alg\":\"RS256\",\"kid\":\"\(base64URL(Array(pseudoBytes("kubelab-signing-key", count: 32))))\"}"
        let payload = JSONText.compact(.object(JSONObject(claims)))
        return base64URL(Array(header.utf8)) + "." + base64URL(Array(payload.utf8)) + "." + base64URL(pseudoBytes(payload, count: 256))
    }

    /// Base64 with the URL alphabet and no padding, as JWTs are written.
    static func base64URL(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        for b in Base64.encode(bytes).utf8 {
            switch b {
            case UInt8(ascii: "="): continue
            case UInt8(ascii: "+"): out.append(UInt8(ascii: "-"))
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "_"))
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Stable bytes derived from `seed` (FNV-1a, then SplitMix64), standing in for a signature or key id.
    static func pseudoBytes(_ seed: String, count: Int) -> [UInt8] {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in seed.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        var generator = SeededGenerator(seed: h)
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            var v = generator.next()
            for _ in 0..<8 where out.count < count { out.append(UInt8(v & 0xFF)); v >>= 8 }
        }
        return out
    }

    static func pseudoUUID(_ seed: String) -> String {
        var generator = SeededGenerator(seed: pseudoBytes(seed, count: 8).reduce(0) { $0 << 8 | UInt64($1) })
        return generator.uuid()
    }
}
