import KubeAPI

/// Why a template stopped: an execution error in Go's words, or one of kubelab's limits.
public enum GoTemplateFailure: Error, Sendable {
    /// `template: output:1:2: executing "output" at <.x.y>: ...`
    case execution(String)
    /// A kubelab limit (`go-template stopped at the step limit ...`), without the `kubelab:` prefix.
    case limit(String)
}

/// Runs a parsed template as Go's `text/template` executor does (`exec.go`): the same evaluation
/// order, the same "current node" for error positions, `missingkey=default` unless asked otherwise,
/// and budgets for steps, nesting and output.
struct GoTemplateExecutor {
    static let defaultStepLimit = 10_000_000
    static let depthLimit = 200
    static let outputLimit = 8 << 20

    /// Actions, commands and range iterations one execution may take.
    var stepLimit = defaultStepLimit

    let text: [UInt8]
    let trees: GoTemplateTrees
    let name: String
    var missingKeyIsError = false

    private(set) var output = ""
    private var outputBytes = 0
    private var steps = 0
    private var depth = 0
    private var templateName: String
    private var vars: [(name: String, value: GoTemplateValue)] = []
    /// The node errors point at (Go's `state.node`); its text is only rendered for an error.
    private var at: At?

    private enum At {
        case node(GoTemplateNode), pipe(GoTemplatePipe), command(GoTemplateCommand), operand(GoTemplateOperand)
        case variable(GoTemplateVariable), number(GoTemplateNumber)

        var pos: Int {
            switch self {
            case .node(let n): return n.pos
            case .pipe(let p): return p.pos
            case .command(let c): return c.pos
            case .operand(let o): return o.pos
            case .variable(let v): return v.pos
            case .number(let n): return n.pos
            }
        }

        var text: String {
            switch self {
            case .node(let n): return n.description
            case .pipe(let p): return p.description
            case .command(let c): return c.description
            case .operand(let o): return o.description
            case .variable(let v): return v.description
            case .number(let n): return n.text
            }
        }
    }

    init(text: String, trees: GoTemplateTrees, name: String) {
        self.text = Array(text.utf8)
        self.trees = trees
        self.name = name
        self.templateName = name
    }

    private enum Flow { case normal, breakLoop, continueLoop }

    mutating func execute(_ data: JSONValue) throws(GoTemplateFailure) {
        let dot = GoTemplateValue(json: data, boxed: false)
        vars = [("$", dot)]
        _ = try walkList(dot, trees.root)
    }

    // MARK: Errors

    private mutating func setAt(_ where: At) { at = `where` }

    private func failure(_ message: String) -> GoTemplateFailure {
        guard let at else { return .execution("template: \(templateName): \(message)") }
        let pos = at.pos
        let prefix = text[0..<min(pos, text.count)]
        let line = 1 + prefix.filter { $0 == 0x0A }.count
        let col = prefix.lastIndex(of: 0x0A).map { pos - ($0 + 1) } ?? pos
        return .execution("template: \(name):\(line):\(col): executing \(GoQuote.quote(templateName)) at <\(at.text)>: \(message)")
    }

    private mutating func step() throws(GoTemplateFailure) {
        steps += 1
        if steps > stepLimit {
            throw .limit("go-template stopped at the step limit (\(stepLimit) actions and range iterations per template)")
        }
    }

    private mutating func write(_ s: String) throws(GoTemplateFailure) {
        outputBytes += s.utf8.count
        if outputBytes > Self.outputLimit { throw .limit("go-template stopped at the output limit (8 MiB per template)") }
        output += s
    }

    // MARK: Walking

    private mutating func walkList(_ dot: GoTemplateValue, _ nodes: [GoTemplateNode]) throws(GoTemplateFailure) -> Flow {
        for n in nodes {
            let flow = try walk(dot, n)
            if flow != .normal { return flow }
        }
        return .normal
    }

    private mutating func walk(_ dot: GoTemplateValue, _ node: GoTemplateNode) throws(GoTemplateFailure) -> Flow {
        try step()
        setAt(.node(node))
        switch node {
        case .action(_, let pipe):
            let v = try evalPipeline(dot, pipe)
            if pipe.decl.isEmpty {
                setAt(.node(node))
                try write(v.isValid ? GoFmt.plain(v) : "<no value>")
            }
        case .breakNode: return .breakLoop
        case .continueNode: return .continueLoop
        case .comment: break
        case .ifNode(let b): return try walkIfOrWith(dot, b, isWith: false)
        case .with(let b): return try walkIfOrWith(dot, b, isWith: true)
        case .list(_, let nodes): return try walkList(dot, nodes)
        case .range(let b): return try walkRange(dot, b)
        case .template(_, let templateName, let pipe): try walkTemplate(dot, templateName, pipe)
        case .text(_, let t): try write(t)
        }
        return .normal
    }

