/// Namespace, Node, Service, Endpoints, Secret, ConfigMap, ServiceAccount, Event and RBAC.
enum CoreSchemas {
    typealias M = MetaSchemas
    typealias S = StorageSchemas

    // MARK: Namespace

    static let namespaceCondition = WorkloadSchemas.condition("NamespaceCondition", "namespace")
    static let namespace = M.resource("Namespace", "A Namespace is a scope for names; most objects live in exactly one.", [
        F("spec", .object(ObjectSchema("NamespaceSpec", "Desired state of a namespace.", [
            F("finalizers", .array(.string), "Cleanups that must finish before the namespace is removed."),
        ])), "Desired state."),
        F("status", .object(ObjectSchema("NamespaceStatus", "Observed state of a namespace.", [
            F("conditions", .array(.object(namespaceCondition)), "Current conditions."),
            F("phase", .string, "Active or Terminating.", enum: ["Active", "Terminating"]),
        ])), "Observed state. Read-only."),
    ])

    // MARK: Node

    static let taint = ObjectSchema("Taint", "Repels pods that do not tolerate it.", [
        F("effect", .string, "What happens to pods that do not tolerate the taint.", required: true,
          enum: ["NoExecute", "NoSchedule", "PreferNoSchedule"]),
        F("key", .string, "Taint key.", required: true),
        F("timeAdded", .time, "When a NoExecute taint was added."),
        F("value", .string, "Taint value."),
    ])
    static let nodeSpec = ObjectSchema("NodeSpec", "Desired state of a node.", [
        F("configSource", .freeForm, "Deprecated."), F("externalID", .string, "Deprecated."),
        F("podCIDR", .string, "Pod address range of the node."), F("podCIDRs", .array(.string), "All pod address ranges."),
        F("providerID", .string, "Cloud provider ID."),
        F("taints", .array(.object(taint)), "Taints on the node."),
        F("unschedulable", .boolean, "When true (kubectl cordon) no new pods are placed here."),
    ])
    static let nodeAddress = ObjectSchema("NodeAddress", "One address of the node.", [
        F("address", .string, "The address.", required: true), F("type", .string, "InternalIP, ExternalIP or Hostname.", required: true),
    ])
    static let nodeCondition = ObjectSchema("NodeCondition", "One aspect of a node's health.", [
        F("lastHeartbeatTime", .time, "Last report."), F("lastTransitionTime", .time, "Last change."),
        F("message", .string, "Detail."), F("reason", .string, "Short cause."),
        F("status", .string, "True, False or Unknown.", required: true),
        F("type", .string, "Ready, MemoryPressure, DiskPressure, PIDPressure or NetworkUnavailable.", required: true),
    ])
    static let nodeSystemInfo = ObjectSchema("NodeSystemInfo", "Software versions on the node.", [
        F("architecture", .string, "CPU architecture.", required: true), F("bootID", .string, "Boot ID.", required: true),
        F("containerRuntimeVersion", .string, "Runtime and version.", required: true),
        F("kernelVersion", .string, "Kernel version.", required: true), F("kubeProxyVersion", .string, "Deprecated.", required: true),
        F("kubeletVersion", .string, "Kubelet version.", required: true), F("machineID", .string, "Machine ID.", required: true),
        F("operatingSystem", .string, "Operating system.", required: true), F("osImage", .string, "OS image.", required: true),
        F("systemUUID", .string, "System UUID.", required: true),
    ])
    static let nodeStatus = ObjectSchema("NodeStatus", "Observed state of a node.", [
        F("addresses", .array(.object(nodeAddress)), "Addresses of the node."),
        F("allocatable", .map(.quantity), "Resources available to pods."),
        F("capacity", .map(.quantity), "Total resources."),
        F("conditions", .array(.object(nodeCondition)), "Health conditions."),
        F("config", .freeForm, "Kubelet config status."),
        F("daemonEndpoints", .freeForm, "Kubelet endpoint."),
        F("features", .freeForm, "Supported features."),
        F("images", .freeForm, "Images on the node."),
        F("nodeInfo", .object(nodeSystemInfo), "Software versions."),
        F("phase", .string, "Deprecated."),
        F("runtimeHandlers", .freeForm, "Runtime handlers."),
        F("volumesAttached", .freeForm, "Attached volumes."),
        F("volumesInUse", .array(.string), "Volumes in use."),
    ])
    static let node = M.resource("Node", "A Node is a machine that runs pods; each has a kubelet that reports its status.", [
        F("spec", .object(nodeSpec), "Desired state."),
        F("status", .object(nodeStatus), "Observed state. Read-only."),
    ])

    // MARK: Service and Endpoints

