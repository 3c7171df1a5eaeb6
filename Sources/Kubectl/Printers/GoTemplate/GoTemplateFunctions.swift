import KubeAPI

/// Why a function call failed: Go's error text (shown after `error calling NAME: `), or the output limit.
enum GoTemplateCallError: Error {
    case call(String)
    case tooLarge
}

/// The functions a kubectl go-template can call: Go's builtins (`text/template/funcs.go`) and
/// kubectl's `exists` and `base64decode` (`cli-runtime/pkg/printers/template.go`).
struct GoTemplateFunction: Sendable {
    typealias P = GoTemplateExecutor.ParamType
    var fixed: [P]
    var variadic: P?
    /// Arguments as evaluated, and for `call` the callee's text.
    var body: @Sendable ([GoTemplateValue], String) throws(GoTemplateCallError) -> GoTemplateValue
}

enum GoTemplateFunctions {
    static let all: [String: GoTemplateFunction] = [
        "and": GoTemplateFunction(fixed: [.value], variadic: .value) { a, _ in a.last ?? .invalid },
        "or": GoTemplateFunction(fixed: [.value], variadic: .value) { a, _ in a.last ?? .invalid },
        "not": GoTemplateFunction(fixed: [.value], variadic: nil) { a, _ in .bool(!a[0].unboxed.truth) },
        "len": GoTemplateFunction(fixed: [.value], variadic: nil) { a, _ throws(GoTemplateCallError) in try length(a[0]) },
        "index": GoTemplateFunction(fixed: [.value], variadic: .value) { a, _ throws(GoTemplateCallError) in
            try index(a[0], Array(a.dropFirst()))
        },
        "slice": GoTemplateFunction(fixed: [.value], variadic: .value) { a, _ throws(GoTemplateCallError) in
            try slice(a[0], Array(a.dropFirst()))
        },
        "print": GoTemplateFunction(fixed: [], variadic: .any) { a, _ throws(GoTemplateCallError) in
            .string(try fmt { () throws(GoFmt.TooLarge) in try GoFmt.sprint(a) })
        },
        "println": GoTemplateFunction(fixed: [], variadic: .any) { a, _ throws(GoTemplateCallError) in
            .string(try fmt { () throws(GoFmt.TooLarge) in try GoFmt.sprintln(a) })
        },
        "printf": GoTemplateFunction(fixed: [.string], variadic: .any) { a, _ throws(GoTemplateCallError) in
            guard case .string(let format) = a[0].kind else { return .string("") }
            return .string(try fmt { () throws(GoFmt.TooLarge) in try GoFmt.sprintf(format, Array(a.dropFirst())) })
        },
        "html": GoTemplateFunction(fixed: [], variadic: .any) { a, _ throws(GoTemplateCallError) in
            .string(GoEscapers.html(try escaperArgs(a)))
        },
        "js": GoTemplateFunction(fixed: [], variadic: .any) { a, _ throws(GoTemplateCallError) in
            .string(GoEscapers.js(try escaperArgs(a)))
        },
        "urlquery": GoTemplateFunction(fixed: [], variadic: .any) { a, _ throws(GoTemplateCallError) in
            .string(GoEscapers.urlQuery(try escaperArgs(a)))
        },
        "eq": GoTemplateFunction(fixed: [.value], variadic: .value) { a, _ throws(GoTemplateCallError) in
            .bool(try GoCompare.eq(a[0], Array(a.dropFirst())))
        },
        "ne": GoTemplateFunction(fixed: [.value, .value], variadic: nil) { a, _ throws(GoTemplateCallError) in
            .bool(!(try GoCompare.eq(a[0], [a[1]])))
        },
        "lt": GoTemplateFunction(fixed: [.value, .value], variadic: nil) { a, _ throws(GoTemplateCallError) in
            .bool(try GoCompare.lt(a[0], a[1]))
        },
        "le": GoTemplateFunction(fixed: [.value, .value], variadic: nil) { a, _ throws(GoTemplateCallError) in
            .bool(try lessOrEqual(a[0], a[1]))
        },
        "gt": GoTemplateFunction(fixed: [.value, .value], variadic: nil) { a, _ throws(GoTemplateCallError) in
            .bool(!(try lessOrEqual(a[0], a[1])))
        },
        "ge": GoTemplateFunction(fixed: [.value, .value], variadic: nil) { a, _ throws(GoTemplateCallError) in
            .bool(!(try GoCompare.lt(a[0], a[1])))
        },
        "call": GoTemplateFunction(fixed: [.value], variadic: .value) { a, callee throws(GoTemplateCallError) in
            let fn = a[0].unboxed
            if !fn.isValid { throw .call("call of nil") }
            throw .call("non-function \(callee) of type \(fn.dynamicTypeName)")
        },
        "exists": GoTemplateFunction(fixed: [.any], variadic: .any) { a, _ in .bool(exists(a[0], Array(a.dropFirst()))) },
        "base64decode": GoTemplateFunction(fixed: [.string], variadic: nil) { a, _ throws(GoTemplateCallError) in
            guard case .string(let s) = a[0].kind else { return .string("") }
            switch GoBase64.decode(s) {
            case .success(let bytes): return .string(String(decoding: bytes, as: UTF8.self))
            case .failure(let offset): throw .call("base64 decode failed: illegal base64 data at input byte \(offset)")
            }
        },
    ]

    static var names: Set<String> { Set(all.keys) }

