/// The command-line options `mysql` and `mysqladmin` share, parsed as the MySQL clients do:
/// `-uroot`/`-u root`/`--user=root`, `-pSECRET` (never `-p SECRET`: a lone `-p` prompts).
struct MySQLClientOptions {
    var user: String?
    var password: String?
    var promptForPassword = false
    var host: String?
    var database: String?
    var execute: String?
    var batch = false
    var table = false
    var skipColumnNames = false
    var vertical = false
    var force = false
    var showVersion = false
    var positional: [String] = []

    enum Failure: Error, Equatable {
        case unknownOption(String)
        case missingArgument(String)
    }

    /// Options that take a value, by short letter and long name.
    private static let valued: [Character: String] = ["u": "user", "h": "host", "D": "database", "e": "execute", "P": "port", "S": "socket"]

    static func parse(_ arguments: [String]) throws(Failure) -> MySQLClientOptions {
        var options = MySQLClientOptions()
        var i = 0
        var onlyPositional = false
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                options.positional.append(argument)
                continue
            }
            if argument == "--" { onlyPositional = true; continue }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" }).replacingUnderscores
                var value = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                switch name {
                case "password":
                    if let value { options.password = value } else { options.promptForPassword = true }
                    continue
                case "batch": options.batch = true; continue
                case "table": options.table = true; continue
                case "skip-column-names": options.skipColumnNames = true; continue
                case "vertical": options.vertical = true; continue
                case "force": options.force = true; continue
                case "version": options.showVersion = true; continue
                case "silent", "no-auto-rehash", "skip-auto-rehash", "raw", "unbuffered", "compress", "verbose", "skip-ssl", "ssl":
                    continue
                case "user", "host", "database", "execute", "port", "socket", "protocol", "default-character-set", "ssl-mode":
                    if value == nil {
                        guard i < arguments.count else { throw .missingArgument(name) }
                        value = arguments[i]
                        i += 1
                    }
                    options.set(name, value ?? "")
                    continue
                default:
                    throw .unknownOption(argument.prefix { $0 != "=" }.description)
                }
            }
            // A cluster of short options: `-uroot`, `-pqwerty`, `-NBe "SQL"`.
            let letters = Array(argument.dropFirst())
            var j = 0
            while j < letters.count {
                let letter = letters[j]
                j += 1
                if letter == "p" {
                    let rest = String(letters[j...])
                    if rest.isEmpty { options.promptForPassword = true } else { options.password = rest }
                    break
                }
                if let name = valued[letter] {
                    var value = String(letters[j...])
                    if value.isEmpty {
                        guard i < arguments.count else { throw .missingArgument(String(letter)) }
                        value = arguments[i]
                        i += 1
                    }
                    options.set(name, value)
                    break
                }
                switch letter {
                case "B": options.batch = true
                case "t": options.table = true
                case "N": options.skipColumnNames = true
                case "E": options.vertical = true
                case "f": options.force = true
                case "V": options.showVersion = true
                case "s", "A", "r", "n", "v", "C": break
                default: throw .unknownOption("-" + String(letter))
                }
            }
        }
        return options
    }

    private mutating func set(_ name: String, _ value: String) {
        switch name {
        case "user": user = value
        case "host": host = value
        case "database": database = value
        case "execute": execute = value
        default: break
        }
    }

    /// The wording both clients use for a bad option, with their own name in front.
    static func message(_ failure: Failure, program: String) -> String {
        switch failure {
        case .unknownOption(let option): return "\(program): [ERROR] unknown option '\(option)'\n"
        case .missingArgument(let option):
            let shown = option.count == 1 ? "-" + option : "--" + option
            return "\(program): [ERROR] \(program): option '\(shown)' requires an argument\n"
        }
    }
}

private extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
