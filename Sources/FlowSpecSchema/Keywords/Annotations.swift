/// What the keywords that ran on one object or array evaluated, for `unevaluatedProperties` and
/// `unevaluatedItems`.
///
/// Inactive (and allocation-free) unless a schema on the path has an `unevaluated*` keyword.
struct Annotations {
    var active: Bool
    var allProperties = false
    var properties: [Bool] = []
    var itemsPrefix = 0
    var allItems = false
    var items: [Bool] = []

    static var inactive: Annotations { Annotations(active: false) }

    @inline(__always) mutating func markProperty(_ index: Int, of count: Int) {
        guard active, !allProperties else { return }
        if properties.isEmpty { properties = Array(repeating: false, count: count) }
        if index < properties.count { properties[index] = true }
    }

    @inline(__always) mutating func markItem(_ index: Int, of count: Int) {
        guard active, !allItems else { return }
        if items.isEmpty { items = Array(repeating: false, count: count) }
        if index < items.count { items[index] = true }
    }

    func isPropertyEvaluated(_ index: Int) -> Bool {
        allProperties || (index < properties.count && properties[index])
    }

    func isItemEvaluated(_ index: Int) -> Bool {
        allItems || index < itemsPrefix || (index < items.count && items[index])
    }

    mutating func merge(_ other: Annotations) {
        guard active, other.active else { return }
        allProperties = allProperties || other.allProperties
        if !allProperties && !other.properties.isEmpty {
            if properties.isEmpty {
                properties = other.properties
            } else {
                for k in 0..<min(properties.count, other.properties.count) where other.properties[k] {
                    properties[k] = true
                }
            }
        }
        allItems = allItems || other.allItems
        itemsPrefix = max(itemsPrefix, other.itemsPrefix)
        if !allItems && !other.items.isEmpty {
            if items.isEmpty {
                items = other.items
            } else {
                for k in 0..<min(items.count, other.items.count) where other.items[k] { items[k] = true }
            }
        }
    }
}