    static let servicePort = ObjectSchema("ServicePort", "One port a Service exposes.", [
        F("appProtocol", .string, "Application protocol hint, such as http."),
        F("name", .string, "Port name; required when there is more than one port."),
        F("nodePort", .int32, "Port on every node for NodePort and LoadBalancer Services; allocated when omitted."),
        F("port", .int32, "Port the Service listens on.", required: true),
        F("protocol", .string, "TCP, UDP or SCTP; defaults to TCP.", enum: ["SCTP", "TCP", "UDP"],
          docs: ["is the SCTP protocol.", "is the TCP protocol.", "is the UDP protocol."]),
        F("targetPort", .intOrString, "Port number or named container port on the pods; defaults to port."),
    ])
    static let sessionAffinityConfig = ObjectSchema("SessionAffinityConfig", "Settings for client affinity.", [
        F("clientIP", .object(ObjectSchema("ClientIPConfig", "ClientIP affinity settings.", [
            F("timeoutSeconds", .int32, "How long a client sticks to one pod; defaults to 10800."),
        ])), "ClientIP affinity settings."),
    ])
    static let serviceSpec = ObjectSchema("ServiceSpec", "Desired state of a Service.", [
        F("allocateLoadBalancerNodePorts", .boolean, "Whether LoadBalancer Services get node ports."),
        F("clusterIP", .string, "Virtual IP of the Service; allocated when empty. None makes the Service headless: DNS then returns the pod addresses. Cannot be changed."),
        F("clusterIPs", .array(.string), "All cluster IPs, one per IP family."),
        F("externalIPs", .array(.string), "Extra addresses that route to the Service."),
        F("externalName", .string, "DNS name an ExternalName Service points to."),
        F("externalTrafficPolicy", .string, "How external traffic is routed.", enum: ["Cluster", "Local"]),
        F("healthCheckNodePort", .int32, "Health check port for Local traffic policy."),
        F("internalTrafficPolicy", .string, "Whether cluster traffic goes only to node-local endpoints. Defaults to Cluster.", enum: ["Cluster", "Local"],
          docs: ["routes to all ready endpoints.", "routes only to endpoints on the same node."]),
        F("ipFamilies", .array(.string), "IP families of the Service, such as IPv4."),
        F("ipFamilyPolicy", .string, "Single or dual stack.", enum: ["PreferDualStack", "RequireDualStack", "SingleStack"]),
        F("loadBalancerClass", .string, "Load balancer implementation."),
        F("loadBalancerIP", .string, "Deprecated requested address."),
        F("loadBalancerSourceRanges", .array(.string), "Client ranges allowed through the load balancer."),
        F("ports", .array(.object(servicePort)), "Ports the Service exposes."),
        F("publishNotReadyAddresses", .boolean, "Publish DNS records for pods that are not ready; useful for StatefulSet peer discovery."),
        F("selector", .map(.string), "Pods with these labels receive the traffic."),
        F("sessionAffinity", .string, "ClientIP or None; defaults to None.", enum: ["ClientIP", "None"],
          docs: ["keeps each client on the same pod.", "spreads requests without affinity."]),
        F("sessionAffinityConfig", .object(sessionAffinityConfig), "Affinity settings."),
        F("trafficDistribution", .string, "Preference for how traffic is spread."),
        F("type", .string, "How the Service is exposed. Defaults to ClusterIP.", enum: ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"],
          docs: ["gives the Service a virtual IP inside the cluster.", "makes the Service a DNS alias for externalName.",
                 "also asks for an external load balancer.", "also opens a port on every node."]),
    ])
    static let loadBalancerStatus = ObjectSchema("LoadBalancerStatus", "Addresses of an external load balancer.", [
        F("ingress", .freeForm, "Load balancer addresses."),
    ])
    static let serviceStatus = ObjectSchema("ServiceStatus", "Observed state of a Service.", [
        F("conditions", .array(.object(WorkloadSchemas.condition("Condition", "Service"))), "Current conditions."),
        F("loadBalancer", .object(loadBalancerStatus), "Load balancer addresses."),
    ])
    static let service = M.resource("Service", "A Service gives a set of pods one stable name and address and spreads traffic over them.", [
        F("spec", .object(serviceSpec), "Desired behaviour."),
        F("status", .object(serviceStatus), "Observed state. Read-only."),
    ])

    static let endpointAddress = ObjectSchema("EndpointAddress", "One backend address.", [
        F("hostname", .string, "Host name of the backend."), F("ip", .string, "Address of the backend.", required: true),
        F("nodeName", .string, "Node of the backend."), F("targetRef", .object(S.objectReference), "The pod behind the address."),
    ])
    static let endpointPort = ObjectSchema("EndpointPort", "One backend port.", [
        F("appProtocol", .string, "Application protocol."), F("name", .string, "Port name."),
        F("port", .int32, "Port number.", required: true), F("protocol", .string, "Protocol.", enum: ["SCTP", "TCP", "UDP"]),
    ])
    static let endpointSubset = ObjectSchema("EndpointSubset", "Addresses that share the same ports.", [
        F("addresses", .array(.object(endpointAddress)), "Ready addresses."),
        F("notReadyAddresses", .array(.object(endpointAddress)), "Addresses not ready yet."),
        F("ports", .array(.object(endpointPort)), "Ports on every address."),
    ])
    static let endpoints = M.resource("Endpoints", "Endpoints lists the pod addresses currently behind a Service.", [
        F("subsets", .array(.object(endpointSubset)), "Groups of addresses and ports."),
    ])

    // MARK: Config and identity