    private mutating func walkIfOrWith(_ dot: GoTemplateValue, _ b: GoTemplateBranch, isWith: Bool) throws(GoTemplateFailure) -> Flow {
        let mark = vars.count
        defer { vars.removeLast(vars.count - mark) }
        let val = try evalPipeline(dot, b.pipe)
        if val.unboxed.truth {
            return try walkList(isWith ? val : dot, b.list)
        } else if let elseList = b.elseList {
            return try walkList(dot, elseList)
        }
        return .normal
    }

    private mutating func walkRange(_ dot: GoTemplateValue, _ r: GoTemplateBranch) throws(GoTemplateFailure) -> Flow {
        setAt(.node(.range(r)))
        let outerMark = vars.count
        defer { vars.removeLast(vars.count - outerMark) }
        let (val, _) = try evalPipeline(dot, r.pipe).indirect
        let mark = vars.count
        func oneIteration(_ s: inout GoTemplateExecutor, _ index: GoTemplateValue, _ elem: GoTemplateValue) throws(GoTemplateFailure) -> Flow {
            try s.step()
            if !r.pipe.decl.isEmpty {
                if r.pipe.isAssign {
                    try s.setVar(r.pipe.decl[0].ident[0], r.pipe.decl.count > 1 ? index : elem)
                } else {
                    s.vars[s.vars.count - 1].value = elem
                }
            }
            if r.pipe.decl.count > 1 {
                if r.pipe.isAssign { try s.setVar(r.pipe.decl[1].ident[0], elem) }
                else { s.vars[s.vars.count - 2].value = index }
            }
            defer { s.vars.removeLast(s.vars.count - mark) }
            return try s.walkList(elem, r.list)
        }
        var iterated = false
        switch val.kind {
        case .slice(let a) where !a.isEmpty:
            iterated = true
            for (i, e) in a.enumerated() {
                if try oneIteration(&self, .int(i), GoTemplateValue(json: e, boxed: true)) == .breakLoop { break }
            }
        case .map(let m) where !m.isEmpty:
            iterated = true
            for key in GoTemplateValue.sortedKeys(m) {
                if try oneIteration(&self, .string(key), GoTemplateValue(json: m[key] ?? .null, boxed: true)) == .breakLoop { break }
            }
        case .slice, .map, .invalid:
            break
        default:
            throw failure("range can't iterate over \(GoFmt.plain(val))")
        }
        if !iterated, let elseList = r.elseList { return try walkList(dot, elseList) }
        return .normal
    }

    private mutating func walkTemplate(_ dot: GoTemplateValue, _ calledName: String, _ pipe: GoTemplatePipe?) throws(GoTemplateFailure) {
        guard let root = calledName == name ? trees.root : trees.named[calledName] else {
            throw failure("template \(GoQuote.quote(calledName)) not defined")
        }
        if depth >= Self.depthLimit {
            throw .limit("go-template stopped at the nesting limit (\(Self.depthLimit) templates calling templates)")
        }
        var newDot = GoTemplateValue.invalid
        if let pipe { newDot = try evalPipeline(dot, pipe) }
        let savedVars = vars
        let savedName = templateName
        vars = [("$", newDot)]
        templateName = calledName
        depth += 1
        defer {
            depth -= 1
            vars = savedVars
            templateName = savedName
        }
        _ = try walkList(newDot, root)
    }

    // MARK: Variables

    private mutating func setVar(_ name: String, _ value: GoTemplateValue) throws(GoTemplateFailure) {
        for i in stride(from: vars.count - 1, through: 0, by: -1) where vars[i].name == name {
            vars[i].value = value
            return
        }
        throw failure("undefined variable: \(name)")
    }

    private func varValue(_ name: String) throws(GoTemplateFailure) -> GoTemplateValue {
        for i in stride(from: vars.count - 1, through: 0, by: -1) where vars[i].name == name { return vars[i].value }
        throw failure("undefined variable: \(name)")
    }

    // MARK: Pipelines and commands

    mutating func evalPipeline(_ dot: GoTemplateValue, _ pipe: GoTemplatePipe) throws(GoTemplateFailure) -> GoTemplateValue {
        setAt(.pipe(pipe))
        var value: GoTemplateValue? = nil
        for cmd in pipe.cmds {
            try step()
            var v = try evalCommand(dot, cmd, final: value)
            // An interface{} result is replaced by what it holds (Go: "lovely!").
            if v.boxed { v = v.unboxed }
            value = v
        }
        let result = value ?? .invalid
        for variable in pipe.decl {
            if pipe.isAssign { try setVar(variable.ident[0], result) }
            else { vars.append((variable.ident[0], result)) }
        }
        return result
    }

