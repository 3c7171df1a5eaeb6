import KubeAPI
import KubeSim

/// `jm921106/liberator:0.1`, the takeover automation of seed 003 (the book's `liberator`: a Python
/// program using the Kubernetes client with its pod's service account). Every 5 seconds it lists the
/// nodes; a node whose Ready condition is not True is counted (`unknown NAME  count=N`, the first
/// sighting counting 0) and deleted through the API once its count passes 3, so its StatefulSet pods
/// can be re-created elsewhere; a Ready node's count is dropped. A refused request is logged as the
/// Python client's ApiException and nothing else happens that round.
final class NodeLiberator {
    static let period: Millis = 5_000
    static let nodes = ResourceRegistry.forKind("Node")!

    /// How many rounds in a row each node was seen not Ready (the program's `uk_node`).
    var unknownCounts: [String: Int] = [:]
    /// The run this state belongs to: a restarted container starts counting afresh.
    let restartCount: Int
    /// The API Priority and Fairness objects that classify service-account requests; fixed per process.
    let flowSchemaUID: String
    let priorityLevelUID: String

    init(restartCount: Int, rng: inout SeededGenerator) {
        self.restartCount = restartCount
        flowSchemaUID = rng.uuid()
        priorityLevelUID = rng.uuid()
    }

    /// One pass of the monitoring loop; what it prints goes to the container's log.
    func round(client: APIClient, cluster: Cluster, log: (String) -> Void) {
        let listed: [JSONValue]
        do {
            listed = try client.list(Self.nodes)
        } catch {
            log("Exception when calling CoreV1Api->list_node: " + exceptionText(error, kind: "nodes", cluster: cluster) + "\n\n")
            return
        }
        for node in listed {
            let name = node.name
            for condition in node["status"]["conditions"].items where condition["type"].string == "Ready" {
                if condition["status"].string != "True" {
                    unknownCounts[name] = unknownCounts[name].map { $0 + 1 } ?? 0
                    let count = unknownCounts[name] ?? 0
                    log("unknown \(name)  count=\(count)\n")
                    if count > 3 {
                        unknownCounts[name] = nil
                        delete(name, client: client, cluster: cluster, log: log)
                    }
                } else {
                    unknownCounts[name] = nil
                }
            }
        }
    }

    func delete(_ name: String, client: APIClient, cluster: Cluster, log: (String) -> Void) {
        do {
            try client.delete(ObjectRef(Self.nodes, namespace: "", name: name))
            log("delete node \(name) done\n")
        } catch {
            log("Exception when calling CoreV1Api->delete_node: " + exceptionText(error, kind: "nodes", cluster: cluster) + "\n\n")
        }
    }

    /// The Python client's `ApiException.__str__`: status and reason, the response headers as urllib3
    /// shows them, and the Status body the API server sent (with its trailing newline).
    func exceptionText(_ error: APIError, kind: String, cluster: Cluster) -> String {
        let code: Int
        switch error.reason {
        case .forbidden: code = 403
        case .notFound: code = 404
        case .conflict: code = 409
        default: code = 500
        }
        let body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
            + JSONText.quote(error.message) + ",\"reason\":\"\(error.reason.rawValue)\",\"details\":{\"kind\":\"\(kind)\"},\"code\":\(code)}\n"
        let date = Timestamp.rfc1123z(cluster.now).replacingOccurrences(of: " +0000", with: " GMT")
        let headers = "HTTPHeaderDict({'Audit-Id': '\(cluster.rng.uuid())', 'Cache-Control': 'no-cache, private', "
            + "'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff', "
            + "'X-Kubernetes-Pf-Flowschema-Uid': '\(flowSchemaUID)', 'X-Kubernetes-Pf-Prioritylevel-Uid': '\(priorityLevelUID)', "
            + "'Date': '\(date)', 'Content-Length': '\(body.utf8.count)'})"
        return "(\(code))\nReason: \(error.reason.rawValue)\nHTTP response headers: \(headers)\nHTTP response body: \(body)\n"
    }
}
