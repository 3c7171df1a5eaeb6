import KubeAPI
import KubeSim
import Testing
@testable import PodShell

/// A container's tree is built when something first reads a file in it, from what the kubelet read
/// when it set the container up: a command that reads no file builds nothing, and a later build
/// shows the objects and the times of the setup, not of the first look.
@Suite struct DeferredContainerFilesTests {
    static func type(_ kind: String) -> ResourceType { ResourceRegistry.forKind(kind)! }

    final class World {
        let cluster = Sandbox.make(seed: 5)
        let runtime: ContainerRuntime

        init() {
            runtime = ContainerRuntime(cluster: cluster, dns: ClusterDNS(cluster: cluster))
            runtime.install()
        }

        func run(_ name: String, _ command: [String], configMap: Bool = false) throws {
            var spec: JSONValue = ["nodeName": "k8s-node1", "restartPolicy": "Never",
                                   "containers": [["name": "main", "image": "busybox:1.28",
                                                   "command": .array(command.map { .string($0) })]]]
            if configMap {
                spec["volumes"] = [["name": "config", "configMap": ["name": "settings"]]]
                spec["containers"] = [["name": "main", "image": "busybox:1.28", "command": .array(command.map { .string($0) }),
                                       "volumeMounts": [["name": "config", "mountPath": "/etc/config"]]]]
            }
            try cluster.api.create(["metadata": ["name": .string(name), "namespace": "default"], "spec": spec], as: type("Pod"))
        }

        func pod(_ name: String) -> JSONValue? { cluster.store.get(type("Pod"), namespace: "default", name: name) }
        func instance(_ name: String) -> ContainerInstance? { pod(name).flatMap { runtime.container(pod: $0, name: "main") } }
    }

    @Test func aCommandThatReadsNoFileBuildsNoTree() throws {
        let world = World()
        try world.run("tick", ["sh", "-c", "date; echo tick"])
        world.cluster.advance(by: 30_000)
        #expect(world.pod("tick")?["status"]["phase"] == "Succeeded")
        let instance = try #require(world.instance("tick"))
        #expect(instance.log.hasSuffix("tick\n"))
        #expect(!instance.files.isBuilt)
    }

    @Test func aCommandThatWritesAFileBuildsTheTree() throws {
        let world = World()
        try world.run("writer", ["sh", "-c", "echo hi > /tmp/x; cat /tmp/x"])
        world.cluster.advance(by: 30_000)
        let instance = try #require(world.instance("writer"))
        #expect(instance.files.isBuilt)
        #expect(instance.log == "hi\n")
    }

    @Test func aLaterFirstLookSeesTheSetup() throws {
        let world = World()
        try world.cluster.api.create(["metadata": ["name": "settings", "namespace": "default"], "data": ["mode": "first"]],
                                     as: Self.type("ConfigMap"))
        try world.run("sleeper", ["sleep", "3600"], configMap: true)
        world.cluster.advance(by: 30_000)
        let startedAt = try #require(world.pod("sleeper")?["status"]["containerStatuses"][0]["state"]["running"]["startedAt"].string
            .flatMap(Timestamp.parse))
        #expect(world.instance("sleeper")?.files.isBuilt == false)
        try world.cluster.store.modify(ObjectRef(Self.type("ConfigMap"), namespace: "default", name: "settings")) { cm in
            cm["data"]["mode"] = "second"
        }
        world.cluster.advance(by: 120_000)
        let fs = try #require(world.instance("sleeper")?.fileSystem)
        #expect(try fs.readText("/etc/config/mode") == "first", "the volume holds what the kubelet read at setup")
        #expect(try fs.stat("/etc/hostname").mtime / 1000 == startedAt / 1000, "written when the container was set up")
        try fs.writeFile("/tmp/now", text: "")
        #expect(try fs.stat("/tmp/now").mtime == world.cluster.now, "later writes follow the cluster clock")
    }
}
