/// A `discriminator` with the `oneOf`/`anyOf` it picks from; immutable once compiled.
final class DiscriminatorApplicator: @unchecked Sendable {
    var propertyName: String
    var values: [String] = []
    var targets: [Int32] = []
    var site: Int32
    /// The `oneOf`/`anyOf` op used when the instance is not an object.
    var fallback: [Int32]
    var isOneOf: Bool
    var utf8PropertyName: [UInt8] = []
    var utf8Values: [[UInt8]] = []

    init(propertyName: String, site: Int32, fallback: [Int32], isOneOf: Bool) {
        self.propertyName = propertyName
        self.site = site
        self.fallback = fallback
        self.isOneOf = isOneOf
    }
}