    private mutating func notAFunction(_ args: [GoTemplateOperand], _ final: GoTemplateValue?) throws(GoTemplateFailure) {
        if args.count > 1 || final != nil { throw failure("can't give argument to non-function \(args[0].description)") }
    }

    private mutating func evalCommand(_ dot: GoTemplateValue, _ cmd: GoTemplateCommand, final: GoTemplateValue?)
        throws(GoTemplateFailure) -> GoTemplateValue
    {
        let first = cmd.args[0]
        switch first {
        case .field(_, let ident): return try evalFieldNode(dot, first, ident, args: cmd.args, final: final)
        case .chain(_, let node, let fields): return try evalChain(dot, first, node, fields, args: cmd.args, final: final)
        case .identifier(_, let fname): return try evalFunction(dot, first, fname, cmd: cmd, args: cmd.args, final: final)
        case .pipe(let p):
            try notAFunction(cmd.args, final)
            return try evalPipeline(dot, p)
        case .variable(let v): return try evalVariable(dot, v, args: cmd.args, final: final)
        default: break
        }
        setAt(.operand(first))
        try notAFunction(cmd.args, final)
        switch first {
        case .bool(_, let b): return .bool(b)
        case .dot: return dot
        case .nilValue: throw failure("nil is not a command")
        case .number(let n): return try idealConstant(n)
        case .string(_, _, let s): return .string(s)
        default: throw failure("can't evaluate command \(GoQuote.quote(first.description))")
        }
    }

    private mutating func idealConstant(_ n: GoTemplateNumber) throws(GoTemplateFailure) -> GoTemplateValue {
        setAt(.number(n))
        let isHexInt = n.text.count > 2 && n.text.hasPrefix("0") && "xX".contains(Array(n.text)[1])
            && !n.text.contains(where: { "pP".contains($0) })
        let isRuneInt = n.text.hasPrefix("'")
        if n.isFloat && !isHexInt && !isRuneInt && n.text.contains(where: { ".eEpP".contains($0) }) {
            return GoTemplateValue(.float(n.float64))
        }
        if n.isInt { return GoTemplateValue(.int(n.int64, .int)) }
        if n.isUint { throw failure("\(n.text) overflows int") }
        return .invalid
    }

    private mutating func evalFieldNode(_ dot: GoTemplateValue, _ node: GoTemplateOperand, _ ident: [String],
                                        args: [GoTemplateOperand], final: GoTemplateValue?) throws(GoTemplateFailure) -> GoTemplateValue
    {
        setAt(.operand(node))
        return try evalFieldChain(dot, dot, ident, args: args, final: final)
    }

    private mutating func evalChain(_ dot: GoTemplateValue, _ node: GoTemplateOperand, _ base: GoTemplateOperand, _ fields: [String],
                                    args: [GoTemplateOperand], final: GoTemplateValue?) throws(GoTemplateFailure) -> GoTemplateValue
    {
        setAt(.operand(node))
        if case .nilValue = base { throw failure("indirection through explicit nil in \(node.description)") }
        let pipe = try evalArg(dot, .untyped, base)
        return try evalFieldChain(dot, pipe, fields, args: args, final: final)
    }

    private mutating func evalVariable(_ dot: GoTemplateValue, _ v: GoTemplateVariable, args: [GoTemplateOperand],
                                       final: GoTemplateValue?) throws(GoTemplateFailure) -> GoTemplateValue
    {
        setAt(.variable(v))
        let value = try varValue(v.ident[0])
        if v.ident.count == 1 {
            try notAFunction(args, final)
            return value
        }
        return try evalFieldChain(dot, value, Array(v.ident.dropFirst()), args: args, final: final)
    }

    private mutating func evalFieldChain(_ dot: GoTemplateValue, _ receiver: GoTemplateValue, _ ident: [String],
                                         args: [GoTemplateOperand], final: GoTemplateValue?) throws(GoTemplateFailure) -> GoTemplateValue
    {
        var r = receiver
        for name in ident.dropLast() { r = try evalField(name, args: [], final: nil, receiver: r) }
        return try evalField(ident[ident.count - 1], args: args, final: final, receiver: r)
    }

    private mutating func evalField(_ fieldName: String, args: [GoTemplateOperand], final: GoTemplateValue?,
                                    receiver: GoTemplateValue) throws(GoTemplateFailure) -> GoTemplateValue
    {
        if !receiver.isValid {
            if missingKeyIsError { throw failure("nil data; no entry for key \(GoQuote.quote(fieldName))") }
            return .invalid
        }
        let typ = receiver.typeName
        let (r, isNil) = receiver.indirect
        if isNil { throw failure("nil pointer evaluating \(typ).\(fieldName)") }
        let hasArgs = args.count > 1 || final != nil
        if case .map(let m) = r.kind {
            if hasArgs { throw failure("\(fieldName) is not a method but has arguments") }
            if let v = m[fieldName] { return GoTemplateValue(json: v, boxed: true) }
            if missingKeyIsError { throw failure("map has no entry for key \(GoQuote.quote(fieldName))") }
            return .invalid
        }
        throw failure("can't evaluate field \(fieldName) in type \(typ)")
    }

