/// Pod, PodSpec, containers, probes, volumes, affinity: the shapes every workload template embeds.
enum PodSchemas {
    typealias M = MetaSchemas

    // MARK: Environment

    static let objectFieldSelector = ObjectSchema("ObjectFieldSelector", "Chooses a field of the pod itself.", [
        F("apiVersion", .string, "Version the fieldPath is written against; defaults to v1."),
        F("fieldPath", .string, "Path of the field to read, such as metadata.name or status.podIP.", required: true),
    ])
    static let resourceFieldSelector = ObjectSchema("ResourceFieldSelector", "Chooses a container's resource request or limit.", [
        F("containerName", .string, "Container whose resources are read; optional for env vars of the same container."),
        F("divisor", .quantity, "Unit the value is divided by before it is exposed; defaults to 1."),
        F("resource", .string, "The resource to read, such as limits.cpu or requests.memory.", required: true),
    ])
    static let configMapKeySelector = ObjectSchema("ConfigMapKeySelector", "Chooses one key of a ConfigMap.", [
        F("key", .string, "The key whose value is used.", required: true),
        F("name", .string, "Name of the ConfigMap in the pod's namespace."),
        F("optional", .boolean, "When true, a missing ConfigMap or key is not an error."),
    ])
    static let secretKeySelector = ObjectSchema("SecretKeySelector", "Chooses one key of a Secret.", [
        F("key", .string, "The key whose value is used.", required: true),
        F("name", .string, "Name of the Secret in the pod's namespace."),
        F("optional", .boolean, "When true, a missing Secret or key is not an error."),
    ])
    static let envVarSource = ObjectSchema("EnvVarSource", "Where a variable's value comes from when it is not written inline.", [
        F("configMapKeyRef", .object(configMapKeySelector), "Take the value from a ConfigMap key."),
        F("fieldRef", .object(objectFieldSelector), "Take the value from a pod field such as metadata.name."),
        F("resourceFieldRef", .object(resourceFieldSelector), "Take the value from a container's resource request or limit."),
        F("secretKeyRef", .object(secretKeySelector), "Take the value from a Secret key."),
    ])
    static let envVar = ObjectSchema("EnvVar", "One environment variable set in a container.", [
        F("name", .string, "Variable name.", required: true),
        F("value", .string, "Literal value. $(OTHER) references to earlier variables are expanded; $$ escapes a dollar."),
        F("valueFrom", .object(envVarSource), "Read the value from somewhere else; cannot be combined with value."),
    ])
    static let configMapEnvSource = ObjectSchema("ConfigMapEnvSource", "Imports every key of a ConfigMap as variables.", [
        F("name", .string, "Name of the ConfigMap."),
        F("optional", .boolean, "When true, a missing ConfigMap is not an error."),
    ])
    static let secretEnvSource = ObjectSchema("SecretEnvSource", "Imports every key of a Secret as variables.", [
        F("name", .string, "Name of the Secret."),
        F("optional", .boolean, "When true, a missing Secret is not an error."),
    ])
    static let envFromSource = ObjectSchema("EnvFromSource", "A bulk source of environment variables.", [
        F("configMapRef", .object(configMapEnvSource), "The ConfigMap to import."),
        F("prefix", .string, "Text put in front of every imported key."),
        F("secretRef", .object(secretEnvSource), "The Secret to import."),
    ])

    // MARK: Ports, mounts, resources

    static let containerPort = ObjectSchema("ContainerPort", "A network port a container listens on.", [
        F("containerPort", .int32, "Port number on the pod's IP address, 1 to 65535.", required: true),
        F("hostIP", .string, "Host address to bind the host port to."),
        F("hostPort", .int32, "Port to expose on the node as well; rarely needed."),
        F("name", .string, "A name Services can use to refer to this port; an IANA service name, unique in the pod."),
        F("protocol", .string, "Transport protocol; defaults to TCP.", enum: ["SCTP", "TCP", "UDP"],
          docs: ["is the SCTP protocol.", "is the TCP protocol.", "is the UDP protocol."]),
    ])
    static let volumeMount = ObjectSchema("VolumeMount", "Places a pod volume into a container's filesystem.", [
        F("mountPath", .string, "Directory inside the container where the volume appears; must not contain ':'.", required: true),
        F("mountPropagation", .string, "Whether mounts made on either side are seen by the other; defaults to None.",
          enum: ["Bidirectional", "HostToContainer", "None"]),
        F("name", .string, "Name of a volume declared in the pod's volumes list.", required: true),
        F("readOnly", .boolean, "Mount the volume read-only when true; defaults to false."),
        F("recursiveReadOnly", .string, "Whether read-only also applies to mounts below this one.", enum: ["Disabled", "Enabled", "IfPossible"]),
        F("subPath", .string, "Mount only this path inside the volume instead of its root."),
        F("subPathExpr", .string, "Like subPath, but $(VAR) references to the container's environment are expanded."),
    ])
    static let volumeDevice = ObjectSchema("VolumeDevice", "Exposes a raw block volume as a device file.", [
        F("devicePath", .string, "Path of the device inside the container.", required: true),
        F("name", .string, "Name of a persistentVolumeClaim volume in the pod.", required: true),
    ])
    static let resourceClaim = ObjectSchema("ResourceClaim", "Refers to one dynamic resource claim of the pod.", [
        F("name", .string, "Name of an entry in the pod's resourceClaims.", required: true),
        F("request", .string, "Which request inside the claim to use."),
    ])
    static let resourceRequirements = ObjectSchema("ResourceRequirements", "Compute resources a container asks for and may not exceed.", [
        F("claims", .array(.object(resourceClaim)), "Dynamic resources (DRA claims) the container uses."),
        F("limits", .map(.quantity), "Most of each resource the container may use, such as cpu: 500m or memory: 256Mi."),
        F("requests", .map(.quantity), "Amount of each resource the scheduler reserves; defaults to the limit when only a limit is set."),
    ])
    static let containerResizePolicy = ObjectSchema("ContainerResizePolicy", "What happens when a resource is resized in place.", [
        F("resourceName", .string, "cpu or memory.", required: true),
        F("restartPolicy", .string, "NotRequired or RestartContainer.", required: true),
    ])

