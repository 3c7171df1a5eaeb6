/// apps/v1, batch/v1 and policy/v1 kinds.
enum WorkloadSchemas {
    typealias M = MetaSchemas
    typealias P = PodSchemas

    static func condition(_ name: String, _ what: String) -> ObjectSchema {
        ObjectSchema(name, "One aspect of the \(what)'s state.", [
            F("lastTransitionTime", .time, "When the status last changed."),
            F("lastUpdateTime", .time, "When the condition was last written."),
            F("message", .string, "Human-readable detail."),
            F("reason", .string, "Short machine-readable cause."),
            F("status", .string, "True, False or Unknown.", required: true),
            F("type", .string, "Condition type.", required: true),
        ])
    }

    // MARK: StatefulSet

    static let statefulSetOrdinals = ObjectSchema("StatefulSetOrdinals", "Where the pod numbering starts.", [
        F("start", .int32, "First ordinal; pods are numbered start to start+replicas-1. Defaults to 0."),
    ])
    static let retentionPolicy = ObjectSchema("StatefulSetPersistentVolumeClaimRetentionPolicy",
        "What happens to claims made from volumeClaimTemplates when the set is deleted or scaled down.", [
        F("whenDeleted", .string, "Policy when the StatefulSet is deleted. Defaults to Retain.", enum: ["Delete", "Retain"],
          docs: ["lets the claims be deleted with the pods or set they belong to.", "keeps the claims."]),
        F("whenScaled", .string, "Policy for claims of pods removed by a scale-down. Defaults to Retain.", enum: ["Delete", "Retain"],
          docs: ["deletes the claim together with its condemned pod.", "keeps the claim for a later scale-up."]),
    ])
    static let rollingUpdateStatefulSet = ObjectSchema("RollingUpdateStatefulSetStrategy", "Knobs for a StatefulSet rolling update.", [
        F("maxUnavailable", .intOrString, "How many pods may be down during the update, as a number or percentage; defaults to 1. Needs the MaxUnavailableStatefulSet feature."),
        F("partition", .int32, "Only pods with an ordinal at or above this number are updated; lower ones keep the old revision. Defaults to 0."),
    ])
    static let statefulSetUpdateStrategy = ObjectSchema("StatefulSetUpdateStrategy", "The strategy the StatefulSet controller follows to replace pods, with its parameters.", [
        F("rollingUpdate", .object(rollingUpdateStatefulSet), "Parameters for RollingUpdate."),
        F("type", .string, "The strategy. Defaults to RollingUpdate.", enum: ["OnDelete", "RollingUpdate"],
          docs: ["replaces a pod only after someone deletes it.", "replaces pods one at a time from the highest ordinal down."]),
    ])
    static let statefulSetSpec = ObjectSchema("StatefulSetSpec", "Desired state of a StatefulSet.", [
        F("minReadySeconds", .int32, "Seconds a new pod must be ready before it counts as available. Defaults to 0."),
        F("ordinals", .object(statefulSetOrdinals), "Controls the number the first pod gets."),
        F("persistentVolumeClaimRetentionPolicy", .object(retentionPolicy), "Whether claims from volumeClaimTemplates are deleted with the set or on scale-down. Both default to Retain."),
        F("podManagementPolicy", .string,
          "Decides how pods are created and removed when the set scales. With the default `OrderedReady` the controller creates pod-0 first and waits for each pod to be Running and Ready before making the next, and removes pods from the highest number down. `Parallel` creates or removes all needed pods at once without waiting.",
          enum: ["OrderedReady", "Parallel"],
          docs: ["handles one pod at a time: upward on scale up, downward on scale down, moving on only after the previous pod is ready or gone.",
                 "creates and deletes pods immediately when the replica count changes, without waiting for readiness or termination."]),
        F("replicas", .int32, "How many pods the set should run. Defaults to 1."),
        F("revisionHistoryLimit", .int32, "How many old ControllerRevisions to keep. Defaults to 10."),
        F("selector", .object(M.labelSelector), "Which pods belong to the set; must match the template's labels.", required: true),
        F("serviceName", .string, "The headless Service that gives each pod its DNS name <pod>.<serviceName>.<namespace>.svc.cluster.local.",
          required: true),
        F("template", .object(P.podTemplateSpec), "The pod blueprint. Each pod's name and hostname are <set name>-<ordinal>.", required: true),
        F("updateStrategy", .object(statefulSetUpdateStrategy), "How pods are replaced when the template changes."),
        F("volumeClaimTemplates", .array(.object(StorageSchemas.pvcTemplate)),
          "Claims created per pod, named <template>-<set name>-<ordinal>, and mounted by volume name. They outlive the pods."),
    ])
    static let statefulSetStatus = ObjectSchema("StatefulSetStatus", "Observed state of a StatefulSet.", [
        F("availableReplicas", .int32, "Pods ready for at least minReadySeconds."),
        F("collisionCount", .int32, "Counter used to avoid revision name clashes."),
        F("conditions", .array(.object(condition("StatefulSetCondition", "StatefulSet"))), "Current conditions."),
        F("currentReplicas", .int32, "Pods at currentRevision."),
        F("currentRevision", .string, "Revision of the pods before the update in progress."),
        F("observedGeneration", .int64, "Latest generation the controller acted on."),
        F("readyReplicas", .int32, "Pods that are Ready."),
        F("replicas", .int32, "Pods the controller has created.", required: true),
        F("updateRevision", .string, "Revision pods are being updated to."),
        F("updatedReplicas", .int32, "Pods at updateRevision."),
    ])
    static let statefulSet = M.resource("StatefulSet",
        "A StatefulSet runs a numbered set of pods that each keep a stable name, DNS identity and storage across rescheduling.", [
        F("spec", .object(statefulSetSpec), "Desired pods and their storage."),
        F("status", .object(statefulSetStatus), "Observed state. May lag behind the spec. Read-only."),
    ])

