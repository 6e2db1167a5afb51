public import FlowSpecModel

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
}
