import KubeAPI
import KubeSim

/// The environment variables a container process starts with: the image's, the kubelet's
/// (HOSTNAME, KUBERNETES_SERVICE_*), and the pod spec's env and envFrom.
enum ContainerEnvironment {
    static func make(pod: JSONValue, container: JSONValue, profile: ImageProfile, store: ObjectStore) -> [(name: String, value: String)] {
        let namespace = pod.namespace ?? "default"
        var vars: [(name: String, value: String)] = []
        func set(_ name: String, _ value: String) {
            if let i = vars.firstIndex(where: { $0.name == name }) { vars[i].value = value } else { vars.append((name, value)) }
        }
        set("PATH", profile.dialect == .bash ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
                                           : "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        set("HOSTNAME", pod["spec"]["hostname"].string ?? pod.name)
        for source in container["envFrom"].items {
            let prefix = source["prefix"].string ?? ""
            if let name = source["configMapRef"]["name"].string, let cm = Projection.lookup("ConfigMap", name, namespace, store) {
                for (k, v) in (cm["data"].object ?? [:]).sorted(by: { $0.key < $1.key }) { set(prefix + k, v.string ?? "") }
            }
            if let name = source["secretRef"]["name"].string, let secret = Projection.lookup("Secret", name, namespace, store) {
                for (k, v) in (secret["data"].object ?? [:]).sorted(by: { $0.key < $1.key }) {
                    set(prefix + k, String(decoding: Base64.decode(v.string ?? "") ?? [], as: UTF8.self))
                }
            }
        }
        for entry in container["env"].items {
            guard let name = entry["name"].string else { continue }
            if let value = entry["value"].string {
                set(name, expand(value, vars))
            } else if let ref = entry["valueFrom"]["secretKeyRef"].object, let secret = Projection.lookup("Secret", ref["name"]?.string, namespace, store) {
                let raw = secret["data"][ref["key"]?.string ?? ""].string ?? ""
                set(name, String(decoding: Base64.decode(raw) ?? [], as: UTF8.self))
            } else if let ref = entry["valueFrom"]["configMapKeyRef"].object, let cm = Projection.lookup("ConfigMap", ref["name"]?.string, namespace, store) {
                set(name, cm["data"][ref["key"]?.string ?? ""].string ?? "")
            } else if let path = entry["valueFrom"]["fieldRef"]["fieldPath"].string {
                set(name, fieldValue(path, pod))
            } else {
                set(name, "")
            }
        }
        let kubernetesIP = "10.96.0.1"
        for (k, v) in [("KUBERNETES_SERVICE_HOST", kubernetesIP), ("KUBERNETES_SERVICE_PORT", "443"),
                       ("KUBERNETES_SERVICE_PORT_HTTPS", "443"), ("KUBERNETES_PORT", "tcp://\(kubernetesIP):443"),
                       ("KUBERNETES_PORT_443_TCP", "tcp://\(kubernetesIP):443"), ("KUBERNETES_PORT_443_TCP_PROTO", "tcp"),
                       ("KUBERNETES_PORT_443_TCP_PORT", "443"), ("KUBERNETES_PORT_443_TCP_ADDR", kubernetesIP)] {
            set(k, v)
        }
        set("HOME", "/root")
        return vars
    }

    /// `$(VAR)` references to variables defined earlier, as the kubelet expands them.
    static func expand(_ value: String, _ vars: [(name: String, value: String)]) -> String {
        guard value.contains("$(") else { return value }
        var out = value
        for (k, v) in vars { out = out.replacingAll("$(\(k))", with: v) }
        return out
    }

    static func fieldValue(_ path: String, _ pod: JSONValue) -> String {
        switch path {
        case "metadata.name": return pod.name
        case "metadata.namespace": return pod.namespace ?? "default"
        case "metadata.uid": return pod.uid
        case "spec.nodeName": return pod["spec"]["nodeName"].string ?? ""
        case "spec.serviceAccountName": return pod["spec"]["serviceAccountName"].string ?? ""
        case "status.podIP": return pod["status"]["podIP"].string ?? ""
        case "status.hostIP": return pod["status"]["hostIP"].string ?? ""
        default:
            if path.hasPrefix("metadata.labels['"), let key = path.split(separator: "'").dropFirst().first {
                return pod.labels[String(key)] ?? ""
            }
            return ""
        }
    }
}
