import FlowSpecModel
import FlowSpecYAML
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The loader's budgets and reference policy, as docs/security.md states them: each refusal is a
/// diagnostic at the reference (or at 1:1 of the file) that says how to opt in, never a crash, a
/// hang or a read of something the policy forbids.
@Suite("Security: loader budgets and reference policy")
struct SecurityLoaderBudgetTests {
    static let header = "openapi: 3.1.0\ninfo: {title: T, version: v}\npaths: {}\ncomponents:\n  schemas:\n"

    @Test("the defaults are the documented ones")
    func documentedDefaults() {
        let options = LoadOptions()
        #expect(options.yaml.maxInputBytes == 128 << 20)
        #expect(options.yaml.maxDepth == 512)
        #expect(options.yaml.maxAliases == 10_000)
        #expect(options.yaml.maxExpandedNodes == 2_000_000)
        #expect(options.maxFiles == 10_000)
        #expect(options.maxDiagnostics == 10_000)
        #expect(options.allowRemoteReferences == false)
        #expect(options.fetchRemote == nil)
        #expect(options.allowFilesOutsideRoot == false)
    }

    @Test("a root file over the size budget is refused at 1:1 with the budget named")
    func rootFileOverBudget() throws {
        let text = Self.header + "    Pet: {type: object}\n"
        var options = LoadOptions()
        options.yaml.maxInputBytes = text.utf8.count - 1
        let result = try loadYAML(text, options: options)
        let diagnostic = expectDiagnostic(
            result, DiagnosticCode(YAMLError.Kind.inputTooLarge.rawValue), line: 1, column: 1)
        #expect(diagnostic?.message.contains("\(text.utf8.count - 1)-byte budget") == true)
        #expect(diagnostic?.hint?.contains("--max-input-bytes") == true)
        #expect(result.document == nil)

        options.yaml.maxInputBytes = text.utf8.count
        expectNoDiagnostics(try loadYAML(text, options: options))
    }

    @Test("a referenced file over the size budget is refused at the reference, unread")
    func referencedFileOverBudget() throws {
        let folder = try TemporaryFolder()
        // A sparse 1 GiB file: reading it whole would take seconds and a gigabyte of memory.
        let big = folder.file("big.yaml")
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        #expect(truncate(big, 1 << 30) == 0)
        let root = try folder.write("openapi.yaml", Self.header + "    Big: {$ref: 'big.yaml#/Big'}\n")
        let result = SpecLoader().load(path: root)
        let diagnostic = expectDiagnostic(result, .refFileUnreadable, line: 6, column: 17)
        #expect(diagnostic?.message.contains("1073741824 bytes, more than the 134217728-byte budget") == true)
        #expect(result.files.files.count == 1)
    }

    @Test("a reference to a FIFO, a folder or a device is refused without reading it")
    func referencesToSpecialFiles() throws {
        let folder = try TemporaryFolder()
        #expect(mkfifo(folder.file("pipe.yaml"), 0o600) == 0)
        try FileManager.default.createDirectory(atPath: folder.file("dir.yaml"), withIntermediateDirectories: false)
        let root = try folder.write(
            "openapi.yaml",
            Self.header + "    Pipe: {$ref: 'pipe.yaml#/A'}\n    Dir: {$ref: 'dir.yaml#/A'}\n"
                + "    Zero: {$ref: '/dev/zero#/A'}\n")
        // Outside the folder is allowed here, so that /dev/zero is refused for what it is, not where.
        let result = SpecLoader(options: LoadOptions(allowFilesOutsideRoot: true)).load(path: root)
        for line in [6, 7] {
            let diagnostic = expectDiagnostic(result, .refFileUnreadable, line: line, column: line == 6 ? 18 : 17)
            #expect(diagnostic?.message.contains("not a regular file") == true)
        }
        let zero = expectDiagnostic(result, .refFileUnreadable, line: 8, column: 18)
        #expect(zero?.message.contains("not a regular file") == true)
        #expect(result.files.files.count == 1)
    }

