/// The parse tree of a Go template (`text/template/parse/node.go`): the node kinds the executor walks,
/// each with its byte position (for `output:LINE:COL` in errors) and Go's own `String()` rendering
/// (what errors show between `<` and `>`).
indirect enum GoTemplateNode: Sendable {
    case text(pos: Int, String)
    case comment(pos: Int)
    case action(pos: Int, GoTemplatePipe)
    case list(pos: Int, [GoTemplateNode])
    case ifNode(GoTemplateBranch)
    case range(GoTemplateBranch)
    case with(GoTemplateBranch)
    case template(pos: Int, name: String, pipe: GoTemplatePipe?)
    case breakNode(pos: Int)
    case continueNode(pos: Int)

    var pos: Int {
        switch self {
        case .text(let p, _), .comment(let p), .action(let p, _), .list(let p, _), .template(let p, _, _),
             .breakNode(let p), .continueNode(let p):
            return p
        case .ifNode(let b), .range(let b), .with(let b): return b.pos
        }
    }

    var description: String {
        switch self {
        case .text(_, let t): return GoQuote.quote(t)
        case .comment: return "{{/* */}}"
        case .action(_, let p): return "{{\(p.description)}}"
        case .list(_, let nodes): return nodes.map(\.description).joined()
        case .ifNode(let b): return b.description("if")
        case .range(let b): return b.description("range")
        case .with(let b): return b.description("with")
        case .template(_, let name, let pipe):
            if let pipe { return "{{template \(GoQuote.quote(name)) \(pipe.description)}}" }
            return "{{template \(GoQuote.quote(name))}}"
        case .breakNode: return "{{break}}"
        case .continueNode: return "{{continue}}"
        }
    }
}

/// `{{if}}`, `{{range}}` and `{{with}}`: a pipeline, a body and an optional `{{else}}` body.
struct GoTemplateBranch: Sendable {
    var pos: Int
    var pipe: GoTemplatePipe
    var list: [GoTemplateNode]
    var elseList: [GoTemplateNode]?

    func description(_ keyword: String) -> String {
        var s = "{{\(keyword) \(pipe.description)}}" + list.map(\.description).joined()
        if let elseList { s += "{{else}}" + elseList.map(\.description).joined() }
        return s + "{{end}}"
    }
}

/// A pipeline: optional variable declarations (`$i, $c :=`) and commands joined by `|`.
struct GoTemplatePipe: Sendable {
    var pos: Int
    var isAssign = false
    var decl: [GoTemplateVariable] = []
    var cmds: [GoTemplateCommand] = []

    var description: String {
        var s = ""
        if !decl.isEmpty {
            s = decl.map(\.description).joined(separator: ", ") + (isAssign ? " = " : " := ")
        }
        return s + cmds.map(\.description).joined(separator: " | ")
    }
}

/// `$x` or `$x.a.b`.
struct GoTemplateVariable: Sendable {
    var pos: Int
    var ident: [String]
    var description: String { ident.joined(separator: ".") }
}

/// One command of a pipeline: a function or value followed by its arguments.
struct GoTemplateCommand: Sendable {
    var pos: Int
    var args: [GoTemplateOperand]
    var description: String {
        args.map { arg in
            if case .pipe(let p) = arg { return "(\(p.description))" }
            return arg.description
        }.joined(separator: " ")
    }
}

/// What can stand in a command: fields, variables, function names, literals, parenthesized pipelines.
indirect enum GoTemplateOperand: Sendable {
    case field(pos: Int, [String])
    case variable(GoTemplateVariable)
    case identifier(pos: Int, String)
    case dot(pos: Int)
    case nilValue(pos: Int)
    case bool(pos: Int, Bool)
    case number(GoTemplateNumber)
    case string(pos: Int, quoted: String, text: String)
    case pipe(GoTemplatePipe)
    /// `(pipeline).a.b`: an operand followed by fields.
    case chain(pos: Int, GoTemplateOperand, [String])

    var pos: Int {
        switch self {
        case .field(let p, _), .identifier(let p, _), .dot(let p), .nilValue(let p), .bool(let p, _),
             .string(let p, _, _), .chain(let p, _, _):
            return p
        case .variable(let v): return v.pos
        case .number(let n): return n.pos
        case .pipe(let p): return p.pos
        }
    }

    var description: String {
        switch self {
        case .field(_, let ident): return ident.map { "." + $0 }.joined()
        case .variable(let v): return v.description
        case .identifier(_, let name): return name
        case .dot: return "."
        case .nilValue: return "nil"
        case .bool(_, let b): return b ? "true" : "false"
        case .number(let n): return n.text
        case .string(_, let quoted, _): return quoted
        case .pipe(let p): return p.description
        case .chain(_, let node, let fields):
            let base: String
            if case .pipe(let p) = node { base = "(\(p.description))" } else { base = node.description }
            return base + fields.map { "." + $0 }.joined()
        }
    }
}

/// A number literal with the interpretations Go's parser found (`NumberNode`).
struct GoTemplateNumber: Sendable {
    var pos: Int
    var text: String
    var isInt = false
    var isUint = false
    var isFloat = false
    var int64: Int64 = 0
    var uint64: UInt64 = 0
    var float64: Double = 0
}
