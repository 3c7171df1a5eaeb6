import KubeAPI
import KubeSim

/// The container side of the kubelet: builds each running container's filesystem, environment
/// and programs from its image, keeps volume data, and answers HTTP for the pods' servers.
///
/// Containers are created on first use (an exec, a log read, an HTTP request) and dropped with
/// their pod; volume data follows the PersistentVolume, not the pod.
public final class ContainerRuntime {
    public let cluster: Cluster
    public let catalog = ImageCatalog()
    public let volumes: VolumeStore
    public let dns: ClusterDNS
    /// Pod uid → container name → its instance, so a pod's deletion drops its containers at once.
    private var instances: [String: [String: ContainerInstance]] = [:]
    private var watchToken: Int?
    /// Connections made through Services so far: the endpoint each one gets is a SplitMix64 hash of
    /// this count, random-looking as kube-proxy's choice is, without drawing from the cluster's
    /// generator (so the IPs and names of everything created later stay as they were).
    private var serviceConnections: UInt64 = 0
    /// Cached base tables per dialect (building them allocates every utility closure).
    private var baseCommands: [ShellDialect: [String: ShellCommand]] = [:]

    public init(cluster: Cluster, dns: ClusterDNS) {
        self.cluster = cluster
        self.dns = dns
        volumes = VolumeStore(now: { [unowned cluster] in cluster.now })
        watchToken = cluster.store.watch({ $0.kind == "Pod" || $0.kind == "PersistentVolume" }) { [weak self] event in
            guard let self else { return }
            if event.kind != .deleted {
                // The NFS provisioner makes the claim's folder on the export as soon as it provisions.
                if event.resource.kind == "PersistentVolume", event.object["spec"]["nfs"]["path"].string != nil {
                    _ = self.volumes.persistentVolume(event.object)
                }
                return
            }
            switch event.resource.kind {
            case "Pod":
                let uid = event.object.uid
                self.instances.removeValue(forKey: uid)
                self.volumes.releasePod(uid: uid)
            case "PersistentVolume":
                self.volumes.releasePersistentVolume(event.object)
            default:
                break
            }
        }
    }

    deinit { if let watchToken { cluster.store.unwatch(watchToken) } }

    /// Makes this runtime the kubelets' answer to "what does this container do".
    public func install() { cluster.controller(Kubelet.self)?.behaviour = self }

    static let pods = ResourceRegistry.forKind("Pod")!

    /// The container spec (main or init) named `name` in `pod`.
    public static func containerSpec(_ pod: JSONValue, _ name: String) -> JSONValue? {
        (pod["spec"]["containers"].items + pod["spec"]["initContainers"].items).first { $0["name"].string == name }
    }

    /// Whether the container's instance has been built already.
    func hasContainer(pod: JSONValue, name: String) -> Bool { instances[pod.uid]?[name] != nil }

    /// The running container, created on first use.
    public func container(pod: JSONValue, name: String) -> ContainerInstance? {
        if let existing = instances[pod.uid]?[name] { return existing }
        guard let spec = Self.containerSpec(pod, name) else { return nil }
        let profile = catalog.profile(for: spec["image"].string ?? "")
        let files = ContainerFiles.prepare(pod: pod, container: spec, profile: profile, volumes: volumes, store: cluster.store,
                                           now: { [unowned self] in self.cluster.now })
        let env = ContainerEnvironment.make(pod: pod, container: spec, profile: profile, store: cluster.store)
        let instance = ContainerInstance(pod: pod, container: spec, profile: profile, files: files, environment: env)
        instance.commands = commands(for: instance, pod: pod)
        // An explicit command replaces the image's entrypoint, so its server never starts (a backup
        // Job's `pg_dump` container in the postgres image).
        if Self.runsEntrypointServer(spec) { startServices(instance, pod: pod) }
        instances[pod.uid, default: [:]][name] = instance
        return instance
    }