    @Test("the file budget counts local and remote files, and says how to raise it")
    func fileBudget() throws {
        let folder = try TemporaryFolder()
        for name in ["a", "b", "c"] { try folder.write("\(name).yaml", "S: {type: string}\n") }
        let root = try folder.write(
            "openapi.yaml",
            Self.header + "    A: {$ref: 'a.yaml#/S'}\n    B: {$ref: 'b.yaml#/S'}\n    C: {$ref: 'c.yaml#/S'}\n"
                + "    R: {$ref: 'https://example.com/r.yaml#/S'}\n")
        let options = LoadOptions(
            allowRemoteReferences: true, fetchRemote: { _ in Array("S: {type: string}\n".utf8) }, maxFiles: 3)
        let result = SpecLoader(options: options).load(path: root)
        // The root and a.yaml, b.yaml fill the budget of 3; c.yaml and the remote file are refused.
        #expect(result.files.files.count == 3)
        let refused = diagnostics(result, .refFileUnreadable)
        #expect(refused.count == 2)
        #expect(refused.allSatisfy { $0.message.contains("more than 3 referenced files") })
        #expect(refused.allSatisfy { $0.hint == "raise LoadOptions.maxFiles" })
        #expect(refused.compactMap(\.location?.line).sorted() == [8, 9])

        let enough = SpecLoader(
            options: LoadOptions(allowRemoteReferences: true, fetchRemote: options.fetchRemote, maxFiles: 5)
        ).load(path: root)
        expectNoDiagnostics(enough)
        #expect(enough.files.files.count == 5)
    }

    @Test("remote references stay off when allowed without a fetcher: FlowSpec never opens a socket")
    func remoteNeedsAFetcher() throws {
        let text = Self.header + "    Pet: {$ref: 'https://example.com/pet.yaml#/Pet'}\n"
        let result = try loadYAML(text, options: LoadOptions(allowRemoteReferences: true))
        expectDiagnostic(result, .refRemoteRefused, line: 6, column: 17, severity: .warning)
        #expect(result.files.files.count == 1)
    }

    @Test("the fetcher sees only http and https references, each URL once")
    func fetcherSeesOnlyRemoteReferences() throws {
        let folder = try TemporaryFolder()
        try folder.write("local.yaml", "S: {type: string}\n")
        let root = try folder.write(
            "openapi.yaml",
            Self.header + "    A: {$ref: 'local.yaml#/S'}\n    B: {$ref: 'https://example.com/r.yaml#/S'}\n"
                + "    C: {$ref: 'HTTP://example.com/r2.yaml#/S'}\n    D: {$ref: 'https://example.com/r.yaml#/S'}\n"
                + "    E: {$ref: 'ftp://example.com/f.yaml#/S'}\n    F: {$ref: 'file:///etc/passwd#/S'}\n")
        let log = FetchLog()
        let options = LoadOptions(
            allowRemoteReferences: true,
            fetchRemote: { url in
                log.append(url)
                return Array("S: {type: string}\n".utf8)
            })
        let result = SpecLoader(options: options).load(path: root)
        #expect(log.urls == ["https://example.com/r.yaml", "HTTP://example.com/r2.yaml"])
        expectDiagnostic(result, .refUnresolved, line: 10, column: 15)
        expectDiagnostic(result, .refOutsideRoot, line: 11, column: 15)
        #expect(!result.files.files.contains { $0.path == "/etc/passwd" })
    }
    // The diagnostic budget (LoadOptions.maxDiagnostics) is tested in ModelDiagnosticsTests.diagnosticBudget.
}

/// The URLs a test fetcher was asked for, from whichever thread asks.
final class FetchLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    func append(_ url: String) { lock.withLock { storage.append(url) } }

    var urls: [String] { lock.withLock { storage } }
}
