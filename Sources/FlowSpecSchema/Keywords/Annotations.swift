/// What the keywords that ran on one object or array evaluated, for `unevaluatedProperties` and
/// `unevaluatedItems`.
///
/// Inactive (and allocation-free) unless a schema on the path has an `unevaluated*` keyword.
struct Annotations {
    /// Which members and which items were evaluated, by position; made on the first mark.
    struct Marks {
        var properties: [Bool] = []
        var items: [Bool] = []
    }

    var active: Bool
    var allProperties = false
    var itemsPrefix = 0
    var allItems = false
    /// `nil` until something is marked: the evaluator makes an inactive value for every member and
    /// item it descends into, and a `nil` costs nothing to destroy where two arrays cost two
    /// releases.
    var marks: Marks? = nil

    static var inactive: Annotations { Annotations(active: false) }

    @inline(__always) mutating func markProperty(_ index: Int, of count: Int) {
        guard active, !allProperties else { return }
        if marks == nil { marks = Marks() }
        if marks?.properties.isEmpty == true { marks?.properties = Array(repeating: false, count: count) }
        if index < marks?.properties.count ?? 0 { marks?.properties[index] = true }
    }

    @inline(__always) mutating func markItem(_ index: Int, of count: Int) {
        guard active, !allItems else { return }
        if marks == nil { marks = Marks() }
        if marks?.items.isEmpty == true { marks?.items = Array(repeating: false, count: count) }
        if index < marks?.items.count ?? 0 { marks?.items[index] = true }
    }

    func isPropertyEvaluated(_ index: Int) -> Bool {
        guard !allProperties else { return true }
        guard let properties = marks?.properties else { return false }
        return index < properties.count && properties[index]
    }

    func isItemEvaluated(_ index: Int) -> Bool {
        guard !allItems, index >= itemsPrefix else { return true }
        guard let items = marks?.items else { return false }
        return index < items.count && items[index]
    }

    mutating func merge(_ other: Annotations) {
        guard active, other.active else { return }
        allProperties = allProperties || other.allProperties
        if !allProperties, let theirs = other.marks?.properties, !theirs.isEmpty {
            if marks == nil { marks = Marks() }
            if marks?.properties.isEmpty == true {
                marks?.properties = theirs
            } else {
                for k in 0..<min(marks?.properties.count ?? 0, theirs.count) where theirs[k] {
                    marks?.properties[k] = true
                }
            }
        }
        allItems = allItems || other.allItems
        itemsPrefix = max(itemsPrefix, other.itemsPrefix)
        if !allItems, let theirs = other.marks?.items, !theirs.isEmpty {
            if marks == nil { marks = Marks() }
            if marks?.items.isEmpty == true {
                marks?.items = theirs
            } else {
                for k in 0..<min(marks?.items.count ?? 0, theirs.count) where theirs[k] { marks?.items[k] = true }
            }
        }
    }
}
