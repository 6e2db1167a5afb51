/// `prefixItems` and `items` (or draft 4's array `items` and `additionalItems`); immutable once compiled.
final class ItemsApplicator: @unchecked Sendable {
    var prefix: [Int32] = []
    var rest: Int32 = -1
    var prefixSite: Int32 = 0
    var restSite: Int32 = 0
}