    /// Whether the image's server starts: no command, and no arguments or only options for it. The
    /// server images' entrypoints run any other first argument instead (`kubectl run --image=mysql:5.7
    /// -- mysql -h mysql-0.mysql` is a client, with no mysqld of its own).
    static func runsEntrypointServer(_ spec: JSONValue) -> Bool {
        guard spec["command"].items.isEmpty else { return false }
        guard let first = spec["args"].items.first?.string else { return true }
        return first.hasPrefix("-") || ["mysqld", "postgres", "nginx"].contains(first)
    }

    // MARK: Programs

    func commands(for instance: ContainerInstance, pod: JSONValue) -> [String: ShellCommand] {
        let dialect = instance.profile.dialect
        var table = baseCommands[dialect] ?? StandardUtilities.commands(for: dialect)
        baseCommands[dialect] = table
        let net = PodNetworkContext(dns: dns, namespace: instance.namespace, podName: instance.podName,
                                    http: { [weak self] in self?.answer($0) })
        let programs = instance.profile.programs
        switch instance.profile.base {
        case .busybox(let legacy):
            table.merge(NetworkCommands.busybox(net, legacyNslookup: legacy)) { _, new in new }
        case .alpine:
            table.merge(NetworkCommands.busybox(net, legacyNslookup: false)) { _, new in new }
            table["apk"] = PackageManagers.apk(instance: instance, net: net)
        case .debian:
            table.merge(NetworkCommands.glibc(net)) { _, new in new }
            table["apt-get"] = PackageManagers.aptGet(instance: instance, net: net)
            table["apt"] = table["apt-get"]
            table["nslookup"] = nil
            table["ping"] = nil
            table["wget"] = nil
        }
        if programs.contains("curl") { table["curl"] = NetworkCommands.curl(net) }
        if programs.contains("dnsutils") { table.merge(NetworkCommands.dnsutils(net)) { _, new in new } }
        if programs.contains("bash"), table["bash"] == nil { table["bash"] = table["sh"] }
        if programs.contains("mysql") {
            let connector = { [weak self, weak instance] () -> MySQLConnector in
                var connector = MySQLConnector(localServer: instance?.mysql, clientAddress: "localhost",
                                               lookupHost: { host in self?.mysqlServer(named: host, from: instance) ?? .unknownHost })
                connector.podServer = instance.flatMap { self?.podMySQLServer($0) }
                return connector
            }
            table["mysql"] = DatabaseShellCommands.mysql(connector)
            table["mysqladmin"] = DatabaseShellCommands.mysqladmin(connector)
        }
        if programs.contains("psql") {
            let connector = { [weak self, weak instance] () -> PostgresConnector in
                PostgresConnector(localServer: instance?.postgres,
                                  lookupHost: { host in self?.postgresServer(named: host, from: instance) ?? .unknownHost })
            }
            table["psql"] = DatabaseShellCommands.psql(connector)
            table["pg_dump"] = DatabaseShellCommands.pgDump(connector)
        }
        if programs.contains("xtrabackup") {
            table.merge(XtraBackupImage.commands(
                instance: instance,
                connect: { [weak self, weak instance] host, port in self?.connect(host: host, port: port, from: instance) ?? .refused },
                mysqld: { [weak self, weak instance] in instance.flatMap { self?.podMySQLServer($0) } })) { _, new in new }
        }
        if programs.contains("dotnet") { table["dotnet"] = PackageManagers.dotnetPi }
        if programs.contains("perl") { table["perl"] = PackageManagers.perl }
        if programs.contains(KubeProxyImage.program) { table[KubeProxyImage.program] = KubeProxyImage.kubeProxy }
        return table
    }