    // MARK: Probes and lifecycle

    static let execAction = ObjectSchema("ExecAction", "Runs a command inside the container.", [
        F("command", .array(.string), "Command and arguments, run without a shell; exit status 0 means success."),
    ])
    static let httpHeader = ObjectSchema("HTTPHeader", "One request header.", [
        F("name", .string, "Header name.", required: true),
        F("value", .string, "Header value.", required: true),
    ])
    static let httpGetAction = ObjectSchema("HTTPGetAction", "Sends an HTTP GET; a status from 200 to 399 means success.", [
        F("host", .string, "Host to connect to; defaults to the pod IP."),
        F("httpHeaders", .array(.object(httpHeader)), "Extra headers to send."),
        F("path", .string, "Request path."),
        F("port", .intOrString, "Port number or named container port to call.", required: true),
        F("scheme", .string, "HTTP or HTTPS; defaults to HTTP.", enum: ["HTTP", "HTTPS"],
          docs: ["means that the scheme used will be http://", "means that the scheme used will be https://"]),
    ])
    static let tcpSocketAction = ObjectSchema("TCPSocketAction", "Opens a TCP connection; connecting means success.", [
        F("host", .string, "Host to connect to; defaults to the pod IP."),
        F("port", .intOrString, "Port number or named container port.", required: true),
    ])
    static let grpcAction = ObjectSchema("GRPCAction", "Calls the standard gRPC health service.", [
        F("port", .int32, "Port number of the gRPC service.", required: true),
        F("service", .string, "Service name sent in the health request; empty asks about the server as a whole."),
    ])
    static let probe = ObjectSchema("Probe", "A periodic check the kubelet runs against a container.", [
        F("exec", .object(execAction), "Check by running a command in the container."),
        F("failureThreshold", .int32, "Consecutive failures before the probe counts as failed; defaults to 3."),
        F("grpc", .object(grpcAction), "Check by calling a gRPC health endpoint."),
        F("httpGet", .object(httpGetAction), "Check with an HTTP GET request."),
        F("initialDelaySeconds", .int32, "Seconds after the container starts before the first check."),
        F("periodSeconds", .int32, "Seconds between checks; defaults to 10."),
        F("successThreshold", .int32, "Consecutive successes needed after a failure; defaults to 1 and must be 1 for liveness and startup."),
        F("tcpSocket", .object(tcpSocketAction), "Check by opening a TCP connection."),
        F("terminationGracePeriodSeconds", .int64, "Overrides the pod's grace period when this probe causes a kill."),
        F("timeoutSeconds", .int32, "Seconds before a single check times out; defaults to 1."),
    ])
    static let sleepAction = ObjectSchema("SleepAction", "Waits for a while.", [
        F("seconds", .int64, "How long to sleep.", required: true),
    ])
    static let lifecycleHandler = ObjectSchema("LifecycleHandler", "An action run at a container lifecycle point.", [
        F("exec", .object(execAction), "Run a command in the container."),
        F("httpGet", .object(httpGetAction), "Send an HTTP GET."),
        F("sleep", .object(sleepAction), "Pause for a number of seconds."),
        F("tcpSocket", .object(tcpSocketAction), "Deprecated; accepted but not run."),
    ])
    static let lifecycle = ObjectSchema("Lifecycle", "Hooks run right after a container starts and right before it is stopped.", [
        F("postStart", .object(lifecycleHandler), "Runs after the container is created; failure restarts the container."),
        F("preStop", .object(lifecycleHandler), "Runs before the container is sent its stop signal; counts against the grace period."),
    ])

    // MARK: Security

