/// The members of a JSON object: string keys in insertion order, each with a value.
///
/// Kept in one contiguous array of key/value pairs so an object costs one allocation and one
/// reference (an `OrderedDictionary` holds three buffers, and every read retains all of them).
/// API objects have few keys per level, so lookups scan linearly; only objects that grow past
/// `indexThreshold` keys (big ConfigMaps, YAML maps) also keep a key → position table so their
/// lookups stay constant time. Small objects pay one empty word for that table.
public struct JSONObject: Sendable {
    public typealias Element = (key: String, value: JSONValue)

    /// One stored member. A struct rather than the `Element` tuple: copying an object's storage
    /// (a write to a shared object) and freeing it then run the compiler's code for this type,
    /// where a tuple goes through the runtime's generic per-field witnesses, about a third more work.
    /// The key comes first, at offset 0, which `scanKeys` relies on.
    public struct Member: Sendable {
        public var key: String
        public var value: JSONValue

        @inlinable
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order; the single source of truth.
    @usableFromInline internal var entries: ContiguousArray<Member>
    /// Key → position in `entries`, present only while the object is large.
    @usableFromInline internal var positions: [String: Int]?

    /// Above this many keys a linear scan costs more than hashing the key.
    @usableFromInline static var indexThreshold: Int { 32 }
    /// The table is dropped again only well below the threshold, so an object hovering around
    /// it does not rebuild the table on every insert and removal.
    @usableFromInline static var unindexThreshold: Int { 16 }

    @inlinable
    public init() {
        entries = []
        positions = nil
    }

    /// An empty object sized for `minimumCapacity` keys, for objects built at their final size.
    @inlinable
    public init(minimumCapacity: Int) {
        self.init()
        reserveCapacity(minimumCapacity)
    }

    /// Builds from pairs; a repeated key keeps its first position and its last value.
    @inlinable
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, JSONValue) {
        self.init()
        entries.reserveCapacity(pairs.underestimatedCount)
        for (key, value) in pairs { self[key] = value }
    }

    // MARK: Size

    @inlinable public var count: Int { entries.count }
    @inlinable public var isEmpty: Bool { entries.isEmpty }

