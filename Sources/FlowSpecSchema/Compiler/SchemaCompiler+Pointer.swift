public import FlowSpecModel
public import FlowSpecYAML

extension SchemaCompiler {
    /// Compiles the schema at `pointer` in the file registered under `fileURI`: what
    /// `compile(uri: fileURI + pointer.fragment)` compiles, without writing the pointer as a URI
    /// fragment and parsing it back.
    ///
    /// A linter that checks thousands of examples already holds each schema's file and pointer; making
    /// and resolving a URI for each (percent-encoding, RFC 3986 parsing, dot segments) cost more than
    /// compiling the schemas themselves. The pointer is followed by the same walk as a `$ref`'s, so
    /// `$id`s and `$schema`s on the way apply alike.
    ///
    /// - Parameters:
    ///   - fileURI: the absolute URI a ``SchemaSource`` was registered under, without fragment.
    ///   - pointer: the schema's place in that file.
    public mutating func compile(fileURI: String, pointer: JSONPointer) -> SchemaHandle? {
        // Dot segments, a query or a fragment would be normalised by URI resolution: those take the
        // general path, so the result never differs from `compile(uri:)`.
        // Byte by byte: `String.contains(_:)` with a string argument goes through the string-processing
        // library and cost more than compiling a small schema (a linter calls this thousands of times).
        var plain = true
        var afterSlash = false
        for byte in fileURI.utf8 {
            if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "?") || (afterSlash && byte == UInt8(ascii: ".")) {
                plain = false
                break
            }
            afterSlash = byte == UInt8(ascii: "/")
        }
        guard plain, let resource = registry.resource(fileURI), let target = walk(resource, pointer.tokens) else {
            return compile(uri: fileURI + pointer.fragment)
        }
        return SchemaHandle(index: compile(target))
    }

    /// Compiles the schema at `node` of the file registered under `fileURI`, whose place in that file
    /// is `pointer`: what ``compile(fileURI:pointer:)`` compiles, without following the pointer when
    /// nothing on the way could change the base URI or the dialect.
    ///
    /// A linter holds each schema's node, and its pointer from the file's parent table; following the
    /// pointer back down, through large mappings, cost as much as compiling the schema. Where the file
    /// may hold `$schema` or an identifier keyword, the pointer is followed as before.
    ///
    /// - Parameters:
    ///   - fileURI: the absolute URI a ``SchemaSource`` was registered under, without fragment.
    ///   - node: a node of that source's tree.
    ///   - pointer: `node`'s place in the file (``compile(fileURI:pointer:)`` follows it otherwise).
    public mutating func compile(fileURI: String, node: NodeID, pointer: JSONPointer) -> SchemaHandle? {
        guard let resource = registry.resource(fileURI), resource.pointer.isEmpty,
            resource.node == tree(resource.source).root, Int(node.index) < tree(resource.source).count
        else { return compile(fileURI: fileURI, pointer: pointer) }
        let keys = identifierKeys(resource.source)
        if keys.schema || resource.dialect.idKeyword.map(keys.mayHave) == true {
            return compile(fileURI: fileURI, pointer: pointer)
        }
        let tokens = pointer.tokens
        let location = Location(
            source: resource.source, node: node, pointer: tokens, base: resource.uri, dialect: resource.dialect,
            resource: resourceID(resource.uri), baseIncludesOwnID: tokens.isEmpty ? resource.includesOwnID : true)
        return SchemaHandle(index: compile(location))
    }
}
