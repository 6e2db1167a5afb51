/// What loading a spec produced: the typed document (when the file could be read as OpenAPI at all),
/// every file that was read, where every reference points, and all diagnostics.
public struct LoadResult: Sendable {
    /// The document; `nil` when the root file could not be parsed or is not OpenAPI 3.x.
    public var document: OpenAPIDocument?
    public var files: SpecFileSet
    public var references: ReferenceTable
    /// Every load diagnostic, sorted by file and position.
    public var diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