    static let capabilities = ObjectSchema("Capabilities", "Linux capabilities to add to or drop from a container.", [
        F("add", .array(.string), "Capabilities to add, such as NET_ADMIN."),
        F("drop", .array(.string), "Capabilities to remove, such as ALL."),
    ])
    static let seLinuxOptions = ObjectSchema("SELinuxOptions", "SELinux labels for a container.", [
        F("level", .string, "SELinux level."), F("role", .string, "SELinux role."),
        F("type", .string, "SELinux type."), F("user", .string, "SELinux user."),
    ])
    static let seccompProfile = ObjectSchema("SeccompProfile", "Which seccomp filter a container runs under.", [
        F("localhostProfile", .string, "Profile file on the node, for type Localhost."),
        F("type", .string, "Which kind of profile to use.", required: true, enum: ["Localhost", "RuntimeDefault", "Unconfined"],
          docs: ["uses a profile file stored on the node.", "uses the container runtime's default profile.", "applies no filter."]),
    ])
    static let appArmorProfile = ObjectSchema("AppArmorProfile", "Which AppArmor profile a container runs under.", [
        F("localhostProfile", .string, "Profile loaded on the node, for type Localhost."),
        F("type", .string, "Which kind of profile to use.", required: true, enum: ["Localhost", "RuntimeDefault", "Unconfined"]),
    ])
    static let windowsOptions = ObjectSchema("WindowsSecurityContextOptions", "Settings that apply only to Windows containers.", [
        F("gmsaCredentialSpec", .string, "Inline GMSA credential spec."),
        F("gmsaCredentialSpecName", .string, "Name of the GMSA credential spec to use."),
        F("hostProcess", .boolean, "Run as a host process container."),
        F("runAsUserName", .string, "User name the entrypoint runs as."),
    ])
    static let securityContext = ObjectSchema("SecurityContext", "Privilege and access settings for one container; they override the pod-level ones.", [
        F("allowPrivilegeEscalation", .boolean, "Whether a process may gain more privileges than its parent."),
        F("appArmorProfile", .object(appArmorProfile), "AppArmor profile for this container."),
        F("capabilities", .object(capabilities), "Capabilities to add or drop."),
        F("privileged", .boolean, "Run with nearly all host privileges; defaults to false."),
        F("procMount", .string, "How /proc is masked.", enum: ["Default", "Unmasked"]),
        F("readOnlyRootFilesystem", .boolean, "Mount the container's root filesystem read-only."),
        F("runAsGroup", .int64, "Primary group ID for the container process."),
        F("runAsNonRoot", .boolean, "Refuse to start the container if it would run as user 0."),
        F("runAsUser", .int64, "User ID for the container process."),
        F("seLinuxOptions", .object(seLinuxOptions), "SELinux labels for the container."),
        F("seccompProfile", .object(seccompProfile), "Seccomp filter for the container."),
        F("windowsOptions", .object(windowsOptions), "Windows-only settings."),
    ])
    static let sysctl = ObjectSchema("Sysctl", "One kernel parameter set for the pod.", [
        F("name", .string, "Parameter name.", required: true), F("value", .string, "Parameter value.", required: true),
    ])
    static let podSecurityContext = ObjectSchema("PodSecurityContext", "Privilege and access settings shared by all containers of the pod.", [
        F("appArmorProfile", .object(appArmorProfile), "AppArmor profile for all containers."),
        F("fsGroup", .int64, "Group that owns mounted volumes and is added to every container's groups."),
        F("fsGroupChangePolicy", .string, "When to change volume ownership to fsGroup.", enum: ["Always", "OnRootMismatch"]),
        F("runAsGroup", .int64, "Default primary group ID for the containers."),
        F("runAsNonRoot", .boolean, "Refuse to start containers that would run as user 0."),
        F("runAsUser", .int64, "Default user ID for the containers."),
        F("seLinuxChangePolicy", .string, "How SELinux labels are applied to volumes."),
        F("seLinuxOptions", .object(seLinuxOptions), "Default SELinux labels."),
        F("seccompProfile", .object(seccompProfile), "Default seccomp filter."),
        F("supplementalGroups", .array(.int64), "Extra group IDs for the first process of each container."),
        F("supplementalGroupsPolicy", .string, "How supplementalGroups combine with groups from the image.", enum: ["Merge", "Strict"]),
        F("sysctls", .array(.object(sysctl)), "Namespaced kernel parameters for the pod."),
        F("windowsOptions", .object(windowsOptions), "Windows-only settings."),
    ])

    // MARK: Containers

    static let pullPolicyDocs = [
        "pulls the image every time the container starts and fails if the pull fails.",
        "uses a local copy when there is one and pulls otherwise.",
        "never pulls; the image must already be on the node.",
    ]
    static let containerFields: [FieldSchema] = [
        F("args", .array(.string), "Arguments passed to the entrypoint, replacing the image's CMD. $(VAR) references are expanded."),
        F("command", .array(.string), "Entrypoint to run instead of the image's ENTRYPOINT; not run in a shell."),
        F("env", .array(.object(envVar)), "Environment variables set in the container."),
        F("envFrom", .array(.object(envFromSource)), "Sources that import many variables at once; explicit env entries win on conflicts."),
        F("image", .string, "Container image to run, such as nginx:1.25 or mysql:5.7."),
        F("imagePullPolicy", .string, "When the kubelet pulls the image. Defaults to Always for :latest or untagged images, IfNotPresent otherwise.",
          enum: ["Always", "IfNotPresent", "Never"], docs: pullPolicyDocs),
        F("lifecycle", .object(lifecycle), "Hooks to run after start and before stop."),
        F("livenessProbe", .object(probe), "Check that restarts the container when it fails."),
        F("name", .string, "Name of the container, a DNS label unique within the pod.", required: true),
        F("ports", .array(.object(containerPort)), "Ports the container listens on; informational, but named ports can be referenced."),
        F("readinessProbe", .object(probe), "Check that removes the pod from Service endpoints while it fails."),
        F("resizePolicy", .array(.object(containerResizePolicy)), "How in-place resource resizing is applied."),
        F("resources", .object(resourceRequirements), "CPU and memory requests and limits."),
        F("restartPolicy", .string, "Only for init containers: Always turns it into a sidecar that keeps running."),
        F("securityContext", .object(securityContext), "Security settings for this container."),
        F("startupProbe", .object(probe), "Check that must succeed before the other probes start."),
        F("stdin", .boolean, "Keep a stdin buffer open for the container; needed for kubectl attach and exec -i."),
        F("stdinOnce", .boolean, "Close stdin after the first client disconnects."),
        F("terminationMessagePath", .string, "File the container may write a final message to; defaults to /dev/termination-log."),
        F("terminationMessagePolicy", .string, "Where the termination message comes from. Defaults to File.",
          enum: ["FallbackToLogsOnError", "File"],
          docs: ["uses the tail of the log when the file is empty and the container failed.", "reads only the termination message file."]),
        F("tty", .boolean, "Give the container a terminal; usually set together with stdin."),
        F("volumeDevices", .array(.object(volumeDevice)), "Raw block devices to expose."),
        F("volumeMounts", .array(.object(volumeMount)), "Volumes to mount into the container's filesystem."),
        F("workingDir", .string, "Directory the process starts in; defaults to the image's."),
    ]
    static let container = ObjectSchema("Container", "One application container inside a pod.", containerFields)
    static let ephemeralContainer = ObjectSchema("EphemeralContainer",
        "A temporary debugging container added to a running pod.", containerFields + [
        F("targetContainerName", .string, "Container whose process namespace the debug container joins."),
    ])

