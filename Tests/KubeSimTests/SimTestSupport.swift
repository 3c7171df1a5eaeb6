import KubeAPI
@testable import KubeSim

/// Small helpers shared by the simulation tests.
enum Sim {
    static func type(_ kind: String) -> ResourceType { ResourceRegistry.forKind(kind)! }

    static func yaml(_ text: String) -> JSONValue { try! YAMLLoader.parse(text)! }

    @discardableResult
    static func create(_ cluster: Cluster, _ text: String) throws -> JSONValue {
        let obj = yaml(text)
        return try cluster.api.create(obj, as: type(obj.kind))
    }

    static func pod(_ cluster: Cluster, _ name: String, namespace: String = "default") -> JSONValue? {
        cluster.store.get(type("Pod"), namespace: namespace, name: name)
    }

    static func events(_ cluster: Cluster, namespace: String = "default", about name: String) -> [String] {
        cluster.store.list(type("Event"), namespace: namespace)
            .filter { $0["involvedObject"]["name"].string == name }
            .sorted { ($0["firstTimestamp"].string ?? "", $0.name) < ($1["firstTimestamp"].string ?? "", $1.name) }
            .map { "\($0["reason"].string ?? "") \($0["message"].string ?? "")" }
    }

    /// The StatefulSet tutorials' headless `nginx` Service, selecting `app: nginx` on the named port `web`.
    static let headlessNginxService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: nginx
          labels:
            app: nginx
        spec:
          clusterIP: None
          selector:
            app: nginx
          ports:
          - port: 80
            name: web
            targetPort: web
        """

    static func condition(_ pod: JSONValue?, _ type: String) -> String? {
        pod?["status"]["conditions"].items.first { $0["type"].string == type }?["status"].string
    }

    /// A one-replica StatefulSet `web` of nginx, with `claims` appended to its spec (a
    /// `volumeClaimTemplates:` block indented as spec fields), as several tests start from.
    static func webStatefulSet(claims: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web}
        spec:
          serviceName: web
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: nginx, image: nginx}]
        """ + claims
    }

    static func nginxPod(_ name: String, labels: String = "app: web", extra: String = "") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
          labels:
            \(labels)
        spec:
        \(extra)
          containers:
          - name: nginx
            image: nginx
            ports:
            - containerPort: 80
              name: web
        """
    }
}
