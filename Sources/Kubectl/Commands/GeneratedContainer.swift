import KubeAPI

/// The one container the job and cronjob generators write: name, image, command, empty resources.
enum GeneratedContainer {
    static func make(name: String, image: String, command: [String]) -> JSONValue {
        var container: JSONValue = ["name": .string(name), "image": .string(image)]
        if !command.isEmpty { container["command"] = .array(command.map { .string($0) }) }
        container["resources"] = .emptyObject
        return container
    }
}