    static let controllerRevision = M.resource("ControllerRevision",
        "A ControllerRevision stores an immutable snapshot of a controller's pod template so it can roll forward and back.", [
        F("data", .freeForm, "The snapshot."),
        F("revision", .int64, "Sequence number of the revision.", required: true),
    ])

    // MARK: Deployment and ReplicaSet

    static let rollingUpdateDeployment = ObjectSchema("RollingUpdateDeployment", "Knobs for a Deployment rolling update.", [
        F("maxSurge", .intOrString, "Pods allowed above the desired count during the update; defaults to 25%."),
        F("maxUnavailable", .intOrString, "Pods allowed to be unavailable during the update; defaults to 25%."),
    ])
    static let deploymentStrategy = ObjectSchema("DeploymentStrategy", "How old pods are replaced by new ones.", [
        F("rollingUpdate", .object(rollingUpdateDeployment), "Parameters for RollingUpdate."),
        F("type", .string, "Recreate or RollingUpdate; defaults to RollingUpdate.", enum: ["Recreate", "RollingUpdate"],
          docs: ["stops all old pods before starting new ones.", "replaces pods gradually."]),
    ])
    static let deploymentSpec = ObjectSchema("DeploymentSpec", "Desired state of a Deployment.", [
        F("minReadySeconds", .int32, "Seconds a new pod must be ready to count as available."),
        F("paused", .boolean, "Stops rollouts while true."),
        F("progressDeadlineSeconds", .int32, "Seconds without progress before the rollout is reported as failed; defaults to 600."),
        F("replicas", .int32, "How many pods to run; defaults to 1."),
        F("revisionHistoryLimit", .int32, "Old ReplicaSets to keep; defaults to 10."),
        F("selector", .object(M.labelSelector), "Which pods belong to the Deployment; must match the template labels.", required: true),
        F("strategy", .object(deploymentStrategy), "How pods are replaced."),
        F("template", .object(P.podTemplateSpec), "The pod blueprint.", required: true),
    ])
    static let deploymentStatus = ObjectSchema("DeploymentStatus", "Observed state of a Deployment.", [
        F("availableReplicas", .int32, "Available pods."), F("collisionCount", .int32, "Hash collision counter."),
        F("conditions", .array(.object(condition("DeploymentCondition", "Deployment"))), "Available and Progressing conditions."),
        F("observedGeneration", .int64, "Generation last acted on."), F("readyReplicas", .int32, "Ready pods."),
        F("replicas", .int32, "All pods."), F("unavailableReplicas", .int32, "Pods not yet available."),
        F("updatedReplicas", .int32, "Pods from the current template."),
    ])
    static let deployment = M.resource("Deployment", "A Deployment keeps a number of interchangeable pods running and rolls out changes to them through ReplicaSets.", [
        F("spec", .object(deploymentSpec), "Desired state."),
        F("status", .object(deploymentStatus), "Observed state. Read-only."),
    ])
    static let replicaSetSpec = ObjectSchema("ReplicaSetSpec", "Desired state of a ReplicaSet.", [
        F("minReadySeconds", .int32, "Seconds a new pod must be ready to count as available."),
        F("replicas", .int32, "How many pods to run; defaults to 1."),
        F("selector", .object(M.labelSelector), "Which pods count toward replicas.", required: true),
        F("template", .object(P.podTemplateSpec), "The pod blueprint."),
    ])
    static let replicaSetStatus = ObjectSchema("ReplicaSetStatus", "Observed state of a ReplicaSet.", [
        F("availableReplicas", .int32, "Available pods."),
        F("conditions", .array(.object(condition("ReplicaSetCondition", "ReplicaSet"))), "Current conditions."),
        F("fullyLabeledReplicas", .int32, "Pods whose labels match the template."),
        F("observedGeneration", .int64, "Generation last acted on."), F("readyReplicas", .int32, "Ready pods."),
        F("replicas", .int32, "Pods observed.", required: true),
    ])
    static let replicaSet = M.resource("ReplicaSet", "A ReplicaSet keeps a fixed number of identical pods running.", [
        F("spec", .object(replicaSetSpec), "Desired state."),
        F("status", .object(replicaSetStatus), "Observed state. Read-only."),
    ])

