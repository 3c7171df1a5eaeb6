/// Help texts, written for kubelab (kubectl's own texts are not copied; the verbs and flags are).
enum HelpText {
    /// Every verb real kubectl has, used for "Did you mean this?" suggestions.
    static let allVerbs = [
        "create", "expose", "run", "set", "explain", "get", "edit", "delete", "rollout", "scale", "autoscale",
        "certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint", "describe", "logs",
        "attach", "exec", "port-forward", "proxy", "cp", "auth", "debug", "events", "diff", "apply", "patch",
        "replace", "wait", "kustomize", "label", "annotate", "completion", "alpha", "api-resources",
        "api-versions", "config", "plugin", "version", "options", "help",
    ]

    /// The verbs cobra offers in "Did you mean this?" and in completion: only available commands,
    /// so neither its own help command nor a hidden one (`alpha`, hidden while it has no subcommands).
    static let suggestedVerbs = allVerbs.filter { $0 != "help" && $0 != "alpha" }

    static let root = """
        kubectl talks to the kubelab cluster. Everything runs in memory on a simulated clock.

        Working with objects:
          create          Create objects from files or from command-line arguments
          apply           Create or update objects so they match the given files
          get             List objects in tables, YAML, JSON or other formats
          describe        Show one object in detail, with its recent events
          delete          Remove objects by name, label, file or type
          scale           Change the replica count of a StatefulSet, Deployment or ReplicaSet
          patch           Change some fields of an object
          label           Add, change or remove labels
          annotate        Add, change or remove annotations
          set image       Change the image of containers
          edit            (no editor in kubelab: use patch or apply)
          explain         Show what a resource field means

        Rollouts:
          rollout         Follow, undo or restart the rollout of a StatefulSet, Deployment or DaemonSet
          wait            Wait until objects meet a condition

        Inside pods:
          exec            Run a command in a container
          logs            Print a container's output
          run             Start a pod from an image

        Cluster information:
          api-resources   List the resource types the server knows
          version         Print the client and server versions

        Usage:
          kubectl [flags] [options]

        Use "kubectl <command> --help" for more information about a given command.

        """

    static func usage(_ lines: String) -> String { lines.hasSuffix("\n") ? lines : lines + "\n" }
}