    // MARK: Volumes

    static let keyToPath = ObjectSchema("KeyToPath", "Maps one key of a Secret or ConfigMap to a file.", [
        F("key", .string, "The key to project.", required: true),
        F("mode", .int32, "File permission bits, such as 0400."),
        F("path", .string, "Relative file path to write the value to.", required: true),
    ])
    static let emptyDir = ObjectSchema("EmptyDirVolumeSource", "A scratch directory that starts empty and lives as long as the pod.", [
        F("medium", .string, "Storage medium: empty for the node's disk, Memory for tmpfs."),
        F("sizeLimit", .quantity, "Most storage the volume may use."),
    ])
    static let pvcSource = ObjectSchema("PersistentVolumeClaimVolumeSource", "Uses a PersistentVolumeClaim in the pod's namespace as the volume.", [
        F("claimName", .string, "Name of the claim.", required: true),
        F("readOnly", .boolean, "Mount read-only."),
    ])
    static let secretVolume = ObjectSchema("SecretVolumeSource", "Files made from the keys of a Secret.", [
        F("defaultMode", .int32, "Permission bits for the files; defaults to 0644."),
        F("items", .array(.object(keyToPath)), "Only project these keys, to these paths."),
        F("optional", .boolean, "When true, a missing Secret is not an error."),
        F("secretName", .string, "Name of the Secret."),
    ])
    static let configMapVolume = ObjectSchema("ConfigMapVolumeSource", "Files made from the keys of a ConfigMap.", [
        F("defaultMode", .int32, "Permission bits for the files; defaults to 0644."),
        F("items", .array(.object(keyToPath)), "Only project these keys, to these paths."),
        F("name", .string, "Name of the ConfigMap."),
        F("optional", .boolean, "When true, a missing ConfigMap is not an error."),
    ])
    static let hostPathTypes = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"]
    static let hostPath = ObjectSchema("HostPathVolumeSource", "A file or directory of the node's filesystem.", [
        F("path", .string, "Path on the node.", required: true),
        F("type", .string, "What must exist at the path; empty skips the check.", enum: hostPathTypes),
    ])
    static let nfs = ObjectSchema("NFSVolumeSource", "An NFS export.", [
        F("path", .string, "Exported path on the server.", required: true),
        F("readOnly", .boolean, "Mount read-only."),
        F("server", .string, "Host name or address of the NFS server.", required: true),
    ])
    static let downwardAPIVolumeFile = ObjectSchema("DownwardAPIVolumeFile", "One file holding a pod field or resource value.", [
        F("fieldRef", .object(objectFieldSelector), "Pod field to write."),
        F("mode", .int32, "Permission bits for the file."),
        F("path", .string, "Relative file path.", required: true),
        F("resourceFieldRef", .object(resourceFieldSelector), "Container resource value to write."),
    ])
    static let downwardAPIVolume = ObjectSchema("DownwardAPIVolumeSource", "Files with information about the pod itself.", [
        F("defaultMode", .int32, "Permission bits for the files."),
        F("items", .array(.object(downwardAPIVolumeFile)), "The files to create."),
    ])
    static let downwardAPIProjection = ObjectSchema("DownwardAPIProjection", "Pod information projected into a combined volume.", [
        F("items", .array(.object(downwardAPIVolumeFile)), "The files to create."),
    ])
    static let secretProjection = ObjectSchema("SecretProjection", "Secret keys projected into a combined volume.", [
        F("items", .array(.object(keyToPath)), "Only project these keys."),
        F("name", .string, "Name of the Secret."),
        F("optional", .boolean, "When true, a missing Secret is not an error."),
    ])
    static let configMapProjection = ObjectSchema("ConfigMapProjection", "ConfigMap keys projected into a combined volume.", [
        F("items", .array(.object(keyToPath)), "Only project these keys."),
        F("name", .string, "Name of the ConfigMap."),
        F("optional", .boolean, "When true, a missing ConfigMap is not an error."),
    ])
    static let serviceAccountTokenProjection = ObjectSchema("ServiceAccountTokenProjection", "A short-lived service account token.", [
        F("audience", .string, "Intended audience of the token."),
        F("expirationSeconds", .int64, "Requested lifetime; defaults to one hour."),
        F("path", .string, "Relative file path for the token.", required: true),
    ])
    static let volumeProjection = ObjectSchema("VolumeProjection", "One source of a projected volume.", [
        F("configMap", .object(configMapProjection), "ConfigMap keys."),
        F("downwardAPI", .object(downwardAPIProjection), "Pod information."),
        F("secret", .object(secretProjection), "Secret keys."),
        F("serviceAccountToken", .object(serviceAccountTokenProjection), "A service account token."),
    ])
    static let projected = ObjectSchema("ProjectedVolumeSource", "Several sources combined into one directory.", [
        F("defaultMode", .int32, "Permission bits for the files."),
        F("sources", .array(.object(volumeProjection)), "The sources to combine."),
    ])
    static let csiVolume = ObjectSchema("CSIVolumeSource", "An inline volume from a CSI driver.", [
        F("driver", .string, "Name of the CSI driver.", required: true),
        F("fsType", .string, "Filesystem type to mount."),
        F("nodePublishSecretRef", .freeForm, "Secret passed to the driver."),
        F("readOnly", .boolean, "Mount read-only."),
        F("volumeAttributes", .map(.string), "Driver-specific settings."),
    ])
    static let ephemeralVolume = ObjectSchema("EphemeralVolumeSource", "A claim created with the pod and deleted with it.", [
        F("volumeClaimTemplate", .freeForm, "Template for the per-pod claim."),
    ])
    /// Volume plugins the API still accepts but kubelab does not simulate; their fields are not checked.
    static let legacyVolumeSources: [FieldSchema] = [
        ("awsElasticBlockStore", "AWSElasticBlockStoreVolumeSource", "An AWS EBS disk (deprecated in-tree plugin)."),
        ("azureDisk", "AzureDiskVolumeSource", "An Azure data disk (deprecated in-tree plugin)."),
        ("azureFile", "AzureFileVolumeSource", "An Azure file share (deprecated in-tree plugin)."),
        ("cephfs", "CephFSVolumeSource", "A CephFS mount (deprecated)."),
        ("cinder", "CinderVolumeSource", "An OpenStack Cinder volume (deprecated in-tree plugin)."),
        ("fc", "FCVolumeSource", "A Fibre Channel disk."),
        ("flexVolume", "FlexVolumeSource", "A FlexVolume driver volume (deprecated)."),
        ("flocker", "FlockerVolumeSource", "A Flocker dataset (deprecated)."),
        ("gcePersistentDisk", "GCEPersistentDiskVolumeSource", "A Google Compute Engine disk (deprecated in-tree plugin)."),
        ("glusterfs", "GlusterfsVolumeSource", "A GlusterFS mount (deprecated)."),
        ("iscsi", "ISCSIVolumeSource", "An iSCSI disk."),
        ("photonPersistentDisk", "PhotonPersistentDiskVolumeSource", "A Photon Controller disk (deprecated)."),
        ("portworxVolume", "PortworxVolumeSource", "A Portworx volume (deprecated in-tree plugin)."),
        ("quobyte", "QuobyteVolumeSource", "A Quobyte mount (deprecated)."),
        ("rbd", "RBDVolumeSource", "A Ceph RBD disk (deprecated)."),
        ("scaleIO", "ScaleIOVolumeSource", "A ScaleIO volume (deprecated)."),
        ("storageos", "StorageOSVolumeSource", "A StorageOS volume (deprecated)."),
        ("vsphereVolume", "VsphereVirtualDiskVolumeSource", "A vSphere disk (deprecated in-tree plugin)."),
    ].map { F($0.0, .opaque($0.1), $0.2) }

