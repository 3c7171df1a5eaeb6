/// A parse error, already in Go's words (`template: output:1: unclosed action`).
public struct GoTemplateParseError: Error, Sendable {
    public let message: String
}

/// A parsed template set: the main tree and the `{{define}}`/`{{block}}` trees by name.
struct GoTemplateTrees: Sendable {
    var root: [GoTemplateNode] = []
    var named: [String: [GoTemplateNode]] = [:]
}

/// Go's template parser (`text/template/parse/parse.go`) over the lexer's tokens, with its error
/// messages, variable scoping (`undefined variable "$x"`) and the function names it accepts.
struct GoTemplateParser {
    private let name: String
    private let tokens: [GoTemplateItem]
    private var index = 0
    private var vars: [String] = ["$"]
    private var rangeDepth = 0
    private var actionLine = 0
    private let functions: Set<String>
    private var trees = GoTemplateTrees()

    static func parse(_ text: String, name: String, functions: Set<String>) throws(GoTemplateParseError) -> GoTemplateTrees {
        var p = GoTemplateParser(name: name, tokens: GoTemplateLexer.tokens(text), functions: functions)
        try p.parseAll()
        return p.trees
    }

    private init(name: String, tokens: [GoTemplateItem], functions: Set<String>) {
        self.name = name
        self.tokens = tokens
        self.functions = functions
    }

    // MARK: Tokens

    private mutating func next() -> GoTemplateItem {
        let t = tokens[min(index, tokens.count - 1)]
        index += 1
        return t
    }
    private mutating func backup(_ n: Int = 1) { index -= n }
    private func peek() -> GoTemplateItem { tokens[min(index, tokens.count - 1)] }

    private mutating func nextNonSpace() -> GoTemplateItem {
        var t = next()
        while t.kind == .space { t = next() }
        return t
    }

    private mutating func peekNonSpace() -> GoTemplateItem {
        let t = nextNonSpace()
        backup()
        return t
    }

    /// The line Go reports: that of the token read last.
    private var currentLine: Int { tokens[max(0, min(index, tokens.count) - 1)].line }

    private func error(_ message: String) -> GoTemplateParseError {
        GoTemplateParseError(message: "template: \(name):\(currentLine): \(message)")
    }

