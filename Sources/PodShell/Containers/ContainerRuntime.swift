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
        if spec["command"].items.isEmpty { startServices(instance, pod: pod) }
        instances[pod.uid, default: [:]][name] = instance
        return instance
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
                MySQLConnector(localServer: instance?.mysql, clientAddress: "localhost",
                               lookupHost: { host in self?.mysqlServer(named: host, from: instance) ?? .unknownHost })
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
        if programs.contains("dotnet") { table["dotnet"] = PackageManagers.dotnetPi }
        if programs.contains("perl") { table["perl"] = PackageManagers.perl }
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
                instance.mysql = server
            }
        case .postgres?:
            let started = PostgresServer.start(environment: environment, fileSystem: instance.fileSystem, now: cluster.now)
            instance.logs.append(started.log, at: cluster.now)
            if started.succeeded {
                instance.postgres = PostgresServer(storage: instance.fileSystem, hostname: instance.hostname, now: { [unowned self] in self.cluster.now })
            }
        case .helloApp?:
            instance.logs.append("\(String(Timestamp.rfc3339(cluster.now).prefix(19)).replacingAll("-", with: "/").replacingAll("T", with: " ")) Server listening on port 8080\n", at: cluster.now)
        default:
            break
        }
    }

    // MARK: Reaching other pods

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
        if let service = dns.service(withClusterIP: ip),
            let endpoint = dns.endpointAddresses(namespace: service.namespace ?? namespace, service: service.name).first
        {
            return dns.pod(withIP: endpoint.ip)
        }
        return nil
    }

    func mysqlServer(named host: String, from instance: ContainerInstance?) -> DatabaseHostLookup<MySQLServer> {
        guard let target = pod(named: host, from: instance) else { return .unknownHost }
        for c in target["spec"]["containers"].items {
            if let other = container(pod: target, name: c["name"].string ?? ""), let server = other.mysql { return .server(server) }
        }
        return .noServer
    }

    func postgresServer(named host: String, from instance: ContainerInstance?) -> DatabaseHostLookup<PostgresServer> {
        guard let target = pod(named: host, from: instance) else { return .unknownHost }
        for c in target["spec"]["containers"].items {
            if let other = container(pod: target, name: c["name"].string ?? ""), let server = other.postgres { return .server(server) }
        }
        return .noServer
    }

    /// What the server in the target pod answers.
    func answer(_ request: HTTPRequest) -> HTTPResponse? {
        guard let pod = cluster.store.get(Self.pods, namespace: request.podNamespace, name: request.podName),
            pod["status"]["phase"].string == "Running"
        else { return nil }
        for c in pod["spec"]["containers"].items {
            let profile = catalog.profile(for: c["image"].string ?? "")
            switch profile.service {
            case .nginx? where request.port == 80:
                guard let instance = container(pod: pod, name: c["name"].string ?? "") else { return nil }
                let path = request.path == "/" ? "/index.html" : request.path
                if let body = try? instance.fileSystem.readText("/usr/share/nginx/html" + path) {
                    return HTTPResponse(status: 200, headers: [.init("Server", "nginx/1.27.3"), .init("Content-Type", "text/html")], body: body)
                }
                return HTTPResponse(status: request.path == "/" ? 403 : 404, headers: [.init("Server", "nginx/1.27.3")],
                                    body: "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n")
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