    static let volume = ObjectSchema("Volume", "A named storage source that containers of the pod can mount.", legacyVolumeSources + [
        F("gitRepo", .opaque("GitRepoVolumeSource"), "A git checkout made when the pod starts (deprecated)."),
        F("image", .opaque("ImageVolumeSource"), "The contents of an OCI image, mounted read-only."),
        F("configMap", .object(configMapVolume), "Files from a ConfigMap."),
        F("csi", .object(csiVolume), "Inline CSI volume."),
        F("downwardAPI", .object(downwardAPIVolume), "Files about the pod itself."),
        F("emptyDir", .object(emptyDir), "Scratch space that lives as long as the pod."),
        F("ephemeral", .object(ephemeralVolume), "A claim created and deleted with the pod."),
        F("hostPath", .object(hostPath), "A path on the node; data stays with that node."),
        F("name", .string, "Volume name, a DNS label unique within the pod; volumeMounts refer to it.", required: true),
        F("nfs", .object(nfs), "An NFS export."),
        F("persistentVolumeClaim", .object(pvcSource), "Storage from a PersistentVolumeClaim; survives the pod."),
        F("projected", .object(projected), "Several sources in one directory."),
        F("secret", .object(secretVolume), "Files from a Secret."),
    ])

    // MARK: Scheduling

