/// One Unicode property test inside a ``CharSet``: a group of general categories or a binary property, possibly
/// negated (`\P{...}`).
struct PropertyTerm: Sendable, Hashable {
    enum Test: Sendable, Hashable {
        /// A bit mask over ``UnicodeProperty/generalCategoryBit(_:)``.
        case generalCategories(UInt32)
        case binary(BinaryProperty)
    }

    let test: Test
    let isNegated: Bool

    func contains(_ codePoint: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(codePoint) else {
            // Surrogate code points never occur in a Swift string; they belong to category Cs only.
            if case .generalCategories(let mask) = test {
                return isNegated != (mask & UnicodeProperty.surrogateMask != 0)
            }
            return isNegated
        }
        switch test {
        case .generalCategories(let mask):
            return isNegated != (mask & UnicodeProperty.generalCategoryBit(of: scalar) != 0)
        case .binary(let property):
            return isNegated != property.holds(for: scalar.properties)
        }
    }
}
