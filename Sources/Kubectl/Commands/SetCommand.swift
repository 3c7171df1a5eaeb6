import KubeAPI

/// `kubectl set SUBCOMMAND`: change one field of existing objects. kubelab has `image` (SetImage),
/// `env` (SetEnv), `resources` (SetResources), `serviceaccount` (SetServiceAccount), `subject`
/// (SetSubject) and `selector` (SetSelector), all of upstream's; each parses its own flags, as cobra
/// parses a subcommand's.
struct SetCommand: KubectlCommand {
    static let name = "set"
    static let help = HelpText.usage("""
        Change a field of existing objects: the image, the environment or the resource requests and
        limits of containers, or the service account, in a pod or a workload's pod template (the
        workload then rolls out the change); the subjects of a role binding; a service's selector.

        Examples:
          kubectl set image statefulset/web nginx=registry.k8s.io/nginx-slim:0.24
          kubectl set image sts/visit-cnt-stfs '*=nginx:1.27'
          kubectl set env statefulset/mysql MYSQL_ROOT_PASSWORD=secret
          kubectl set env sts/web --list
          kubectl set env deployment/web --from=configmap/settings --prefix=APP_
          kubectl set env sts/web DEBUG-
          kubectl set resources sts/web -c nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m
          kubectl set sa sts/web backup-robot
          kubectl set subject rolebinding readers --user=alice --serviceaccount=default:robot
          kubectl set selector service/web app=web,tier=frontend

        Available Commands:
          env              Update environment variables on a pod template
          image            Update the image of a pod template
          resources        Update resource requests/limits on objects with pod templates
          selector         Set the selector of a service
          serviceaccount   Update the service account of a resource (alias sa)
          subject          Add users, groups or service accounts to a role binding or cluster role binding

        Options (every subcommand):
          --all=false             every object of the type in the namespace
          --dry-run='none'        'client' or 'server' to only show what would happen
          -f, --filename=[]       files naming the objects
          -o, --output=''         print the objects as json, yaml, name or jsonpath
          -l, --selector=''       only objects matching the label selector (not serviceaccount)
        Options (env and resources):
          -c, --containers='*'    the containers to change, '*' as a wildcard
        Options (env):
          -e, --env=[]            KEY=VALUE pairs, as after the resources
          --from=''               a configmap or secret whose keys become variables
          --keys=[]               only these keys of --from
          --prefix=''             put before each variable's name
          --list=false            print the environment instead of changing it
          --overwrite=true        allow changing a variable that has a value
        Options (resources):
          --limits=''             name=quantity pairs: 'cpu=200m,memory=512Mi'
          --requests=''           name=quantity pairs
        Options (subject):
          --user=[], --group=[]   users and groups to bind
          --serviceaccount=[]     NAMESPACE:NAME service accounts to bind

        Usage:
          kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... [options]
          kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]
          kubectl set resources (-f FILENAME | TYPE NAME) [--limits=LIMITS] [--requests=REQUESTS] [options]
          kubectl set serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT [options]
          kubectl set subject (-f FILENAME | TYPE NAME) [--user=U] [--group=G] [--serviceaccount=NS:NAME] [options]
          kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=V] [options]
        """)

    /// `set` alone takes only the global flags.
    let flags = FlagSet([])

    /// A subcommand kubelab has: its flags and what runs it.
    static func subcommand(_ word: String) -> (flags: [FlagSet.Spec], run: (Invocation) throws -> Int32)? {
        switch word {
        case "image": return (SetImage.flags, SetImage.run)
        case "env": return (SetEnv.flags, SetEnv.run)
        case "resources": return (SetResources.flags, SetResources.run)
        case "serviceaccount", "sa": return (SetServiceAccount.flags, SetServiceAccount.run)
        case "subject": return (SetSubject.flags, SetSubject.run)
        case "selector": return (SetSelector.flags, SetSelector.run)
        default: return nil
        }
    }

    private func subcommandWord(_ argv: [String]) -> String? {
        flags.adding(GlobalFlags.set.specs).positionalWords(argv).first
    }

    func flagScope(_ argv: [String]) -> FlagScope {
        guard let sub = subcommandWord(argv), let known = Self.subcommand(sub) else {
            return FlagScope(flags: flags, commandPath: Self.name)
        }
        // cobra names a command by its own name, not the alias typed.
        return FlagScope(flags: FlagSet(known.flags), commandPath: "set " + (sub == "sa" ? "serviceaccount" : sub))
    }

    func unsimulatedFeature(_ argv: [String]) -> String? {
        guard let sub = subcommandWord(argv) else { return nil }
        // Resolving references reads secrets and configmaps and the object's own fields, as the
        // kubelet would; kubelab lists the references instead.
        if sub == "env", argv.contains(where: { $0 == "--resolve" || $0.hasPrefix("--resolve=") }) { return "kubectl set env --resolve" }
        return nil
    }

    func run(_ call: Invocation) throws -> Int32 {
        // cobra's DefaultSubCommandRun, writing to standard error: the help, then exit status 1.
        guard let sub = call.args.first else {
            call.err(Self.help)
            return 1
        }
        guard let known = Self.subcommand(sub) else {
            throw KubectlFailure.usage("unknown command \"\(call.args.joined(separator: " "))\"", command: "set")
        }
        return try known.run(call.droppingFirstArgument())
    }
}