    static let nodeSelectorRequirement = ObjectSchema("NodeSelectorRequirement", "One condition on a node label or field.", [
        F("key", .string, "Label key the condition applies to.", required: true),
        F("operator", .string, "How the key relates to the values.", required: true,
          enum: ["DoesNotExist", "Exists", "Gt", "In", "Lt", "NotIn"]),
        F("values", .array(.string), "Values for In, NotIn, Gt and Lt."),
    ])
    static let nodeSelectorTerm = ObjectSchema("NodeSelectorTerm", "Conditions that must all hold for a node to match; terms are ORed.", [
        F("matchExpressions", .array(.object(nodeSelectorRequirement)), "Conditions on node labels."),
        F("matchFields", .array(.object(nodeSelectorRequirement)), "Conditions on node fields."),
    ])
    static let nodeSelector = ObjectSchema("NodeSelector", "A list of node selector terms; a node matches if any term matches.", [
        F("nodeSelectorTerms", .array(.object(nodeSelectorTerm)), "The alternatives.", required: true),
    ])
    static let preferredSchedulingTerm = ObjectSchema("PreferredSchedulingTerm", "A weighted node preference.", [
        F("preference", .object(nodeSelectorTerm), "Nodes this preference favours.", required: true),
        F("weight", .int32, "Weight from 1 to 100 added to matching nodes' scores.", required: true),
    ])
    static let nodeAffinity = ObjectSchema("NodeAffinity", "Rules about which nodes the pod may or prefers to run on.", [
        F("preferredDuringSchedulingIgnoredDuringExecution", .array(.object(preferredSchedulingTerm)),
          "Preferences the scheduler tries to honour; nodes get the sum of matching weights."),
        F("requiredDuringSchedulingIgnoredDuringExecution", .object(nodeSelector),
          "Hard rule: the pod is only placed on matching nodes. Not re-checked after scheduling."),
    ])
    static let podAffinityTerm = ObjectSchema("PodAffinityTerm", "Pods to be near (or away from), within a topology domain.", [
        F("labelSelector", .object(M.labelSelector), "Which pods the term is about."),
        F("matchLabelKeys", .array(.string), "Label keys whose values are copied from the incoming pod into the selector."),
        F("mismatchLabelKeys", .array(.string), "Label keys whose values must differ from the incoming pod's."),
        F("namespaceSelector", .object(M.labelSelector), "Namespaces to look in, by label."),
        F("namespaces", .array(.string), "Namespaces to look in, by name; defaults to the pod's own."),
        F("topologyKey", .string, "Node label that defines the domain, such as kubernetes.io/hostname.", required: true),
    ])
    static let weightedPodAffinityTerm = ObjectSchema("WeightedPodAffinityTerm", "A weighted pod affinity preference.", [
        F("podAffinityTerm", .object(podAffinityTerm), "The preferred placement.", required: true),
        F("weight", .int32, "Weight from 1 to 100.", required: true),
    ])
    static let podAffinity = ObjectSchema("PodAffinity", "Rules for placing the pod near other pods.", [
        F("preferredDuringSchedulingIgnoredDuringExecution", .array(.object(weightedPodAffinityTerm)), "Soft preferences."),
        F("requiredDuringSchedulingIgnoredDuringExecution", .array(.object(podAffinityTerm)), "Hard rules; all must hold."),
    ])
    static let podAntiAffinity = ObjectSchema("PodAntiAffinity", "Rules for keeping the pod away from other pods.", [
        F("preferredDuringSchedulingIgnoredDuringExecution", .array(.object(weightedPodAffinityTerm)), "Soft preferences."),
        F("requiredDuringSchedulingIgnoredDuringExecution", .array(.object(podAffinityTerm)), "Hard rules; all must hold."),
    ])
    static let affinity = ObjectSchema("Affinity", "Scheduling constraints relative to nodes and to other pods.", [
        F("nodeAffinity", .object(nodeAffinity), "Rules about nodes."),
        F("podAffinity", .object(podAffinity), "Rules for co-locating with pods."),
        F("podAntiAffinity", .object(podAntiAffinity), "Rules for spreading away from pods."),
    ])
    static let toleration = ObjectSchema("Toleration", "Allows the pod onto nodes with a matching taint.", [
        F("effect", .string, "Taint effect to match; empty matches all effects.", enum: ["NoExecute", "NoSchedule", "PreferNoSchedule"],
          docs: ["evicts running pods that do not tolerate the taint.", "keeps new pods that do not tolerate the taint off the node.",
                 "asks the scheduler to avoid the node if it can."]),
        F("key", .string, "Taint key to match; empty with Exists matches every taint."),
        F("operator", .string, "Equal compares the value; Exists ignores it. Defaults to Equal.", enum: ["Equal", "Exists"]),
        F("tolerationSeconds", .int64, "For NoExecute: how long the pod stays bound after the taint appears."),
        F("value", .string, "Taint value to match with Equal."),
    ])
    static let topologySpreadConstraint = ObjectSchema("TopologySpreadConstraint", "How evenly matching pods are spread over a topology.", [
        F("labelSelector", .object(M.labelSelector), "Pods counted for the spread."),
        F("matchLabelKeys", .array(.string), "Label keys copied from the incoming pod into the selector."),
        F("maxSkew", .int32, "Largest allowed difference in matching pods between domains.", required: true),
        F("minDomains", .int32, "Minimum number of eligible domains."),
        F("nodeAffinityPolicy", .string, "Whether node affinity limits the domains.", enum: ["Honor", "Ignore"]),
        F("nodeTaintsPolicy", .string, "Whether taints limit the domains.", enum: ["Honor", "Ignore"]),
        F("topologyKey", .string, "Node label that defines a domain.", required: true),
        F("whenUnsatisfiable", .string, "What to do when the spread cannot be met.", required: true, enum: ["DoNotSchedule", "ScheduleAnyway"]),
    ])
    static let localObjectReference = ObjectSchema("LocalObjectReference", "Names an object in the same namespace.", [
        F("name", .string, "Name of the object."),
    ])
    static let podDNSConfigOption = ObjectSchema("PodDNSConfigOption", "One resolver option.", [
        F("name", .string, "Option name, such as ndots."), F("value", .string, "Option value."),
    ])
    static let podDNSConfig = ObjectSchema("PodDNSConfig", "Extra resolver settings merged into the pod's resolv.conf.", [
        F("nameservers", .array(.string), "Additional name server addresses."),
        F("options", .array(.object(podDNSConfigOption)), "Resolver options."),
        F("searches", .array(.string), "Additional search domains."),
    ])
    static let hostAlias = ObjectSchema("HostAlias", "An extra /etc/hosts entry.", [
        F("hostnames", .array(.string), "Names for the address."), F("ip", .string, "The address.", required: true),
    ])
    static let podReadinessGate = ObjectSchema("PodReadinessGate", "An extra condition the pod needs to be ready.", [
        F("conditionType", .string, "Condition type that must be True.", required: true),
    ])
    static let podOS = ObjectSchema("PodOS", "Operating system the pod needs.", [F("name", .string, "linux or windows.", required: true)])
    static let podSchedulingGate = ObjectSchema("PodSchedulingGate", "Holds the pod back from scheduling until removed.", [
        F("name", .string, "Gate name.", required: true),
    ])
    static let podResourceClaim = ObjectSchema("PodResourceClaim", "A dynamic resource claim the pod uses.", [
        F("name", .string, "Name containers use to refer to the claim.", required: true),
        F("resourceClaimName", .string, "Existing ResourceClaim to use."),
        F("resourceClaimTemplateName", .string, "Template to create a claim from."),
    ])