    // MARK: Functions

    /// The parameter types Go's reflection checks arguments against.
    enum ParamType {
        /// `reflect.Value` (the builtins): anything, a missing value stays invalid.
        case value
        /// `interface {}` / `any`: anything, a missing value becomes nil.
        case any
        case string
        /// No type (the operand of a chain).
        case untyped
    }

    private mutating func evalFunction(_ dot: GoTemplateValue, _ node: GoTemplateOperand, _ fname: String, cmd: GoTemplateCommand,
                                       args: [GoTemplateOperand], final: GoTemplateValue?) throws(GoTemplateFailure) -> GoTemplateValue
    {
        setAt(.operand(node))
        guard let f = GoTemplateFunctions.all[fname] else { throw failure("\(GoQuote.quote(fname)) is not a defined function") }
        let callArgs = Array(args.dropFirst())
        let numIn = callArgs.count + (final == nil ? 0 : 1)
        if let variadic = f.variadic {
            _ = variadic
            if numIn < f.fixed.count {
                throw failure("wrong number of args for \(fname): want at least \(f.fixed.count) got \(callArgs.count)")
            }
        } else if numIn != f.fixed.count {
            throw failure("wrong number of args for \(fname): want \(f.fixed.count) got \(numIn)")
        }
        if fname == "and" || fname == "or" {
            var v = GoTemplateValue.invalid
            for a in callArgs {
                v = try evalArg(dot, .value, a)
                if v.unboxed.truth == (fname == "or") { return v }
            }
            if let final { v = try validateType(final, .value) }
            return v
        }
        var argv: [GoTemplateValue] = []
        for (i, a) in callArgs.enumerated() {
            let t = i < f.fixed.count ? f.fixed[i] : f.variadic!
            argv.append(try evalArg(dot, t, a))
        }
        if let final {
            let t = numIn - 1 < f.fixed.count ? f.fixed[numIn - 1] : f.variadic!
            argv.append(try validateType(final, t))
        }
        do {
            return try f.body(argv, fname == "call" ? callArgs.first?.description ?? "" : "")
        } catch {
            setAt(.command(cmd))
            switch error {
            case .call(let message): throw failure("error calling \(fname): \(message)")
            case .tooLarge: throw .limit("go-template stopped at the output limit (8 MiB per template)")
            }
        }
    }

    private mutating func evalArg(_ dot: GoTemplateValue, _ typ: ParamType, _ n: GoTemplateOperand) throws(GoTemplateFailure) -> GoTemplateValue {
        setAt(.operand(n))
        switch n {
        case .dot: return try validateType(dot, typ)
        case .nilValue:
            switch typ {
            case .value, .any, .untyped: return typ == .value ? .invalid : .null
            case .string: throw failure("cannot assign nil to string")
            }
        case .field(_, let ident): return try validateType(try evalFieldNode(dot, n, ident, args: [n], final: nil), typ)
        case .variable(let v): return try validateType(try evalVariable(dot, v, args: [], final: nil), typ)
        case .pipe(let p): return try validateType(try evalPipeline(dot, p), typ)
        case .identifier(_, let fname):
            return try validateType(try evalFunction(dot, n, fname, cmd: GoTemplateCommand(pos: n.pos, args: [n]), args: [n], final: nil), typ)
        case .chain(_, let base, let fields): return try validateType(try evalChain(dot, n, base, fields, args: [], final: nil), typ)
        default: break
        }
        switch typ {
        case .string:
            if case .string(_, _, let s) = n { return .string(s) }
            throw failure("expected string; found \(n.description)")
        case .value, .any, .untyped:
            switch n {
            case .bool(_, let b): return .bool(b)
            case .number(let num): return try idealConstant(num)
            case .string(_, _, let s): return .string(s)
            default: throw failure("can't handle \(n.description) for arg of type interface {}")
            }
        }
    }

    private func validateType(_ value: GoTemplateValue, _ typ: ParamType) throws(GoTemplateFailure) -> GoTemplateValue {
        switch typ {
        case .untyped, .value: return value
        case .any: return value.isValid ? value : .null
        case .string:
            guard value.isValid else { throw failure("invalid value; expected string") }
            if case .string = value.kind { return value.unboxed }
            throw failure("wrong type for value; expected string; got \(value.isNullInterface ? "interface {}" : value.dynamicTypeName)")
        }
    }
}