    func startServices(_ instance: ContainerInstance, pod: JSONValue) {
        var environment: [String: String] = [:]
        for (k, v) in instance.environment { environment[k] = v }
        switch instance.profile.service {
        case .mysql?:
            let start = cluster.now
            let started = MySQLServer.startTimeline(environment: environment, fileSystem: instance.fileSystem, now: start)
            for line in started.lines { instance.logs.append(line.text, at: start + line.offset) }
            if started.succeeded {
                let server = MySQLServer(storage: instance.fileSystem, hostname: instance.hostname, now: { [unowned self] in self.cluster.now })
                server.acceptsConnectionsAt = start + (started.readyAfter ?? 0)
                server.configure(MySQLServerOptions.parse(Self.optionFiles(instance.fileSystem)))
                server.findSource = { [weak self, weak instance] host in
                    guard case .server(let found)? = self?.mysqlServer(named: host, from: instance) else { return nil }
                    return found
                }
                instance.mysql = server
            }
        case .postgres?:
            let started = PostgresServer.start(environment: environment, fileSystem: instance.fileSystem, now: cluster.now)
            instance.logs.append(started.log, at: cluster.now)
            if started.succeeded {
                instance.postgres = PostgresServer(storage: instance.fileSystem, hostname: instance.hostname, now: { [unowned self] in self.cluster.now })
            }
        case .nginx(entrypointLog: true)?:
            let log = NginxImage.entrypointLog(pod: pod, container: instance.containerName, store: cluster.store, now: cluster.now)
            instance.logs.append(log.text, at: log.at)
        case .helloApp?:
            instance.logs.append("\(CivilTime(millis: cluster.now).goLogStamp) Server listening on port 8080\n", at: cluster.now)
        default:
            break
        }
    }

    /// The option files the mysql image's my.cnf includes (`!includedir /etc/mysql/conf.d/`), in name order.
    static func optionFiles(_ fs: VirtualFileSystem) -> [String] {
        let dir = "/etc/mysql/conf.d"
        return (fs.directoryEntries(dir) ?? []).filter { $0.hasSuffix(".cnf") }.sorted().compactMap { fs.fileText(dir + "/" + $0) }
    }

    /// The mysqld running in any container of `instance`'s pod (they share its network).
    func podMySQLServer(_ instance: ContainerInstance) -> MySQLServer? {
        if let own = instance.mysql { return own }
        guard let pod = cluster.store.get(Self.pods, namespace: instance.namespace, name: instance.podName), pod.uid == instance.podUID
        else { return nil }
        return mysqld(in: pod, skipping: instance.containerName)
    }

    /// A TCP connection from `instance` to `host:port`: the listening process's command runs in its
    /// container and its output is what the client reads (see XtraBackupImage).
    func connect(host: String, port: Int, from instance: ContainerInstance?) -> XtraBackupImage.Connection {
        guard let target = pod(named: host, from: instance) else { return .unknownHost }
        for c in target["spec"]["containers"].items {
            guard let other = container(pod: target, name: c["name"].string ?? ""), let command = other.listeners[port] else { continue }
            let shell = other.makeShell(now: { [unowned self] in self.cluster.now }, sleep: { _ in true },
                                        random: { [unowned self] in self.cluster.rng.next() }, isInterrupted: { false }, terminal: nil)
            var data = ""
            let now = cluster.now
            _ = shell.execute(["sh", "-c", command], stdout: { data += $0 }, stderr: { other.logs.append($0, at: now) })
            return .data(data)
        }
        return .refused
    }

    // MARK: Reaching other pods