    static let podSpec = ObjectSchema("PodSpec", "The desired state of a pod: its containers, volumes and scheduling rules.", [
        F("activeDeadlineSeconds", .int64, "Seconds the pod may be active before the kubelet kills it."),
        F("affinity", .object(affinity), "Node and pod affinity rules for scheduling."),
        F("automountServiceAccountToken", .boolean, "Whether the service account token is mounted into the containers."),
        F("containers", .array(.object(container)), "The application containers; at least one is required. Cannot be added or removed later.", required: true),
        F("dnsConfig", .object(podDNSConfig), "Resolver settings added to those chosen by dnsPolicy."),
        F("dnsPolicy", .string, "How the pod's resolv.conf is built. Defaults to ClusterFirst.",
          enum: ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"],
          docs: ["sends queries to cluster DNS first and falls back to the node's resolvers for other names.",
                 "is ClusterFirst for pods that use the host network.",
                 "uses the node's own resolver settings.", "uses only what dnsConfig provides."]),
        F("enableServiceLinks", .boolean, "Inject docker-link style variables for Services in the namespace; defaults to true."),
        F("ephemeralContainers", .array(.object(ephemeralContainer)), "Debugging containers added with kubectl debug."),
        F("hostAliases", .array(.object(hostAlias)), "Extra entries for the pod's /etc/hosts."),
        F("hostIPC", .boolean, "Share the node's IPC namespace."),
        F("hostNetwork", .boolean, "Use the node's network namespace; ports then bind on the node."),
        F("hostPID", .boolean, "Share the node's process namespace."),
        F("hostUsers", .boolean, "Whether the pod uses the host user namespace; defaults to true."),
        F("hostname", .string, "Host name inside the pod; defaults to the pod name. StatefulSets set it to the pod name."),
        F("imagePullSecrets", .array(.object(localObjectReference)), "Secrets with registry credentials for pulling images."),
        F("initContainers", .array(.object(container)), "Containers that run to completion one after another before the app containers start."),
        F("nodeName", .string, "Node the pod is bound to. Normally set by the scheduler; setting it skips scheduling."),
        F("nodeSelector", .map(.string), "Labels a node must have for the pod to be placed there."),
        F("os", .object(podOS), "Operating system the pod requires."),
        F("overhead", .map(.quantity), "Resources the runtime class adds on top of the containers'."),
        F("preemptionPolicy", .string, "Whether this pod may evict lower-priority pods. Defaults to PreemptLowerPriority.",
          enum: ["Never", "PreemptLowerPriority"]),
        F("priority", .int32, "Scheduling priority, filled in from priorityClassName by the server."),
        F("priorityClassName", .string, "Name of a PriorityClass that sets the pod's priority."),
        F("readinessGates", .array(.object(podReadinessGate)), "Extra conditions that must be True for readiness."),
        F("resourceClaims", .array(.object(podResourceClaim)), "Dynamic resource claims the containers can use."),
        F("resources", .object(resourceRequirements), "Resources for the pod as a whole."),
        F("restartPolicy", .string, "When containers are restarted after they exit. Defaults to Always.",
          enum: ["Always", "Never", "OnFailure"],
          docs: ["restarts every container that exits.", "never restarts containers.", "restarts containers that exit with a non-zero status."]),
        F("runtimeClassName", .string, "RuntimeClass to run the pod with."),
        F("schedulerName", .string, "Scheduler that places the pod; defaults to default-scheduler."),
        F("schedulingGates", .array(.object(podSchedulingGate)), "Gates that keep the pod unscheduled until removed."),
        F("securityContext", .object(podSecurityContext), "Security settings for all containers."),
        F("serviceAccount", .string, "Deprecated alias of serviceAccountName."),
        F("serviceAccountName", .string, "Service account the pod runs as; defaults to default."),
        F("setHostnameAsFQDN", .boolean, "Use the fully qualified domain name as the host name."),
        F("shareProcessNamespace", .boolean, "Put all containers in one process namespace."),
        F("subdomain", .string, "With hostname, gives the pod the DNS name <hostname>.<subdomain>.<namespace>.svc.<cluster domain>; must match a headless Service."),
        F("terminationGracePeriodSeconds", .int64, "Seconds between the stop signal and a forced kill when the pod is deleted; defaults to 30."),
        F("tolerations", .array(.object(toleration)), "Taints the pod tolerates."),
        F("topologySpreadConstraints", .array(.object(topologySpreadConstraint)), "Rules for spreading pods over zones or nodes."),
        F("volumes", .array(.object(volume)), "Volumes the containers can mount."),
    ])