    private func unexpected(_ token: GoTemplateItem, _ context: String) -> GoTemplateParseError {
        if token.kind == .error {
            var extra = ""
            if actionLine != 0 && actionLine != token.line {
                extra = " in action started at \(name):\(actionLine)"
                if token.value.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            return error(token.value + extra)
        }
        return error("unexpected \(token.description) in \(context)")
    }

    private mutating func expect(_ kind: GoTemplateItem.Kind, _ context: String) throws(GoTemplateParseError) -> GoTemplateItem {
        let t = nextNonSpace()
        if t.kind != kind { throw unexpected(t, context) }
        return t
    }

    // MARK: Structure

    private mutating func parseAll() throws(GoTemplateParseError) {
        var root: [GoTemplateNode] = []
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let delimIndex = index
                _ = next()
                if nextNonSpace().kind == .define {
                    try parseDefinition()
                    continue
                }
                index = delimIndex
            }
            let n = try textOrAction()
            switch n {
            case .end, .elseNode: throw error("unexpected \(n.description)")
            case .node(let node): root.append(node)
            }
        }
        try add(name, root)
    }

    private mutating func add(_ treeName: String, _ root: [GoTemplateNode]) throws(GoTemplateParseError) {
        if treeName == name {
            if !trees.root.isEmpty || trees.named[name] != nil {
                if Self.isEmpty(root) { return }
                if !Self.isEmpty(trees.root) { throw error("template: multiple definition of template \(GoQuote.quote(treeName))") }
            }
            trees.root = root
            return
        }
        if let existing = trees.named[treeName], !Self.isEmpty(existing) {
            if Self.isEmpty(root) { return }
            throw error("template: multiple definition of template \(GoQuote.quote(treeName))")
        }
        trees.named[treeName] = root
    }

    static func isEmpty(_ nodes: [GoTemplateNode]) -> Bool {
        nodes.allSatisfy { n in
            switch n {
            case .text(_, let t): return t.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            case .comment: return true
            case .list(_, let l): return isEmpty(l)
            default: return false
            }
        }
    }

    private mutating func parseDefinition() throws(GoTemplateParseError) {
        let context = "define clause"
        let t = nextNonSpace()
        guard t.kind == .string || t.kind == .rawString else { throw unexpected(t, context) }
        let treeName = try unquote(t.value)
        _ = try expect(.rightDelim, context)
        try parseNamedTree(treeName, context)
    }

    /// The body of `{{define}}` or `{{block}}` up to its `{{end}}`: a tree of its own, with its own variables.
    private mutating func parseNamedTree(_ treeName: String, _ context: String) throws(GoTemplateParseError) {
        let saved = vars
        vars = ["$"]
        let (list, end) = try itemList()
        vars = saved
        guard case .end = end else { throw error("unexpected \(end.description) in \(context)") }
        try add(treeName, list)
    }

    /// What a list ends with.
    private enum Parsed {
        case node(GoTemplateNode)
        case end(pos: Int)
        case elseNode(pos: Int)

        var description: String {
            switch self {
            case .node(let n): return n.description
            case .end: return "{{end}}"
            case .elseNode: return "{{else}}"
            }
        }
    }

    private mutating func itemList() throws(GoTemplateParseError) -> ([GoTemplateNode], Parsed) {
        var list: [GoTemplateNode] = []
        while peekNonSpace().kind != .eof {
            let n = try textOrAction()
            switch n {
            case .end, .elseNode: return (list, n)
            case .node(let node): list.append(node)
            }
        }
        throw error("unexpected EOF")
    }

    private mutating func textOrAction() throws(GoTemplateParseError) -> Parsed {
        let token = nextNonSpace()
        switch token.kind {
        case .text: return .node(.text(pos: token.pos, token.value))
        case .leftDelim:
            actionLine = token.line
            defer { actionLine = 0 }
            return try action()
        case .comment: return .node(.comment(pos: token.pos))
        default: throw unexpected(token, "input")
        }
    }

    private mutating func action() throws(GoTemplateParseError) -> Parsed {
        let token = nextNonSpace()
        switch token.kind {
        case .block: return .node(try blockControl())
        case .breakKeyword, .continueKeyword:
            let word = token.kind == .breakKeyword ? "break" : "continue"
            let t = nextNonSpace()
            if t.kind != .rightDelim { throw unexpected(t, "{{\(word)}}") }
            if rangeDepth == 0 { throw error("{{\(word)}} outside {{range}}") }
            return .node(token.kind == .breakKeyword ? .breakNode(pos: token.pos) : .continueNode(pos: token.pos))
        case .elseKeyword:
            let p = peekNonSpace()
            if p.kind == .ifKeyword || p.kind == .with { return .elseNode(pos: p.pos) }
            let t = try expect(.rightDelim, "else")
            return .elseNode(pos: t.pos)
        case .end:
            let t = try expect(.rightDelim, "end")
            return .end(pos: t.pos)
        case .ifKeyword: return .node(.ifNode(try parseControl("if")))
        case .range: return .node(.range(try parseControl("range")))
        case .template: return .node(try templateControl())
        case .with: return .node(.with(try parseControl("with")))
        default:
            backup()
            let pos = peek().pos
            return .node(.action(pos: pos, try pipeline("command", end: .rightDelim)))
        }
    }

    private mutating func parseControl(_ context: String) throws(GoTemplateParseError) -> GoTemplateBranch {
        let savedVars = vars.count
        defer { vars.removeLast(vars.count - savedVars) }
        let pipe = try pipeline(context, end: .rightDelim)
        if context == "range" { rangeDepth += 1 }
        let (list, next) = try itemList()
        if context == "range" { rangeDepth -= 1 }
        var elseList: [GoTemplateNode]?
        if case .elseNode = next {
            if context == "if" && peek().kind == .ifKeyword {
                _ = self.next()
                elseList = [.ifNode(try parseControl("if"))]
            } else if context == "with" && peek().kind == .with {
                _ = self.next()
                elseList = [.with(try parseControl("with"))]
            } else {
                let (l, n) = try itemList()
                guard case .end = n else { throw error("expected end; found \(n.description)") }
                elseList = l
            }
        }
        return GoTemplateBranch(pos: pipe.pos, pipe: pipe, list: list, elseList: elseList)
    }

    private mutating func blockControl() throws(GoTemplateParseError) -> GoTemplateNode {
        let context = "block clause"
        let token = nextNonSpace()
        let blockName = try templateName(token, context)
        let pipe = try pipeline(context, end: .rightDelim)
        try parseNamedTree(blockName, context)
        return .template(pos: token.pos, name: blockName, pipe: pipe)
    }

    private mutating func templateControl() throws(GoTemplateParseError) -> GoTemplateNode {
        let context = "template clause"
        let token = nextNonSpace()
        let templateName = try templateName(token, context)
        var pipe: GoTemplatePipe?
        if nextNonSpace().kind != .rightDelim {
            backup()
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .template(pos: token.pos, name: templateName, pipe: pipe)
    }

    private func templateName(_ token: GoTemplateItem, _ context: String) throws(GoTemplateParseError) -> String {
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
        return try unquote(token.value)
    }

    // MARK: Pipelines

    private mutating func pipeline(_ context: String, end: GoTemplateItem.Kind) throws(GoTemplateParseError) -> GoTemplatePipe {
        var pipe = GoTemplatePipe(pos: peekNonSpace().pos)
        decls: while true {
            let v = peekNonSpace()
            guard v.kind == .variable else { break }
            let variableIndex = index
            _ = nextNonSpace()
            let tokenAfterVariable = peek()
            let next = peekNonSpace()
            if next.kind == .assign || next.kind == .declare {
                pipe.isAssign = next.kind == .assign
                _ = nextNonSpace()
                pipe.decl.append(GoTemplateVariable(pos: v.pos, ident: [v.value]))
                vars.append(v.value)
            } else if next.kind == .char && next.value == "," {
                _ = nextNonSpace()
                pipe.decl.append(GoTemplateVariable(pos: v.pos, ident: [v.value]))
                vars.append(v.value)
                if context == "range" && pipe.decl.count < 2 {
                    switch peekNonSpace().kind {
                    case .variable, .rightDelim, .rightParen: continue decls
                    default: throw error("range can only initialize variables")
                    }
                }
                throw error("too many declarations in \(context)")
            } else {
                // `$x foo` or `$x.y`: the variable is an operand, not a declaration.
                _ = tokenAfterVariable
                index = variableIndex
            }
            break
        }
        while true {
            let token = nextNonSpace()
            switch token.kind {
            case end:
                try checkPipeline(pipe, context)
                return pipe
            case .bool, .charConstant, .dot, .field, .identifier, .number, .nilKeyword, .rawString, .string,
                 .variable, .leftParen:
                backup()
                pipe.cmds.append(try command())
            default:
                throw unexpected(token, context)
            }
        }
    }

    private func checkPipeline(_ pipe: GoTemplatePipe, _ context: String) throws(GoTemplateParseError) {
        if pipe.cmds.isEmpty { throw error("missing value for \(context)") }
        for (i, c) in pipe.cmds.enumerated().dropFirst() {
            switch c.args[0] {
            case .bool, .dot, .nilValue, .number, .string:
                throw error("non executable command in pipeline stage \(i + 1)")
            default: break
            }
        }
    }

    private mutating func command() throws(GoTemplateParseError) -> GoTemplateCommand {
        var cmd = GoTemplateCommand(pos: peekNonSpace().pos, args: [])
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { cmd.args.append(operand) }
            let token = next()
            switch token.kind {
            case .space: continue
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(token, "operand")
            }
            break
        }
        if cmd.args.isEmpty { throw error("empty command") }
        return cmd
    }

    private mutating func operand() throws(GoTemplateParseError) -> GoTemplateOperand? {
        guard let node = try term() else { return nil }
        guard peek().kind == .field else { return node }
        let chainPos = peek().pos
        var fields: [String] = []
        while peek().kind == .field { fields.append(String(next().value.dropFirst())) }
        switch node {
        case .field(_, let ident): return .field(pos: chainPos, ident + fields)
        case .variable(let v): return .variable(GoTemplateVariable(pos: chainPos, ident: v.ident + fields))
        case .bool, .string, .number, .nilValue, .dot:
            throw error("unexpected . after term \(GoQuote.quote(node.description))")
        default: return .chain(pos: chainPos, node, fields)
        }
    }

    private mutating func term() throws(GoTemplateParseError) -> GoTemplateOperand? {
        let token = nextNonSpace()
        switch token.kind {
        case .identifier:
            if !functions.contains(token.value) { throw error("function \(GoQuote.quote(token.value)) not defined") }
            return .identifier(pos: token.pos, token.value)
        case .dot: return .dot(pos: token.pos)
        case .nilKeyword: return .nilValue(pos: token.pos)
        case .variable:
            if !vars.contains(token.value) { throw error("undefined variable \(GoQuote.quote(token.value))") }
            return .variable(GoTemplateVariable(pos: token.pos, ident: [token.value]))
        case .field: return .field(pos: token.pos, [String(token.value.dropFirst())])
        case .bool: return .bool(pos: token.pos, token.value == "true")
        case .charConstant, .number:
            do {
                return .number(try GoNumberLiteral.parse(token.value, pos: token.pos, isChar: token.kind == .charConstant))
            } catch {
                throw self.error(error.message)
            }
        case .leftParen: return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            return .string(pos: token.pos, quoted: token.value, text: try unquote(token.value))
        default:
            backup()
            return nil
        }
    }

    /// `strconv.Unquote` of a string or raw string token.
    private func unquote(_ quoted: String) throws(GoTemplateParseError) -> String {
        if quoted.hasPrefix("`") { return String(quoted.dropFirst().dropLast()) }
        guard let s = GoUnquote.unquoteExtended(quoted) else { throw error("invalid syntax") }
        return s
    }
}
