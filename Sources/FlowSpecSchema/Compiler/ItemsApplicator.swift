/// `prefixItems` and `items` (or draft 4's array `items` and `additionalItems`); immutable once compiled, so its
/// properties skip the runtime's exclusivity checks.
final class ItemsApplicator: @unchecked Sendable {
    @exclusivity(unchecked) var prefix: [Int32] = []
    @exclusivity(unchecked) var rest: Int32 = -1
    @exclusivity(unchecked) var prefixSite: Int32 = 0
    @exclusivity(unchecked) var restSite: Int32 = 0
}