    // MARK: DaemonSet

    static let rollingUpdateDaemonSet = ObjectSchema("RollingUpdateDaemonSet", "Knobs for a DaemonSet rolling update.", [
        F("maxSurge", .intOrString, "Nodes that may run an old and a new pod at the same time; defaults to 0."),
        F("maxUnavailable", .intOrString, "Nodes that may be without a ready pod during the update; defaults to 1."),
    ])
    static let daemonSetUpdateStrategy = ObjectSchema("DaemonSetUpdateStrategy", "How DaemonSet pods are replaced.", [
        F("rollingUpdate", .object(rollingUpdateDaemonSet), "Parameters for RollingUpdate."),
        F("type", .string, "OnDelete or RollingUpdate; defaults to RollingUpdate.", enum: ["OnDelete", "RollingUpdate"]),
    ])
    static let daemonSetSpec = ObjectSchema("DaemonSetSpec", "Desired state of a DaemonSet.", [
        F("minReadySeconds", .int32, "Seconds a new pod must be ready to count as available."),
        F("revisionHistoryLimit", .int32, "Old revisions to keep; defaults to 10."),
        F("selector", .object(M.labelSelector), "Which pods belong to the DaemonSet.", required: true),
        F("template", .object(P.podTemplateSpec), "The pod blueprint; restartPolicy must be Always.", required: true),
        F("updateStrategy", .object(daemonSetUpdateStrategy), "How pods are replaced."),
    ])
    static let daemonSetStatus = ObjectSchema("DaemonSetStatus", "Observed state of a DaemonSet.", [
        F("collisionCount", .int32, "Hash collision counter."),
        F("conditions", .array(.object(condition("DaemonSetCondition", "DaemonSet"))), "Current conditions."),
        F("currentNumberScheduled", .int32, "Nodes running a wanted pod.", required: true),
        F("desiredNumberScheduled", .int32, "Nodes that should run a pod.", required: true),
        F("numberAvailable", .int32, "Nodes with an available pod."),
        F("numberMisscheduled", .int32, "Nodes running a pod they should not.", required: true),
        F("numberReady", .int32, "Nodes with a ready pod.", required: true),
        F("numberUnavailable", .int32, "Nodes without an available pod."),
        F("observedGeneration", .int64, "Generation last acted on."),
        F("updatedNumberScheduled", .int32, "Nodes running the current template."),
    ])
    static let daemonSet = M.resource("DaemonSet", "A DaemonSet runs one copy of a pod on every eligible node.", [
        F("spec", .object(daemonSetSpec), "Desired state."),
        F("status", .object(daemonSetStatus), "Observed state. Read-only."),
    ])

