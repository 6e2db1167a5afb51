/// A model value's fields behind one reference that copies share, copied when a shared copy changes.
///
/// The model's objects are built once and then read many times: the linter takes operations,
/// parameters and schemas out of their collections and enums tens of thousands of times on a large
/// spec. A struct with its fields inline retained and released every field on each such copy; behind
/// this box a copy is one retain, and value semantics are kept.
struct CopyOnWrite<Fields: Sendable>: Sendable {
    /// Changed only through ``fields``' modify accessor, by the one value that holds it (made unique
    /// first): never shared while it changes. For the same reason no access can overlap a change,
    /// and the runtime's exclusivity checks on every read (a quarter of the boxing's gain on a large
    /// spec's lint) are left out.
    private final class Box: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(_ fields: Fields) { box = Box(fields) }

    var fields: Fields {
        // A borrow: reading one field does not copy the others.
        _read { yield box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }
}
