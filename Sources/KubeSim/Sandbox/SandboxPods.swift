import KubeAPI

/// The status of a pod that has been running since shortly after it was created.
enum SandboxPods {
    static func runningStatus(for pod: JSONValue, hostIP: String, podIP: String, created: Millis,
                              rng: inout SeededGenerator) -> JSONValue
    {
        let scheduled = Timestamp.rfc3339(created)
        let sandbox = Timestamp.rfc3339(created + 1_000)
        let started = created + Millis(rng.int(in: 1_500...4_000))
        let ready = Timestamp.rfc3339(started + (pod["spec"]["containers"][0]["readinessProbe"].isNull ? 0 : 1_000))
        func condition(_ type: String, _ since: String) -> JSONValue {
            ["lastProbeTime": nil, "lastTransitionTime": .string(since), "status": "True", "type": .string(type)]
        }
        let statuses = pod["spec"]["containers"].items.map { spec -> JSONValue in
            let image = spec["image"].string ?? ""
            var c = ContainerRuntime(name: spec["name"].string ?? "", image: image, isInit: false, state: .running(startedAt: started))
            c.containerID = SandboxNodes.hex(64, &rng)
            c.resolvedImage = ImageReference.normalized(image)
            c.imageID = ImageReference.repository(image) + "@" + ImageReference.defaultInfo(for: image).digest
            c.ready = true
            c.started = true
            return PodStatusBuilder.containerStatus(c, spec: spec)
        }
        return [
            "conditions": [
                condition("PodReadyToStartContainers", sandbox), condition("Initialized", scheduled), condition("Ready", ready),
                condition("ContainersReady", ready), condition("PodScheduled", scheduled),
            ],
            "containerStatuses": .array(statuses),
            "hostIP": .string(hostIP),
            "hostIPs": [["ip": .string(hostIP)]],
            "phase": "Running",
            "podIP": .string(podIP),
            "podIPs": [["ip": .string(podIP)]],
            "qosClass": .string(PodQOS.podClass(of: pod["spec"])),
            "startTime": .string(scheduled),
        ]
    }
}
