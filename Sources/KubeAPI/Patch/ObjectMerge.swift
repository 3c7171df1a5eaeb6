/// The one merge of a patch document into an object. JSON merge patch (RFC 7386), strategic merge
/// patch (`k8s.io/apimachinery/pkg/util/strategicpatch`) and kubectl apply's three-way merge all
/// come here: a null deletes a key, maps merge key by key, anything else is replaced. A strategic
/// merge additionally reads the `$patch`, `$retainKeys`, `$setElementOrder/` and
/// `$deleteFromPrimitiveList/` directives and merges the lists its schema tags (see `PatchStrategies`)
/// element by element.
public struct ObjectMerge {
    /// A patch the strategic merge cannot apply, in apimachinery's words.
    public struct Failure: Error, Equatable, Sendable {
        public let message: String
    }

    /// Whether directives and merge keys count; false is plain RFC 7386.
    let strategic: Bool

    static let directive = "$patch"
    static let retainKeys = "$retainKeys"
    static let setElementOrder = "$setElementOrder/"
    static let deleteFromPrimitiveList = "$deleteFromPrimitiveList/"

    /// RFC 7386: `patch` merged into `original`.
    public static func mergePatch(_ patch: JSONValue, into original: JSONValue) -> JSONValue {
        // A plain merge has no directives, so it cannot fail.
        (try? ObjectMerge(strategic: false).merge(original, patch, schema: nil)) ?? patch
    }

    /// A strategic merge patch of an object of `kind` (its schema gives the merge keys).
    public static func strategicMerge(_ patch: JSONValue, into original: JSONValue, kind: String) throws(Failure) -> JSONValue {
        try ObjectMerge(strategic: true).merge(original, patch, schema: KindRegistry.descriptor(forKind: kind)?.schema)
    }

    func merge(_ original: JSONValue, _ patch: JSONValue, schema: ObjectSchema?) throws(Failure) -> JSONValue {
        guard let patchMap = patch.object else { return patch }
        return try mergeMap(original.object ?? [:], patchMap, schema: schema)
    }

    private func mergeMap(_ original: JSONObject, _ patch: JSONObject, schema: ObjectSchema?) throws(Failure) -> JSONValue {
        var result = original
        if strategic {
            switch patch[Self.directive]?.string {
            case nil, "merge": break
            case "replace": return cleaned(.object(patch))
            case "delete": return .emptyObject
            case let other?: throw Failure(message: "Unknown patch type: \(other) in map: \(GoFormat.map(.object(patch)))")
            }
            if let retained = patch[Self.retainKeys] {
                let keep = Set(retained.items.compactMap(\.string))
                for key in Array(result.keys) where !keep.contains(key) { result[key] = nil }
            }
        }
        for (key, value) in patch {
            if strategic && Self.isDirective(key) {
                if key.hasPrefix(Self.deleteFromPrimitiveList) {
                    let field = String(key.dropFirst(Self.deleteFromPrimitiveList.count))
                    let gone = value.items
                    if let list = result[field]?.array { result[field] = .array(list.filter { !gone.contains($0) }) }
                }
                continue
            }
            if value.isNull {
                result[key] = nil
                continue
            }
            let field = schema?.field(key)
            guard let current = result[key], !current.isNull else {
                result[key] = cleaned(value)
                continue
            }
            switch (current, value) {
            case (.object, .object):
                result[key] = try merge(current, value, schema: field?.type.innerObject)
            case (.array(let have), .array(let given)) where strategic:
                if let schema, let how = PatchStrategies.list(schema.name, key) {
                    result[key] = .array(try mergeList(have, given, mergeKey: how.mergeKey, element: field?.type.innerObject))
                } else {
                    result[key] = cleaned(value)
                }
            default:
                result[key] = cleaned(value)
            }
        }
        if strategic {
            for (key, order) in patch where key.hasPrefix(Self.setElementOrder) {
                let field = String(key.dropFirst(Self.setElementOrder.count))
                guard let list = result[field]?.array, let schema, let how = PatchStrategies.list(schema.name, field) else { continue }
                let (listed, others) = list.partitioned { item in order.items.contains { Self.same($0, item, key: how.mergeKey) } }
                let sortedListed = Self.ordered(listed, by: order.items, key: how.mergeKey)
                result[field] = .array(Self.interleave(others, sortedListed, serverOrder: original[field]?.items ?? [], key: how.mergeKey))
            }
        }
        return .object(result)
    }

