/// The words of a command line that are not flags or flag values, found without failing on flags
/// the set does not know (an unknown flag is taken to stand alone). Lets a verb recognise a real
/// kubectl subcommand it lacks (`create job x --from=cronjob/y`) before the flag parser would
/// object to that subcommand's own flags.
extension FlagSet {
    func positionalWords(_ args: [String]) -> [String] {
        var words: [String] = []
        var i = args.startIndex
        while i < args.endIndex {
            let a = args[i]
            i += 1
            if a == "--" { words += args[i...]; break }
            if a.hasPrefix("--") {
                let name = String(a.dropFirst(2).prefix { $0 != "=" })
                if !a.contains("="), let spec = spec(named: name), spec.kind != .bool { i += 1 }
            } else if a.hasPrefix("-"), a.count > 1 {
                if a.count == 2, let c = a.last, let spec = spec(short: c), spec.kind != .bool { i += 1 }
            } else {
                words.append(a)
            }
        }
        return words
    }
}
