/// What the evaluator needs of a node: plain numbers, so reading it costs no reference counting.
struct NodeInfo: Sendable {
    var opStart: Int32
    var opCount: Int32
    var resource: Int32
    var site: Int32
    var tracksUnevaluated: Bool
    var isFalse: Bool
}
