/// A compiled resource: its URI and its dynamic anchors, for `$dynamicRef`.
struct CompiledResource: Sendable {
    var uri: String
    var dynamicAnchors: [(name: Int32, node: Int32)] = []

    func dynamicAnchor(_ name: Int32) -> Int32? {
        for anchor in dynamicAnchors where anchor.name == name { return anchor.node }
        return nil
    }
}
