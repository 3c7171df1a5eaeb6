extension Utilities {
    public static func awk(_ ctx: CommandContext) -> Int32 {
        ctx.writeError("awk: not implemented\n")
        return 2
    }
}