    func nextConnectionSpread() -> UInt64 {
        serviceConnections &+= 1
        var z = serviceConnections &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The running pod behind an IP address or DNS name, as seen from `instance`'s namespace.
    func pod(named host: String, from instance: ContainerInstance?) -> JSONValue? {
        let namespace = instance?.namespace ?? "default"
        let ip: String
        if host.split(separator: ".").count == 4 && host.allSatisfy({ $0.isNumber || $0 == "." }) {
            ip = host
        } else {
            guard let first = dns.resolve(host, namespace: namespace).addresses.first else { return nil }
            ip = first
        }
        if let pod = dns.pod(withIP: ip) { return pod }
        if let service = dns.service(withClusterIP: ip) {
            // kube-proxy sends each new connection to one ready endpoint chosen at random.
            let endpoints = dns.endpointAddresses(namespace: service.namespace ?? namespace, service: service.name)
            guard !endpoints.isEmpty else { return nil }
            let chosen = endpoints.count == 1 ? endpoints[0] : endpoints[Int(nextConnectionSpread() % UInt64(endpoints.count))]
            return dns.pod(withIP: chosen.ip)
        }
        return nil
    }

    func mysqlServer(named host: String, from instance: ContainerInstance?) -> DatabaseHostLookup<MySQLServer> {
        guard let target = pod(named: host, from: instance) else { return .unknownHost }
        return mysqld(in: target).map { .server($0) } ?? .noServer
    }

    /// The mysqld running in one of `pod`'s containers (other than `skipped`).
    func mysqld(in pod: JSONValue, skipping skipped: String? = nil) -> MySQLServer? {
        for c in pod["spec"]["containers"].items where c["name"].string != skipped {
            if let other = container(pod: pod, name: c["name"].string ?? ""), let server = other.mysql { return server }
        }
        return nil
    }

    func postgresServer(named host: String, from instance: ContainerInstance?) -> DatabaseHostLookup<PostgresServer> {
        guard let target = pod(named: host, from: instance) else { return .unknownHost }
        for c in target["spec"]["containers"].items {
            if let other = container(pod: target, name: c["name"].string ?? ""), let server = other.postgres { return .server(server) }
        }
        return .noServer
    }

    /// nginx's static files: a directory's `index.html`, 403 for a directory without one (the
    /// tutorial's empty volume before index.html is written; autoindex is off), 301 to the
    /// directory's slash form, 404 for anything missing.
    static func nginxAnswer(path: String, root: String, in fs: VirtualFileSystem) -> HTTPResponse {
        let file = root + path
        let headers: [HTTPResponse.Header] = [.init("Server", "nginx/1.27.3"), .init("Content-Type", "text/html")]
        /// nginx's own error page, titled with the status line.
        func page(_ status: Int, extra: [HTTPResponse.Header] = []) -> HTTPResponse {
            let title = "\(status) \(HTTPResponse.standardReason(status))"
            return HTTPResponse(status: status, headers: headers + extra,
                                body: "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n")
        }
        let served = path.hasSuffix("/") ? file + "index.html" : file
        if let body = try? fs.readText(served) { return HTTPResponse(status: 200, headers: headers, body: body) }
        if path.hasSuffix("/") { return page(fs.isDirectory(file) ? 403 : 404) }
        return fs.isDirectory(file) ? page(301, extra: [.init("Location", path + "/")]) : page(404)
    }

    /// What the server in the target pod answers.
    func answer(_ request: HTTPRequest) -> HTTPResponse? {
        guard let pod = cluster.store.get(Self.pods, namespace: request.podNamespace, name: request.podName),
            pod["status"]["phase"].string == "Running"
        else { return nil }
        for c in pod["spec"]["containers"].items {
            let profile = catalog.profile(for: c["image"].string ?? "")
            switch profile.service {
            case .nginx(let logs)? where request.port == 80:
                guard let instance = container(pod: pod, name: c["name"].string ?? "") else { return nil }
                let response = Self.nginxAnswer(path: request.path, root: "/usr/share/nginx/html", in: instance.fileSystem)
                if logs { instance.logs.append(NginxImage.accessLine(request, response, at: cluster.now), at: cluster.now) }
                return response
            case .helloApp(let version)? where request.port == 8080:
                return HTTPResponse(status: 200, headers: [.init("Content-Type", "text/plain; charset=utf-8")],
                                    body: "Hello, world!\nVersion: \(version)\nHostname: \(pod.name)\n")
            case .visitCounter? where request.port == 8080:
                guard let instance = container(pod: pod, name: c["name"].string ?? "") else { return nil }
                // The count lives in the pod's volume, so it survives the pod.
                let file = "/var/data/count"
                let count = (Int((try? instance.fileSystem.readText(file))?.trimmingCharacters(in: " \n") ?? "") ?? 0) + 1
                try? instance.fileSystem.writeFile(file, text: "\(count)\n")
                return HTTPResponse(status: 200, headers: [.init("Content-Type", "text/plain")],
                                    body: "[\(pod.name)] Visit count: \(count)\n")
            default:
                continue
            }
        }
        return nil
    }
}
