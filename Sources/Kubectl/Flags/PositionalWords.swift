/// The words of a command line that are not flags or flag values, found as cobra's `stripFlags`
/// finds the subcommand before any flag is parsed: a flag the set does not know takes the next
/// word as its value unless written `--flag=value`. Lets a verb pick the subcommand whose flags
/// apply (`create job`) and recognise a real subcommand kubelab lacks (`create ingress`).
extension FlagSet {
    func positionalWords(_ args: [String]) -> [String] {
        var words: [String] = []
        var i = args.startIndex
        while i < args.endIndex {
            let a = args[i]
            i += 1
            if a == "--" { break }
            let takesValue: Bool
            if a.hasPrefix("--") {
                takesValue = !a.contains("=") && spec(named: String(a.dropFirst(2)))?.kind != .bool
            } else if a.hasPrefix("-") {
                takesValue = !a.contains("=") && a.count == 2 && a.last.flatMap { spec(short: $0) }?.kind != .bool
            } else {
                if !a.isEmpty { words.append(a) }
                continue
            }
            if takesValue {
                // cobra stops looking when such a flag is followed by a single word.
                if args.endIndex - i <= 1 { break }
                i += 1
            }
        }
        return words
    }
}