    /// `le`: `lt`, then `eq` (whose errors win only when `lt` had none).
    private static func lessOrEqual(_ a: GoTemplateValue, _ b: GoTemplateValue) throws(GoTemplateCallError) -> Bool {
        if try GoCompare.lt(a, b) { return true }
        return try GoCompare.eq(a, [b])
    }

    private static func fmt(_ body: () throws(GoFmt.TooLarge) -> String) throws(GoTemplateCallError) -> String {
        do { return try body() } catch { throw .tooLarge }
    }

    /// `evalArgs` of the escapers: one string as it is, anything else through `fmt.Sprint`, missing values as `<no value>`.
    private static func escaperArgs(_ args: [GoTemplateValue]) throws(GoTemplateCallError) -> String {
        if args.count == 1, case .string(let s) = args[0].kind { return s }
        let printable = args.map { $0.isNullInterface || !$0.isValid ? GoTemplateValue.string("<no value>") : $0 }
        return try fmt { () throws(GoFmt.TooLarge) in try GoFmt.sprint(printable) }
    }

    static func length(_ item: GoTemplateValue) throws(GoTemplateCallError) -> GoTemplateValue {
        if !item.isValid { throw .call("reflect: call of reflect.Value.Type on zero Value") }
        let (v, isNil) = item.indirect
        if isNil { throw .call("len of nil pointer") }
        guard let n = v.length else { throw .call("len of type \(v.typeName)") }
        return .int(n)
    }

    /// An index argument as `indexArg` reads it.
    private static func indexArg(_ index: GoTemplateValue, cap: Int) throws(GoTemplateCallError) -> Int {
        let x: Int64
        switch index.kind {
        case .int(let i, _) where !index.boxed: x = i
        case .invalid: throw .call("cannot index slice/array with nil")
        default: throw .call("cannot index slice/array with type \(index.typeName)")
        }
        if x < 0 || x > Int64(cap) { throw .call("index out of range: \(x)") }
        return Int(x)
    }

    static func index(_ item: GoTemplateValue, _ indexes: [GoTemplateValue]) throws(GoTemplateCallError) -> GoTemplateValue {
        var item = item.unboxed
        if !item.isValid { throw .call("index of untyped nil") }
        for index in indexes {
            let index = index.unboxed
            let (v, isNil) = item.indirect
            if isNil { throw .call("index of nil pointer") }
            switch v.kind {
            case .slice(let a):
                let x = try indexArg(index, cap: a.count)
                if x == a.count { throw .call("index out of range: \(x)") }
                item = GoTemplateValue(json: a[x], boxed: true)
            case .string(let s):
                let bytes = Array(s.utf8)
                let x = try indexArg(index, cap: bytes.count)
                if x == bytes.count { throw .call("index out of range: \(x)") }
                item = GoTemplateValue(.int(Int64(bytes[x]), .uint8))
            case .map(let m):
                guard index.isValid else { throw .call("value is nil; should be of type string") }
                guard case .string(let key) = index.kind else {
                    throw .call("value has type \(index.typeName); should be string")
                }
                item = m[key].map { GoTemplateValue(json: $0, boxed: true) } ?? .null
            default:
                throw .call("can't index item of type \(v.typeName)")
            }
        }
        return item
    }

    static func slice(_ item: GoTemplateValue, _ indexes: [GoTemplateValue]) throws(GoTemplateCallError) -> GoTemplateValue {
        let item = item.unboxed
        if !item.isValid { throw .call("slice of untyped nil") }
        if indexes.count > 3 { throw .call("too many slice indexes: \(indexes.count)") }
        let count: Int
        switch item.kind {
        case .string(let s):
            if indexes.count == 3 { throw .call("cannot 3-index slice a string") }
            count = s.utf8.count
        case .slice(let a): count = a.count
        default: throw .call("can't slice item of type \(item.typeName)")
        }
        var idx = [0, count, count]
        for (i, index) in indexes.enumerated() { idx[i] = try indexArg(index, cap: count) }
        if idx[0] > idx[1] { throw .call("invalid slice index: \(idx[0]) > \(idx[1])") }
        if indexes.count == 3 && idx[1] > idx[2] { throw .call("invalid slice index: \(idx[1]) > \(idx[2])") }
        switch item.kind {
        case .string(let s): return .string(String(decoding: Array(s.utf8)[idx[0]..<idx[1]], as: UTF8.self))
        case .slice(let a): return GoTemplateValue(.slice(Array(a[idx[0]..<idx[1]])))
        default: return .invalid
        }
    }

    /// kubectl's `exists`: whether `index` with these arguments would find a non-nil value.
    static func exists(_ item: GoTemplateValue, _ indices: [GoTemplateValue]) -> Bool {
        // `reflect.ValueOf(item)`: what the interface holds, so a nil item is the zero Value.
        var v = item.unboxed
        for index in indices {
            let (cur, isNil) = v.indirect
            if isNil || !cur.isValid { return false }
            let index = index.unboxed
            switch cur.kind {
            case .slice(let a):
                guard case .int(let x, _) = index.kind, x >= 0, x < Int64(a.count) else { return false }
                v = GoTemplateValue(json: a[Int(x)], boxed: true)
            case .string(let s):
                guard case .int(let x, _) = index.kind, x >= 0, x < Int64(s.utf8.count) else { return false }
                v = GoTemplateValue(.int(Int64(Array(s.utf8)[Int(x)]), .uint8))
            case .map(let m):
                guard case .string(let key) = index.kind else { return false }
                v = m[key].map { GoTemplateValue(json: $0, boxed: true) } ?? .null
            default:
                return false
            }
        }
        return !v.indirect.isNil
    }

}
