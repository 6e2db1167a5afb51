public import FlowSpecModel

/// The findings for one file of a report, with the file's text for code frames.
public struct FileResult: Sendable {
    /// The file's path as the user gave it (reporters print it as is; SARIF turns it into a URI).
    public var path: String
    /// The findings, in any order: reporters sort them by position.
    public var diagnostics: [Diagnostic]
    /// The file's text, for code frames in the text report; `nil` to print no frames.
    public var source: SourceText?

    public init(path: String, diagnostics: [Diagnostic], source: SourceText? = nil) {
        self.path = path
        self.diagnostics = diagnostics
        self.source = source
    }
}
