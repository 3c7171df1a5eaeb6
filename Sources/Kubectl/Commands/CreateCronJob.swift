import KubeAPI

/// `kubectl create cronjob NAME --image=IMAGE --schedule='*/1 * * * *' [--restart=Never] [--
/// COMMAND...]` (create_cronjob.go): the job template named after the CronJob, one container of
/// that name, restartPolicy OnFailure unless `--restart` says otherwise.
enum CreateCronJob {
    static let flags: [FlagSet.Spec] = [.init("image"), .init("restart"), .init("schedule")]

    static let cronJobs = ResourceRegistry.forKind("CronJob")!

    static func run(_ call: Invocation) throws -> Int32 {
        try GeneratedObject.requireFlags("image", "schedule", call: call)
        let name = try GeneratedObject.name(call, words: 1, command: "cronjob")
        let restart = call.flags.isSet("restart") ? call.flags.string("restart") : ""
        let object = manifest(name: name, image: call.flags.string("image"), schedule: call.flags.string("schedule"),
                              restart: restart.isEmpty ? "OnFailure" : restart, command: call.flags.afterDash ?? [],
                              namespace: call.namespaceExplicit ? call.namespace : nil)
        return try GeneratedObject.finish(object, as: cronJobs, call: call, failurePrefix: "failed to create cronjob: ")
    }

    /// The CronJob, fields in the Go struct's order.
    static func manifest(name: String, image: String, schedule: String, restart: String, command: [String],
                         namespace: String?) -> JSONValue {
        var metadata: JSONObject = ["name": .string(name)]
        if let namespace { metadata.updateValue(.string(namespace), forKey: "namespace") }
        metadata.updateValue(.null, forKey: "creationTimestamp")
        // The job template is named after the CronJob but never namespaced.
        let templateMetadata: JSONObject = ["name": .string(name), "creationTimestamp": .null]
        let podTemplate: JSONValue = [
            "metadata": ["creationTimestamp": .null],
            "spec": ["containers": [GeneratedContainer.make(name: name, image: image, command: command)],
                     "restartPolicy": .string(restart)],
        ]
        let jobTemplate: JSONValue = ["metadata": .object(templateMetadata), "spec": ["template": podTemplate]]
        return ["kind": "CronJob", "apiVersion": "batch/v1", "metadata": .object(metadata),
                "spec": ["schedule": .string(schedule), "jobTemplate": jobTemplate], "status": .emptyObject]
    }
}
