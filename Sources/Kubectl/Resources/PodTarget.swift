import KubeAPI
import PodShell

/// The pod (and container) an `exec`, `logs` or `attach` talks to: `POD`, `pod/POD`, or a
/// workload (`deploy/x`, `sts/x`, `rs/x`, `job/x`, `svc/x`) whose first active pod is used.
struct PodTarget {
    var pod: JSONValue
    var container: JSONValue

    static let pods = ResourceRegistry.forKind("Pod")!

    /// Who refuses a container name the pod lacks: the API server (`exec`, `attach`: a BadRequest), or
    /// kubectl itself before asking (`logs` looks the container up in the pod it fetched).
    enum UnknownContainerCheck { case server, client }

    /// Which pod of a workload is wanted: the attachable one (`exec`, `attach`), or the one
    /// `kubectl logs` picks, which also says how many there were.
    enum WorkloadPodChoice { case attach, logs }

    static func resolve(_ reference: String, containerName: String?, call: Invocation, announceDefault: Bool = true,
                        unknownContainer: UnknownContainerCheck = .server, choice: WorkloadPodChoice = .attach) throws -> PodTarget {
        let ns = call.namespace
        var pod: JSONValue
        if let slash = reference.firstIndex(of: "/") {
            let typeName = String(reference[..<slash]), name = String(reference[reference.index(after: slash)...])
            let r = try ResourceArgs.resolve(typeName)
            try call.authorize("get", r, namespace: ns, name: name)
            guard let object = call.store.get(r, namespace: ns, name: name) else { throw APIError.notFound(r, name) }
            if r.kind == "Pod" {
                pod = object
            } else if choice == .logs {
                pod = try PodLoggingOrder.pod(of: object, type: r, call: call)
            } else {
                pod = try firstPod(of: object, type: r, call: call)
            }
        } else {
            try call.authorize("get", pods, namespace: ns, name: reference)
            guard let object = call.store.get(pods, namespace: ns, name: reference) else { throw APIError.notFound(pods, reference) }
            pod = object
        }
        let containers = pod["spec"]["containers"].items
        let initContainers = pod["spec"]["initContainers"].items
        let chosen: JSONValue
        if let containerName {
            guard let c = (containers + initContainers).first(where: { $0["name"].string == containerName }) else {
                let message = "container \(containerName) is not valid for pod \(pod.name)"
                switch unknownContainer {
                case .server: throw APIError(.badRequest, message)
                case .client: throw KubectlFailure.error(message)
                }
            }
            chosen = c
        } else {
            guard let first = pod["metadata"]["annotations"]["kubectl.kubernetes.io/default-container"].string
                .flatMap({ name in containers.first { $0["name"].string == name } }) ?? containers.first
            else { throw KubectlFailure.error("pod \(pod.name) does not have a container") }
            chosen = first
            if announceDefault && containers.count + initContainers.count > 1 {
                let names = containers.compactMap { $0["name"].string } + initContainers.compactMap { ($0["name"].string).map { "\($0) (init)" } }
                call.err("Defaulted container \"\(first["name"].string ?? "")\" out of: \(names.joined(separator: ", "))\n")
            }
        }
        return PodTarget(pod: pod, container: chosen)
    }

    /// kubectl's attachable pod for a workload: its selector's pods, running and ready first.
    static func firstPod(of object: JSONValue, type r: ResourceType, call: Invocation) throws -> JSONValue {
        let selectorObject = r.kind == "Service" ? ["matchLabels": object["spec"]["selector"]] : object["spec"]["selector"]
        let selector = LabelSelector(object: selectorObject)
        try call.authorize("list", pods, namespace: object.namespace)
        let candidates = call.store.list(pods, namespace: object.namespace).filter { selector.matches($0.labels) && !$0.isDeleting }
        let ranked = candidates.sorted { a, b in
            let ra = a["status"]["phase"].string == "Running", rb = b["status"]["phase"].string == "Running"
            if ra != rb { return ra }
            return a.name < b.name
        }
        guard let pod = ranked.first else {
            throw KubectlFailure.error("cannot attach to \(r.qualifiedKind)/\(object.name): selector has no pods") 
        }
        return pod
    }

    var containerName: String { container["name"].string ?? "" }

    /// The container's state in the pod status, if it has one.
    var containerStatus: JSONValue? {
        (pod["status"]["containerStatuses"].items + pod["status"]["initContainerStatuses"].items)
            .first { $0["name"].string == containerName }
    }

    var isRunning: Bool { !(containerStatus?["state"]["running"].isNull ?? true) }
}