    static let secret = M.resource("Secret", "A Secret holds a small amount of sensitive data such as a password or token.", [
        F("data", .map(.string), "Values encoded as base64."),
        F("immutable", .boolean, "When true, data cannot change after creation."),
        F("stringData", .map(.string), "Plain-text values merged into data on write; never returned on read."),
        F("type", .string, "How the data is meant to be used; defaults to Opaque."),
    ])
    static let configMap = M.resource("ConfigMap", "A ConfigMap holds non-secret configuration as key/value pairs.", [
        F("binaryData", .map(.string), "Binary values encoded as base64."),
        F("data", .map(.string), "Text values."),
        F("immutable", .boolean, "When true, data cannot change after creation."),
    ])
    static let serviceAccount = M.resource("ServiceAccount", "A ServiceAccount is an identity for processes running in pods.", [
        F("automountServiceAccountToken", .boolean, "Whether pods using this account get a token by default."),
        F("imagePullSecrets", .array(.object(PodSchemas.localObjectReference)), "Registry credentials added to pods using the account."),
        F("secrets", .array(.object(S.objectReference)), "Legacy token secrets."),
    ])
    static let eventSource = ObjectSchema("EventSource", "Who reported an event.", [
        F("component", .string, "Reporting component."), F("host", .string, "Node it ran on."),
    ])
    static let event = ObjectSchema("Event", "An Event records something that happened to an object, for people to read.", [
        F("action", .string, "What was done."), M.apiVersionField,
        F("count", .int32, "How many times it happened."),
        F("eventTime", .time, "When it first happened, in microseconds."),
        F("firstTimestamp", .time, "First occurrence."),
        F("involvedObject", .object(S.objectReference), "The object the event is about.", required: true),
        M.kindField, F("lastTimestamp", .time, "Latest occurrence."),
        F("message", .string, "Human-readable description."),
        M.metadataField.withRequired(),
        F("reason", .string, "Short machine-readable cause."),
        F("related", .object(S.objectReference), "A second object involved."),
        F("reportingComponent", .string, "Controller that emitted it."), F("reportingInstance", .string, "Controller instance."),
        F("series", .freeForm, "Repetition data."), F("source", .object(eventSource), "Who reported it."),
        F("type", .string, "Normal or Warning."),
    ])

    // MARK: RBAC

    static let policyRule = ObjectSchema("PolicyRule", "Actions allowed on some resources.", [
        F("apiGroups", .array(.string), "API groups; \"\" is the core group and * all groups."),
        F("nonResourceURLs", .array(.string), "URL paths such as /healthz, for cluster roles only."),
        F("resourceNames", .array(.string), "Restrict the rule to these object names."),
        F("resources", .array(.string), "Resources such as pods or statefulsets/scale; * for all."),
        F("verbs", .array(.string), "Verbs such as get, list, watch, create; * for all.", required: true),
    ])
    static let aggregationRule = ObjectSchema("AggregationRule", "Builds a ClusterRole from others.", [
        F("clusterRoleSelectors", .array(.object(M.labelSelector)), "Cluster roles whose rules are merged in."),
    ])
    static let roleRef = ObjectSchema("RoleRef", "The role a binding grants.", [
        F("apiGroup", .string, "Group of the role: rbac.authorization.k8s.io.", required: true),
        F("kind", .string, "Role or ClusterRole.", required: true),
        F("name", .string, "Name of the role.", required: true),
    ])
    static let subject = ObjectSchema("Subject", "Who a binding applies to.", [
        F("apiGroup", .string, "Empty for ServiceAccount, rbac.authorization.k8s.io for User and Group."),
        F("kind", .string, "User, Group or ServiceAccount.", required: true),
        F("name", .string, "Name of the subject.", required: true),
        F("namespace", .string, "Namespace of a ServiceAccount subject."),
    ])
    static let role = M.resource("Role", "A Role grants permissions inside one namespace.", [
        F("rules", .array(.object(policyRule)), "The permissions."),
    ])
    static let clusterRole = M.resource("ClusterRole", "A ClusterRole grants permissions across the cluster or, through a RoleBinding, in one namespace.", [
        F("aggregationRule", .object(aggregationRule), "Build the rules from other cluster roles."),
        F("rules", .array(.object(policyRule)), "The permissions."),
    ])
    static let roleBinding = M.resource("RoleBinding", "A RoleBinding grants a role's permissions to subjects within one namespace.", [
        F("roleRef", .object(roleRef), "The role granted; cannot be changed.", required: true),
        F("subjects", .array(.object(subject)), "Who receives the permissions."),
    ])
    static let clusterRoleBinding = M.resource("ClusterRoleBinding", "A ClusterRoleBinding grants a cluster role's permissions everywhere.", [
        F("roleRef", .object(roleRef), "The cluster role granted; cannot be changed.", required: true),
        F("subjects", .array(.object(subject)), "Who receives the permissions."),
    ])
}

extension FieldSchema {
    /// The same field marked required (used where a kind requires a normally optional field).
    func withRequired() -> FieldSchema {
        FieldSchema(name, type, description, required: true, enumValues: enumValues, enumDocs: enumDocs)
    }
}
