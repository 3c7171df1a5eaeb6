/// A map of a handful of string keys kept in one array: a lookup compares a few short strings
/// instead of hashing, and growing it never rehashes. For per-pod bookkeeping (conditions,
/// containers) written on every status change of thousands of pods.
struct SmallStringMap<Value> {
    private var entries: [(key: String, value: Value)] = []

    subscript(key: String) -> Value? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }
}
