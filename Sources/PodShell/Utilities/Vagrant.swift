/// `vagrant halt|up NODE` (seed 003 powers its VMs off and on). kubelab's nodes are not virtual
/// machines a learner can reach from here, so the command says plainly that it is not simulated
/// rather than "command not found", which would suggest a missing install.
extension Utilities {
    public static func vagrant(_ ctx: CommandContext) -> Int32 {
        let verb = ctx.arguments.first { !$0.hasPrefix("-") }
        ctx.writeError("error: kubelab does not simulate \"vagrant\(verb.map { " " + $0 } ?? "")\" yet\n")
        return 1
    }
}
