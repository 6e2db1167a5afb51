/// `contains` with `minContains` and `maxContains`.
struct ContainsApplicator: Sendable {
    var node: Int32
    var min: Int
    var max: Int
    var site: Int32
    var minSite: Int32
    var maxSite: Int32
}