    // MARK: Job and CronJob

    static let podFailurePolicyOnExitCodes = ObjectSchema("PodFailurePolicyOnExitCodesRequirement", "Matches containers by exit code.", [
        F("containerName", .string, "Only look at this container."),
        F("operator", .string, "In or NotIn.", required: true, enum: ["In", "NotIn"]),
        F("values", .array(.int32), "Exit codes.", required: true),
    ])
    static let podFailurePolicyOnPodConditions = ObjectSchema("PodFailurePolicyOnPodConditionsPattern", "Matches pods by condition.", [
        F("status", .string, "Condition status."), F("type", .string, "Condition type.", required: true),
    ])
    static let podFailurePolicyRule = ObjectSchema("PodFailurePolicyRule", "What to do when a failed pod matches.", [
        F("action", .string, "Count, FailIndex, FailJob or Ignore.", required: true, enum: ["Count", "FailIndex", "FailJob", "Ignore"]),
        F("onExitCodes", .object(podFailurePolicyOnExitCodes), "Match by exit code."),
        F("onPodConditions", .array(.object(podFailurePolicyOnPodConditions)), "Match by pod condition."),
    ])
    static let podFailurePolicy = ObjectSchema("PodFailurePolicy", "Rules for how pod failures count.", [
        F("rules", .array(.object(podFailurePolicyRule)), "Checked in order; the first match wins.", required: true),
    ])
    static let successPolicyRule = ObjectSchema("SuccessPolicyRule", "A condition that makes an Indexed job succeed early.", [
        F("succeededCount", .int32, "How many listed indexes must succeed."),
        F("succeededIndexes", .string, "Indexes that must succeed, such as 0-2,5."),
    ])
    static let successPolicy = ObjectSchema("SuccessPolicy", "When an Indexed job counts as successful.", [
        F("rules", .array(.object(successPolicyRule)), "Any matching rule makes the job succeed.", required: true),
    ])
    static let jobSpec = ObjectSchema("JobSpec", "Desired state of a Job.", [
        F("activeDeadlineSeconds", .int64, "Seconds the job may run before it is failed."),
        F("backoffLimit", .int32, "Retries before the job is marked failed; defaults to 6."),
        F("backoffLimitPerIndex", .int32, "Retries per index for Indexed jobs."),
        F("completionMode", .string, "NonIndexed or Indexed; defaults to NonIndexed.", enum: ["Indexed", "NonIndexed"],
          docs: ["gives each pod a completion index from 0 to completions-1.", "treats all successful pods alike."]),
        F("completions", .int32, "Successful pods needed to finish the job."),
        F("managedBy", .string, "Controller that manages the job."),
        F("manualSelector", .boolean, "Use the given selector instead of the generated one."),
        F("maxFailedIndexes", .int32, "Failed indexes allowed before the job fails."),
        F("parallelism", .int32, "Most pods running at the same time; defaults to 1."),
        F("podFailurePolicy", .object(podFailurePolicy), "How pod failures are counted."),
        F("podReplacementPolicy", .string, "When failed pods are replaced.", enum: ["Failed", "TerminatingOrFailed"]),
        F("selector", .object(M.labelSelector), "Pods of the job; generated by the server unless manualSelector is set."),
        F("successPolicy", .object(successPolicy), "When the job counts as successful early."),
        F("suspend", .boolean, "While true, no pods are created and running ones are stopped."),
        F("template", .object(P.podTemplateSpec), "Pod blueprint; restartPolicy must be Never or OnFailure.", required: true),
        F("ttlSecondsAfterFinished", .int32, "Delete the finished job after this many seconds."),
    ])
    static let uncountedTerminatedPods = ObjectSchema("UncountedTerminatedPods", "Finished pods not yet counted.", [
        F("failed", .array(.string), "UIDs of failed pods."), F("succeeded", .array(.string), "UIDs of succeeded pods."),
    ])
    static let jobStatus = ObjectSchema("JobStatus", "Observed state of a Job.", [
        F("active", .int32, "Running pods."), F("completedIndexes", .string, "Finished indexes of an Indexed job."),
        F("completionTime", .time, "When the job completed."),
        F("conditions", .array(.object(condition("JobCondition", "Job"))), "Complete, Failed, Suspended and similar conditions."),
        F("failed", .int32, "Failed pods."), F("failedIndexes", .string, "Failed indexes."),
        F("ready", .int32, "Ready pods."), F("startTime", .time, "When the job started."),
        F("succeeded", .int32, "Succeeded pods."), F("terminating", .int32, "Terminating pods."),
        F("uncountedTerminatedPods", .object(uncountedTerminatedPods), "Finished pods not yet counted."),
    ])
    static let job = M.resource("Job", "A Job runs pods until a given number of them finish successfully.", [
        F("spec", .object(jobSpec), "Desired state."),
        F("status", .object(jobStatus), "Observed state. Read-only."),
    ])
    static let jobTemplateSpec = ObjectSchema("JobTemplateSpec", "Blueprint for the jobs a CronJob creates.", [
        F("metadata", .object(M.objectMeta), "Metadata for the created jobs."),
        F("spec", .object(jobSpec), "Spec of the created jobs."),
    ])
    static let cronJobSpec = ObjectSchema("CronJobSpec", "Desired state of a CronJob.", [
        F("concurrencyPolicy", .string, "What to do when a run is due while the last one still runs. Defaults to Allow.",
          enum: ["Allow", "Forbid", "Replace"],
          docs: ["lets runs overlap.", "skips the new run.", "stops the running job and starts the new one."]),
        F("failedJobsHistoryLimit", .int32, "Failed jobs to keep; defaults to 1."),
        F("jobTemplate", .object(jobTemplateSpec), "The job to create on schedule.", required: true),
        F("schedule", .string, "Cron expression, such as */5 * * * *.", required: true),
        F("startingDeadlineSeconds", .int64, "Seconds after the scheduled time a missed run may still start."),
        F("successfulJobsHistoryLimit", .int32, "Successful jobs to keep; defaults to 3."),
        F("suspend", .boolean, "Pause future runs; defaults to false."),
        F("timeZone", .string, "Time zone of the schedule, such as Etc/UTC."),
    ])
    static let cronJobStatus = ObjectSchema("CronJobStatus", "Observed state of a CronJob.", [
        F("active", .array(.object(StorageSchemas.objectReference)), "Jobs currently running."),
        F("lastScheduleTime", .time, "When a job was last scheduled."),
        F("lastSuccessfulTime", .time, "When a job last succeeded."),
    ])
    static let cronJob = M.resource("CronJob", "A CronJob creates Jobs on a repeating schedule.", [
        F("spec", .object(cronJobSpec), "Desired state."),
        F("status", .object(cronJobStatus), "Observed state. Read-only."),
    ])

