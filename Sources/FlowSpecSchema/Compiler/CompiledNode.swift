/// One compiled schema: its keywords as operations, in a fixed order (cheap checks first, then
/// applicators, then `unevaluated*`, which read the annotations of the others).
struct CompiledNode: Sendable {
    var ops: [Op] = []
    /// The schema resource the node belongs to (for `$dynamicRef`'s dynamic scope).
    var resource: Int32 = 0
    /// The node has `unevaluatedProperties` or `unevaluatedItems`, so its evaluation collects
    /// annotations.
    var tracksUnevaluated = false
    /// The node is the `false` schema (or `not: {}`): nothing is valid.
    var isFalse = false
    /// Where the schema is, for messages about the schema as a whole.
    var site: Int32 = 0
}