    // MARK: Status

    static let podCondition = ObjectSchema("PodCondition", "One aspect of the pod's state.", [
        F("lastProbeTime", .time, "Last time the condition was checked."),
        F("lastTransitionTime", .time, "Last time the status changed."),
        F("message", .string, "Human-readable detail."),
        F("reason", .string, "Short machine-readable cause."),
        F("status", .string, "True, False or Unknown.", required: true),
        F("type", .string, "PodScheduled, Initialized, ContainersReady, Ready, and so on.", required: true),
    ])
    static let containerStateWaiting = ObjectSchema("ContainerStateWaiting", "The container has not started yet.", [
        F("message", .string, "Detail."), F("reason", .string, "Why it is waiting, such as ContainerCreating or CrashLoopBackOff."),
    ])
    static let containerStateRunning = ObjectSchema("ContainerStateRunning", "The container is running.", [
        F("startedAt", .time, "When it started."),
    ])
    static let containerStateTerminated = ObjectSchema("ContainerStateTerminated", "The container has exited.", [
        F("containerID", .string, "Runtime ID."), F("exitCode", .int32, "Exit status.", required: true),
        F("finishedAt", .time, "When it exited."), F("message", .string, "Detail."),
        F("reason", .string, "Why it exited, such as Completed or Error."), F("signal", .int32, "Signal that stopped it."),
        F("startedAt", .time, "When it started."),
    ])
    static let containerState = ObjectSchema("ContainerState", "Exactly one of waiting, running or terminated.", [
        F("running", .object(containerStateRunning), "Set while running."),
        F("terminated", .object(containerStateTerminated), "Set after exit."),
        F("waiting", .object(containerStateWaiting), "Set before start."),
    ])
    static let containerStatus = ObjectSchema("ContainerStatus", "What the kubelet knows about one container.", [
        F("allocatedResources", .map(.quantity), "Resources the node has set aside."),
        F("containerID", .string, "Runtime ID, such as containerd://..."),
        F("image", .string, "Image the container runs.", required: true),
        F("imageID", .string, "Digest of the image.", required: true),
        F("lastState", .object(containerState), "The previous termination, if any."),
        F("name", .string, "Container name.", required: true),
        F("ready", .boolean, "Whether the readiness probe passes.", required: true),
        F("resources", .object(resourceRequirements), "Resources currently applied."),
        F("restartCount", .int32, "How many times the container restarted.", required: true),
        F("started", .boolean, "Whether the startup probe has passed."),
        F("state", .object(containerState), "The current state."),
        F("volumeMounts", .freeForm, "Mounts as seen by the runtime."),
    ])
    static let podIP = ObjectSchema("PodIP", "One address of the pod.", [F("ip", .string, "The address.", required: true)])
    static let hostIP = ObjectSchema("HostIP", "One address of the node.", [F("ip", .string, "The address.", required: true)])
    static let podStatus = ObjectSchema("PodStatus", "Observed state of a pod, reported by the kubelet. May lag behind reality.", [
        F("conditions", .array(.object(podCondition)), "Readiness and scheduling conditions."),
        F("containerStatuses", .array(.object(containerStatus)), "One entry per app container."),
        F("ephemeralContainerStatuses", .array(.object(containerStatus)), "One entry per debug container."),
        F("hostIP", .string, "Primary IP of the node the pod runs on."),
        F("hostIPs", .array(.object(hostIP)), "All IPs of the node."),
        F("initContainerStatuses", .array(.object(containerStatus)), "One entry per init container."),
        F("message", .string, "Why the pod is in this state."),
        F("nominatedNodeName", .string, "Node a preempting pod is waiting for."),
        F("phase", .string, "Coarse lifecycle stage.", enum: ["Failed", "Pending", "Running", "Succeeded", "Unknown"],
          docs: ["means all containers ended and at least one failed.", "means the pod is accepted but not all containers run yet.",
                 "means the pod is bound and at least one container runs.", "means all containers ended successfully.",
                 "means the node cannot be reached."]),
        F("podIP", .string, "Primary IP of the pod."),
        F("podIPs", .array(.object(podIP)), "All IPs of the pod."),
        F("qosClass", .string, "Quality of service class from the requests and limits.", enum: ["BestEffort", "Burstable", "Guaranteed"]),
        F("reason", .string, "Short cause, such as Evicted."),
        F("resize", .string, "Progress of an in-place resize."),
        F("resourceClaimStatuses", .freeForm, "Generated claim names."),
        F("startTime", .time, "When the kubelet accepted the pod."),
    ])

    static let pod = M.resource("Pod",
        "A Pod is the smallest deployable unit: one or more containers that share a network identity and storage and are scheduled onto one node together.", [
        F("spec", .object(podSpec), "What the pod should run."),
        F("status", .object(podStatus), "What is currently observed about the pod. Read-only."),
    ])

    static let podTemplateSpec = ObjectSchema("PodTemplateSpec", "The blueprint a controller stamps pods out of.", [
        M.templateMetadata,
        F("spec", .object(podSpec), "Specification of the pods created from the template."),
    ])
}
