/// The values of `enum`, with a hash set for long lists.
final class EnumTable: Sendable {
    let values: [JSONValue]
    let set: Set<JSONValue>?

    init(values: [JSONValue], set: Set<JSONValue>?) {
        self.values = values
        self.set = set
    }
}
