import FlowSpecModel
import FlowSpecYAML
import Foundation
import Testing

/// A fresh temporary folder for one test's spec files; removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("flowspec-model-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        // The loader compares canonical paths, so resolve `/tmp` symbolic links (macOS) up front.
        path = base.resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relative` (creating folders) and returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func file(_ relative: String) -> String { URL(fileURLWithPath: path).appendingPathComponent(relative).path }
}

/// Writes `text` as `name` in a temporary folder and loads it.
func loadYAML(
    _ text: String, name: String = "openapi.yaml", options: LoadOptions = LoadOptions(),
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> LoadResult {
    do {
        let folder = try TemporaryFolder()
        let path = try folder.write(name, text)
        return SpecLoader(options: options).load(path: path)
    } catch {
        Issue.record(error, "could not write the spec", sourceLocation: sourceLocation)
        throw error
    }
}

/// The diagnostics of `result` with `code`.
func diagnostics(_ result: LoadResult, _ code: DiagnosticCode) -> [Diagnostic] {
    result.diagnostics.filter { $0.code == code }
}

/// The single diagnostic with `code` at `line`:`column`, recording a failure (with every diagnostic
/// shown) when there is not exactly one.
@discardableResult
func expectDiagnostic(
    _ result: LoadResult, _ code: DiagnosticCode, line: Int, column: Int, severity: Severity = .error,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    let found = result.diagnostics.filter {
        $0.code == code && $0.location?.line == line && $0.location?.column == column
    }
    guard found.count == 1, let diagnostic = found.first else {
        Issue.record(
            "expected one \(code) at \(line):\(column), found \(found.count) among:\n\(describe(result))",
            sourceLocation: sourceLocation)
        return nil
    }
    #expect(diagnostic.severity == severity, "\(diagnostic)", sourceLocation: sourceLocation)
    return diagnostic
}

/// Records a failure listing the diagnostics when `result` has any at or above `severity`.
func expectNoDiagnostics(
    _ result: LoadResult, atLeast severity: Severity = .hint, _ comment: String = "",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let found = result.diagnostics.filter { $0.severity.reaches(severity) }
    #expect(found.isEmpty, "\(comment)\n\(describe(result))", sourceLocation: sourceLocation)
}

/// Every diagnostic, one per line, for failure messages.
func describe(_ result: LoadResult) -> String {
    result.diagnostics.map { "  \($0) \($0.pointer.map { "@\($0)" } ?? "")" }.joined(separator: "\n")
}

/// The package root, found from this file.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // FlowSpecModelTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

/// The folder `shared/` beside the package root.
let sharedFolder: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

extension LoadResult {
    /// The path item at `path`, following a reference.
    func pathItem(_ path: String) -> PathItem? {
        guard let item = document?.paths?.items[path] else { return nil }
        return references.resolve(item)
    }

    /// The component schema `name`, following a reference.
    func componentSchema(_ name: String) -> Schema? {
        guard let schema = document?.components?.schemas[name] else { return nil }
        return references.resolve(schema)
    }
}
