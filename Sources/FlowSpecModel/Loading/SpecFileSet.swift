/// Every file a spec was loaded from: the root first, then each file its references reached.
public struct SpecFileSet: Sendable {
    public internal(set) var files: [SpecFile] = []

    public init() {}

    public subscript(id: FileID) -> SpecFile { files[Int(id.index)] }

    /// The root file.
    public var root: SpecFile? { files.first }

    /// Where `ref` is, as a location users can open.
    public func location(of ref: NodeRef) -> SourceLocation { self[ref.file].location(of: ref.node) }

    /// The JSON pointer of `ref` within its file.
    public func pointer(of ref: NodeRef) -> JSONPointer { self[ref.file].pointer(of: ref.node) }

    /// The file whose canonical path is `path`.
    public func file(atPath path: String) -> SpecFile? { files.first { $0.path == path } }
}
