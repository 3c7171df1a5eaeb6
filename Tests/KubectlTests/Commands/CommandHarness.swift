import KubeAPI
import KubeSim
@testable import Kubectl

/// A fresh sandbox cluster with kubectl and an in-memory working directory, for verb tests.
final class CommandHarness {
    let cluster: Cluster
    let files: MemoryHostFiles
    let kubectl: Kubectl

    /// What one command printed and returned.
    struct Result: Equatable, CustomStringConvertible {
        var out: String
        var err: String
        var code: Int32
        var description: String { "code \(code)\n--- stdout\n\(out)--- stderr\n\(err)" }
    }

    init(files: [String: String] = [:], workerNodes: Int = 2) {
        cluster = Sandbox.make(seed: 7, workerNodes: workerNodes)
        self.files = MemoryHostFiles(files)
        kubectl = Kubectl(cluster: cluster, files: self.files)
    }

    /// Runs one `kubectl` command line; words split on spaces, single quotes group words.
    @discardableResult
    func run(_ line: String, stdin: String? = nil) -> Result {
        run(args: Self.words(line), stdin: stdin)
    }

    @discardableResult
    func run(args: [String], stdin: String? = nil) -> Result {
        var out = "", err = ""
        let code = kubectl.run(args, io: CommandIO(out: { out += $0 }, err: { err += $0 }, stdin: stdin))
        return Result(out: out, err: err, code: code)
    }

    /// Adds a file to the working directory.
    func write(_ path: String, _ text: String) { files.files[path] = Array(text.utf8) }
    func write(_ path: String, bytes: [UInt8]) { files.files[path] = bytes }

    /// Objects of a type in a namespace, by name.
    func names(_ plural: String, namespace: String? = "default") -> [String] {
        guard let r = ResourceRegistry.lookup(plural) else { return [] }
        return cluster.store.list(r, namespace: r.namespaced ? namespace : nil).map(\.name)
    }

    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for c in line {
            if c == "'" { quoted.toggle(); started = true; continue }
            if c == " " && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
                continue
            }
            current.append(c)
            started = true
        }
        if started { words.append(current) }
        if words.first == "kubectl" { words.removeFirst() }
        return words
    }
}

/// Manifests used across the verb tests.
enum Manifests {
    static func configMap(_ name: String, namespace: String? = nil, data: String = "a: b") -> String {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\n"
        if let namespace { text += "  namespace: \(namespace)\n" }
        return text + "data:\n  " + data + "\n"
    }

    static func statefulSet(_ name: String, replicas: Int = 1) -> String {
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: \(name)
        spec:
          serviceName: \(name)
          replicas: \(replicas)
          selector:
            matchLabels:
              app: \(name)
          template:
            metadata:
              labels:
                app: \(name)
            spec:
              containers:
              - name: nginx
                image: nginx:1.27

        """
    }

    static func service(_ name: String, headless: Bool = false) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name)
        spec:
        \(headless ? "  clusterIP: None\n" : "")  selector:
            app: \(name)
          ports:
          - port: 80

        """
    }
}