    @inlinable
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        entries.reserveCapacity(Swift.max(0, minimumCapacity))
    }

    // MARK: Views

    /// The keys in order.
    @inlinable public var keys: LazyMapCollection<ContiguousArray<Member>, String> { entries.lazy.map { $0.key } }
    /// The values in key order.
    @inlinable public var values: LazyMapCollection<ContiguousArray<Member>, JSONValue> { entries.lazy.map { $0.value } }
    /// The members in order, addressable by position (0..<count).
    @inlinable public var elements: ContiguousArray<Member> { entries }

    // MARK: Lookup

    /// The position of `key` in insertion order, or nil.
    ///
    /// The scan (`scanKeys`) reads each key's two words straight from the entries' storage and
    /// calls nothing, so it needs no stack frame to speak of: a pod's status write looks up about
    /// a hundred keys, and the call around each lookup had cost more than comparing the keys.
    /// The rare keys the words cannot settle are compared in full by `slowIndex`.
    @inlinable
    public func index(forKey key: String) -> Int? {
        if let positions { return positions[key] }
        let needle = StringBits(key)
        let found = entries.withUnsafeBufferPointer { Self.scanKeys(UnsafeRawPointer($0.baseAddress), count: $0.count, from: 0, needle) }
        if found >= 0 { return found }
        return found == -1 ? nil : slowIndex(forKey: key, needle, at: -2 - found)
    }

    /// Scans keys from `start`: the position of the needle, -1 when it is not there, or `-2 - i`
    /// when key `i` needs a full comparison. A small ASCII needle matches only by its bits, so a
    /// small ASCII key passes on one glance; a long ASCII key has its length in its words.
    @usableFromInline @inline(never)
    static func scanKeys(_ raw: UnsafeRawPointer?, count n: Int, from start: Int, _ needle: StringBits) -> Int {
        guard let raw else { return -1 }
        // A member's key is its first field, so each key's words begin an entry.
        let stride = MemoryLayout<Member>.stride
        var i = start
        if needle.isSmallASCII {
            let needleCount = needle.asciiCount
            while i < n {
                let offset = i &* stride
                let high = raw.load(fromByteOffset: offset &+ 8, as: UInt64.self)
                if high >> 60 == 0xE {
                    if high == needle.high && raw.load(fromByteOffset: offset, as: UInt64.self) == needle.low { return i }
                } else {
                    let count = StringBits(low: raw.load(fromByteOffset: offset, as: UInt64.self), high: high).asciiCount
                    if count < 0 || count == needleCount { return -2 - i }
                }
                i &+= 1
            }
            return -1
        }
        while i < n {
            let words = raw.load(fromByteOffset: i &* stride, as: (UInt64, UInt64).self)
            let candidate = StringBits(low: words.0, high: words.1)
            if candidate == needle { return i }
            if StringBits.mayBeEqual(candidate, needle) { return -2 - i }
            i &+= 1
        }
        return -1
    }

    /// Goes on from key `i`, which the words could not settle, comparing such keys in full.
    @usableFromInline @inline(never)
    func slowIndex(forKey key: String, _ needle: StringBits, at first: Int) -> Int? {
        var i = first
        while true {
            if StringBits.equal(StringBits(entries[i].key), entries[i].key, needle, key) { return i }
            let next = entries.withUnsafeBufferPointer { Self.scanKeys(UnsafeRawPointer($0.baseAddress), count: $0.count, from: i + 1, needle) }
            if next >= 0 { return next }
            if next == -1 { return nil }
            i = -2 - next
        }
    }

    /// Reading a missing key gives nil; writing nil removes the key; writing a new key appends it.
    @inlinable
    public subscript(key: String) -> JSONValue? {
        get {
            guard let i = index(forKey: key) else { return nil }
            return entries[i].value
        }
        set {
            if let newValue {
                updateValue(newValue, forKey: key)
            } else {
                removeValue(forKey: key)
            }
        }
        // Nested writes change the member in place: it is moved out, changed and moved back.
        _modify {
            let found = index(forKey: key)
            var value: JSONValue?
            if let found {
                var taken = JSONValue.null
                swap(&taken, &entries[found].value)
                value = taken
            }
            defer {
                if let found {
                    if let value { entries[found].value = value } else { remove(at: found) }
                } else if let value {
                    append(key, value)
                }
            }
            yield &value
        }
    }

    /// The value at `key`, or `defaultValue` when missing.
    @inlinable
    public subscript(key: String, default defaultValue: @autoclosure () -> JSONValue) -> JSONValue {
        get { self[key] ?? defaultValue() }
        set { self[key] = newValue }
    }

    // MARK: Writing

    /// Replaces the value of an existing key in place, or appends a new key; returns the old value.
    @inlinable
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        if let i = index(forKey: key) {
            var old = value
            swap(&old, &entries[i].value)
            return old
        }
        append(key, value)
        return nil
    }

    @inlinable
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let i = index(forKey: key) else { return nil }
        return remove(at: i).value
    }

    @inlinable
    @discardableResult
    public mutating func remove(at position: Int) -> Member {
        let removed = entries.remove(at: position)
        if positions != nil {
            if entries.count <= Self.unindexThreshold {
                positions = nil
            } else {
                positions?.removeValue(forKey: removed.key)
                var i = position
                while i < entries.count {
                    positions?[entries[i].key] = i
                    i += 1
                }
            }
        }
        return removed
    }

    @inlinable
    public mutating func removeAll() {
        entries.removeAll()
        positions = nil
    }

    /// Reorders the members; later lookups follow the new order.
    @inlinable
    public mutating func sort(by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows {
        try entries.sort { try areInIncreasingOrder(($0.key, $0.value), ($1.key, $1.value)) }
        if positions != nil { rebuildPositions() }
    }

    /// Appends a key known to be absent. A full object of eight or more keys grows by a quarter
    /// instead of doubling: objects usually get a key or two added after a copy (a pod's spec
    /// from its template) and then stay stored, so doubling would leave most of the room unused.
    @usableFromInline
    internal mutating func append(_ key: String, _ value: JSONValue) {
        let n = entries.count
        if n >= 8, entries.capacity <= n { entries.reserveCapacity(n + n / 4 + 1) }
        entries.append(Member(key: key, value: value))
        if positions != nil {
            positions?[key] = n
        } else if n + 1 > Self.indexThreshold {
            rebuildPositions()
        }
    }

    @usableFromInline
    internal mutating func rebuildPositions() {
        var table: [String: Int] = [:]
        table.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() { table[entry.key] = i }
        positions = table
    }
}

extension JSONObject: Sequence {
    /// Yields `(key, value)` tuples, so callers destructure members as they would a dictionary's.
    public struct Iterator: IteratorProtocol {
        @usableFromInline var members: IndexingIterator<ContiguousArray<Member>>

        @inlinable init(_ members: ContiguousArray<Member>) { self.members = members.makeIterator() }

        @inlinable
        public mutating func next() -> Element? {
            guard let m = members.next() else { return nil }
            return (m.key, m.value)
        }
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(entries) }
    @inlinable public var underestimatedCount: Int { entries.count }
}

extension JSONObject: Equatable {
    /// Equal when the same keys come in the same order with equal values, as with
    /// `OrderedDictionary`: the store compares objects this way to skip no-op writes.
    @inlinable
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        let n = lhs.entries.count
        guard n == rhs.entries.count else { return false }
        // Copies share their storage until written: the store compares an updated object with the
        // stored one, and most subtrees (a pod's spec on a status write) are still shared.
        let shared = lhs.entries.withUnsafeBufferPointer { l in
            rhs.entries.withUnsafeBufferPointer { r in l.baseAddress == r.baseAddress }
        }
        if shared { return true }
        var i = 0
        while i < n {
            if lhs.entries[i].key != rhs.entries[i].key || lhs.entries[i].value != rhs.entries[i].value { return false }
            i += 1
        }
        return true
    }
}

extension JSONObject: Hashable {
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries.count)
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Sized exactly: stored objects keep their capacity. A repeated key keeps its last value.
    @inlinable
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init()
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }
}

extension JSONObject: CustomStringConvertible {
    /// Same text as `OrderedDictionary` gave, so messages that print objects stay unchanged.
    public var description: String {
        if entries.isEmpty { return "[:]" }
        var result = "["
        for (i, entry) in entries.enumerated() {
            if i > 0 { result += ", " }
            debugPrint(entry.key, terminator: "", to: &result)
            result += ": "
            debugPrint(entry.value, terminator: "", to: &result)
        }
        return result + "]"
    }
}
