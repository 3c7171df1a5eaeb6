import KubeAPI

/// `kubectl create job NAME --image=IMAGE [-- COMMAND...]` and `kubectl create job NAME
/// --from=cronjob/CJ` (create_job.go): one container named after the job with restartPolicy
/// Never, or the CronJob's job template with the `cronjob.kubernetes.io/instantiate: manual`
/// annotation and the CronJob as controller.
enum CreateJob {
    static let flags: [FlagSet.Spec] = [.init("from"), .init("image")]

    static let jobs = ResourceRegistry.forKind("Job")!

    static func run(_ call: Invocation) throws -> Int32 {
        let name = try GeneratedObject.name(call, words: 1, command: "job")
        let image = call.flags.isSet("image") ? call.flags.string("image") : ""
        let from = call.flags.isSet("from") ? call.flags.string("from") : ""
        guard image.isEmpty != from.isEmpty else { throw KubectlFailure.error("either --image or --from must be specified") }
        let command = call.flags.afterDash ?? []
        let namespace = call.namespaceExplicit ? call.namespace : nil
        if !image.isEmpty {
            return try GeneratedObject.finish(manifest(name: name, image: image, command: command, namespace: namespace), as: jobs,
                                              call: call, failurePrefix: "failed to create job: ")
        }
        if !command.isEmpty { throw KubectlFailure.error("cannot specify --from and command") }
        guard let slash = from.firstIndex(of: "/") else { throw KubectlFailure.error("from must be an existing cronjob") }
        let type = try ResourceArgs.resolve(String(from[..<slash]))
        let source = String(from[from.index(after: slash)...])
        guard let object = call.store.get(type, namespace: call.namespace, name: source) else { throw APIError.notFound(type, source) }
        guard type.kind == "CronJob" else { throw KubectlFailure.error("unknown object type *\(type.version).\(type.kind)") }
        let cronJob = object
        return try GeneratedObject.finish(manifest(name: name, from: cronJob, namespace: namespace), as: jobs, call: call,
                                          failurePrefix: "failed to create job: ")
    }

    /// The job `--image` builds, fields in the Go struct's order.
    static func manifest(name: String, image: String, command: [String], namespace: String?) -> JSONValue {
        var metadata: JSONObject = ["name": .string(name)]
        if let namespace { metadata.updateValue(.string(namespace), forKey: "namespace") }
        metadata.updateValue(.null, forKey: "creationTimestamp")
        let template: JSONValue = [
            "metadata": ["creationTimestamp": .null],
            "spec": ["containers": [GeneratedContainer.make(name: name, image: image, command: command)], "restartPolicy": "Never"],
        ]
        return ["kind": "Job", "apiVersion": "batch/v1", "metadata": .object(metadata), "spec": ["template": template],
                "status": .emptyObject]
    }

    /// The job `--from=cronjob/X` builds from the CronJob's template.
    static func manifest(name: String, from cronJob: JSONValue, namespace: String?) -> JSONValue {
        let template = cronJob.spec["jobTemplate"]
        var annotations: JSONObject = ["cronjob.kubernetes.io/instantiate": "manual"]
        for (k, v) in template["metadata"]["annotations"].stringMap.sorted(by: { $0.key < $1.key }) { annotations.updateValue(.string(v), forKey: k) }
        var metadata: JSONObject = ["name": .string(name)]
        if let namespace { metadata.updateValue(.string(namespace), forKey: "namespace") }
        metadata.updateValue(.null, forKey: "creationTimestamp")
        let labels = template["metadata"]["labels"]
        if !labels.isNull { metadata.updateValue(labels, forKey: "labels") }
        metadata.updateValue(.object(annotations), forKey: "annotations")
        metadata.updateValue([["apiVersion": "batch/v1", "kind": "CronJob", "name": .string(cronJob.name),
                               "uid": .string(cronJob.uid), "controller": true]], forKey: "ownerReferences")
        return ["kind": "Job", "apiVersion": "batch/v1", "metadata": .object(metadata), "spec": template["spec"],
                "status": .emptyObject]
    }
}