    // MARK: PodDisruptionBudget

    static let pdbSpec = ObjectSchema("PodDisruptionBudgetSpec", "How many pods must survive voluntary disruptions.", [
        F("maxUnavailable", .intOrString, "Most pods that may be evicted, as a number or percentage."),
        F("minAvailable", .intOrString, "Fewest pods that must stay available, as a number or percentage."),
        F("selector", .object(M.labelSelector), "Pods the budget covers."),
        F("unhealthyPodEvictionPolicy", .string, "When unhealthy pods may be evicted.", enum: ["AlwaysAllow", "IfHealthyBudget"]),
    ])
    static let pdbStatus = ObjectSchema("PodDisruptionBudgetStatus", "Observed state of a budget.", [
        F("conditions", .array(.object(condition("Condition", "budget"))), "Current conditions."),
        F("currentHealthy", .int32, "Healthy pods.", required: true),
        F("desiredHealthy", .int32, "Healthy pods needed.", required: true),
        F("disruptedPods", .map(.time), "Pods being evicted."),
        F("disruptionsAllowed", .int32, "Evictions allowed right now.", required: true),
        F("expectedPods", .int32, "Pods counted.", required: true),
        F("observedGeneration", .int64, "Generation last acted on."),
    ])
    static let pdb = M.resource("PodDisruptionBudget", "A PodDisruptionBudget limits how many pods of a group voluntary evictions may take down at once.", [
        F("spec", .object(pdbSpec), "Desired budget."),
        F("status", .object(pdbStatus), "Observed state. Read-only."),
    ])
}