    /// `mergeSlice`: scalars as a set; maps by merge key, with `$patch: replace|delete` elements.
    private func mergeList(_ original: [JSONValue], _ patch: [JSONValue], mergeKey: String?, element: ObjectSchema?) throws(Failure) -> [JSONValue] {
        guard let mergeKey else {
            var merged: [JSONValue] = []
            for v in original + patch where !merged.contains(v) { merged.append(v) }
            return merged
        }
        var kept = original
        var given: [JSONValue] = []
        for item in patch {
            switch item[Self.directive].string {
            case "replace":
                return patch.filter { $0[Self.directive].isNull }.map(cleaned)
            case "delete":
                let key = item[mergeKey]
                guard !key.isNull else {
                    throw Failure(message: "map: \(GoFormat.map(item)) does not contain declared merge key: \(mergeKey)")
                }
                kept.removeAll { $0[mergeKey] == key }
            case nil:
                given.append(item)
            case "merge":
                throw Failure(message: "merging lists cannot yet be specified in the patch")
            case let other?:
                throw Failure(message: "Unknown patch type: \(other) in map: \(GoFormat.map(item))")
            }
        }
        var merged = kept
        for item in given {
            let key = item[mergeKey]
            guard !key.isNull else {
                throw Failure(message: "map: \(GoFormat.map(item)) does not contain declared merge key: \(mergeKey)")
            }
            if let i = merged.firstIndex(where: { $0[mergeKey] == key }) {
                merged[i] = try merge(merged[i], item, schema: element)
            } else {
                merged.append(cleaned(item))
            }
        }
        // `normalizeElementOrder`: the patch's elements in patch order, woven into the others' original order.
        let (fromPatch, serverOnly) = merged.partitioned { m in given.contains { Self.same($0, m, key: mergeKey) } }
        return Self.interleave(serverOnly, Self.ordered(fromPatch, by: given, key: mergeKey), serverOrder: original, key: mergeKey)
    }

    /// The value as stored: nulls dropped (RFC 7386 §2) and, in a strategic merge, directives too.
    private func cleaned(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let o):
            var out = JSONObject(minimumCapacity: o.count)
            for (k, v) in o where !v.isNull && !(strategic && Self.isDirective(k)) { out[k] = cleaned(v) }
            return .object(out)
        case .array(let a) where strategic:
            return .array(a.map(cleaned))
        default:
            return value
        }
    }

    /// The keys a strategic merge patch reads as directives; any other key is a field, even one starting with `$`.
    static func isDirective(_ key: String) -> Bool {
        key == directive || key == retainKeys || key.hasPrefix(setElementOrder) || key.hasPrefix(deleteFromPrimitiveList)
    }

    static func same(_ a: JSONValue, _ b: JSONValue, key: String?) -> Bool {
        guard let key else { return a == b }
        return !a[key].isNull && a[key] == b[key]
    }

    static func index(of item: JSONValue, in list: [JSONValue], key: String?) -> Int? {
        list.firstIndex { same($0, item, key: key) }
    }

    /// `items` sorted by where they appear in `order` (items not in it keep their place at the end).
    static func ordered(_ items: [JSONValue], by order: [JSONValue], key: String?) -> [JSONValue] {
        items.enumerated().sorted { a, b in
            let ia = index(of: a.element, in: order, key: key) ?? Int.max, ib = index(of: b.element, in: order, key: key) ?? Int.max
            return ia != ib ? ia < ib : a.offset < b.offset
        }.map(\.element)
    }

    /// `mergeSortedSlice`: inserts each of `left` before the first of `right` that the original
    /// order puts after it; items the original lacks go after.
    static func interleave(_ left: [JSONValue], _ right: [JSONValue], serverOrder: [JSONValue], key: String?) -> [JSONValue] {
        var out: [JSONValue] = []
        out.reserveCapacity(left.count + right.count)
        var i = 0, j = 0
        while i < left.count || j < right.count {
            if i >= left.count { out.append(right[j]); j += 1; continue }
            if j >= right.count { out.append(left[i]); i += 1; continue }
            if let li = index(of: left[i], in: serverOrder, key: key), let ri = index(of: right[j], in: serverOrder, key: key), li < ri {
                out.append(left[i]); i += 1
            } else {
                out.append(right[j]); j += 1
            }
        }
        return out
    }
}

extension Array {
    /// The elements that satisfy `belongs`, and the rest, each in their order.
    func partitioned(_ belongs: (Element) -> Bool) -> ([Element], [Element]) {
        var yes: [Element] = [], no: [Element] = []
        for e in self { if belongs(e) { yes.append(e) } else { no.append(e) } }
        return (yes, no)
    }
}

extension GoFormat {
    /// Go's `%v` of a decoded JSON value (`map[image:nginx name:web]`, keys sorted), as
    /// apimachinery's patch errors print the element they could not place.
    static func map(_ value: JSONValue) -> String {
        switch value {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return JSONText.number(d)
        case .string(let s): return s
        case .array(let a): return "[" + a.map(map).joined(separator: " ") + "]"
        case .object(let o):
            return "map[" + o.elements.sorted { $0.key < $1.key }.map { "\($0.key):\(map($0.value))" }.joined(separator: " ") + "]"
        }
    }
}

extension JSONValue {
    /// The same value with its keys in `reference`'s order where `reference` has them (new keys
    /// after), looking into maps and into list elements at the same index. A patch travels as
    /// JSON whose key order means nothing; stored objects keep an order, so this keeps a patch
    /// that restores an old template from looking like a change of every key.
    public func keysOrdered(like reference: JSONValue) -> JSONValue {
        switch (self, reference) {
        case (.object(let o), .object(let r)):
            var out = JSONObject(minimumCapacity: o.count)
            for (key, old) in r { if let v = o[key] { out[key] = v.keysOrdered(like: old) } }
            for (key, v) in o where r[key] == nil { out[key] = v }
            return .object(out)
        case (.array(let a), .array(let r)):
            return .array(a.enumerated().map { i, v in i < r.count ? v.keysOrdered(like: r[i]) : v })
        default:
            return self
        }
    }
}
