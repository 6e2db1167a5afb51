internal import FlowSpecYAML

/// Which identifier keywords a source's text could hold: a keyword that appears nowhere in the text
/// is the key of no mapping, so no schema needs to be asked for it (a large spec has none of them,
/// and its schemas were asked for each at every step of every walk).
struct IdentifierKeys: Sendable {
    /// `$schema`.
    let schema: Bool
    /// `$id` (2020-12, OpenAPI 3.1).
    let id: Bool
    /// `id` (draft 4).
    let draft4ID: Bool
    /// `$anchor` or `$dynamicAnchor`.
    let anchors: Bool

    init(_ tree: YAMLTree) {
        schema = tree.mayContainScalarText("$schema")
        id = tree.mayContainScalarText("$id")
        draft4ID = tree.mayContainScalarText("id")
        anchors = tree.mayContainScalarText("$anchor") || tree.mayContainScalarText("$dynamicAnchor")
    }

    /// Whether the source may have keys named `keyword`, a dialect's identifier keyword.
    func mayHave(_ keyword: String) -> Bool { keyword == "id" ? draft4ID : id }
}
