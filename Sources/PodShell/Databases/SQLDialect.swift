/// Which server's rules apply: identifier quoting and case, error texts, result wording.
public enum SQLDialect: Sendable {
    case mysql
    case postgres
}
