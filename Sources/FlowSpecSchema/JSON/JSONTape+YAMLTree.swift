public import FlowSpecYAML

extension JSONTape {
    /// A tape holding the JSON value of a node of a parsed YAML or JSON file: the tape of
    /// `JSONValue(tree: tree, node: node)`, written straight from the tree.
    ///
    /// Checking a large spec's examples converted every example to a ``JSONValue`` (a `String` per
    /// scalar and key, an array per collection) only to copy it into a tape. The value's rules are
    /// kept: scalars are typed as ``JSONValue/init(tree:node:)`` types them, and a mapping keeps every
    /// entry (the tree has already dropped later duplicates of a key, and keys with the same bytes are
    /// the only ones a ``JSONObject`` treats as the same). A mapping with a key that is not valid UTF-8
    /// (which reading it as a `String` would repair, perhaps into another key's text) is converted
    /// through ``JSONValue`` as before.
    init(tree: YAMLTree, node: NodeID) {
        self.init()
        append(tree: tree, node: node)
    }

    mutating func append(tree: YAMLTree, node: NodeID) {
        switch tree.kind(node) {
        case .scalar:
            appendScalar(tree, node)
        case .sequence:
            let r = open(.array)
            let items = tree.items(node)
            for item in items { append(tree: tree, node: item) }
            close(r, count: items.count)
        case .mapping:
            let entries = tree.entries(node)
            for entry in entries where !tree.withScalarBytes(entry.key, Self.readsAsItself) {
                append(JSONValue(tree: tree, node: node))
                return
            }
            let r = open(.object)
            for entry in entries {
                appendText(tree, entry.key)
                append(tree: tree, node: entry.value)
            }
            close(r, count: entries.count)
        }
    }

    /// Whether `bytes` are ASCII or valid UTF-8, so that a `String` made from them has the same bytes.
    private static func readsAsItself(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if JSONScan.isASCII(bytes) { return true }
        return String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes)
    }

    /// A scalar's text as a string, as `String(decoding:as:)` reads it.
    private mutating func appendText(_ tree: YAMLTree, _ node: NodeID) {
        tree.withScalarBytes(node) { bytes in
            if JSONScan.isASCII(bytes) {
                appendString(bytes, ascii: true)
            } else {
                var text = String(decoding: bytes, as: UTF8.self)
                text.withUTF8 { appendString($0, ascii: JSONScan.isASCII($0)) }
            }
        }
    }

    /// A scalar typed as ``JSONValue/init(tree:node:)`` types it.
    private mutating func appendScalar(_ tree: YAMLTree, _ node: NodeID) {
        switch tree.scalarType(node) {
        case .string:
            appendText(tree, node)
        case .null:
            appendScalar(.null)
        case .bool:
            appendScalar(tree.bool(node) ?? false ? .true : .false)
        case .int, .float:
            switch JSONValue(tree: tree, node: node) {
            case .number(let number): appendNumber(number)
            case .string(let text):
                var text = text
                text.withUTF8 { appendString($0, ascii: JSONScan.isASCII($0)) }
            default: appendScalar(.null)
            }
        }
    }
}
