import FlowSpecLint
import FlowSpecModel
import Foundation
import Testing

/// Text from a spec reaches the user's terminal only escaped and shortened, and reaches JSON output
/// whole and exact: a spec whose keys, values and raw bytes carry ANSI escapes, control characters,
/// NUL, bidirectional overrides and huge strings goes through the same steps as `flowspec lint`
/// (load, lint, report), and through the built `flowspec` binary when it is there.
@Suite("Hostile messages: escaped on terminals, whole in JSON")
struct HostileMessageTests {
    /// 100,000 characters: a key long enough to flood a terminal (written as an explicit `? key`,
    /// since YAML limits implicit keys to 1,024 characters).
    static let longKey = "k" + String(repeating: "A", count: 99_999)

    /// A spec whose keys and values carry hostile text, written as YAML escapes (YAML allows them in
    /// double-quoted scalars).
    static let escapedSpec = """
        openapi: 3.1.0
        info: {title: "T", version: "1"}
        "clear\\e[2J\\e]0;pwned\\a\\0\\u202Eevil": 1
        ? "\(longKey)"
        : 2
        paths:
          /a:
            get:
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/\\e[31mRed\\x07"}

        """

    /// The hostile strings as the loader reads them.
    static let clearKey = "clear\u{1B}[2J\u{1B}]0;pwned\u{07}\u{0}\u{202E}evil"
    static let redRef = "#/components/schemas/\u{1B}[31mRed\u{07}"

    /// A spec with raw control bytes (ESC, BEL, NUL) that the YAML layer refuses: the refusal's code
    /// frame quotes the raw line.
    static let rawSpec: [UInt8] =
        Array("openapi: 3.1.0\ninfo: {title: T, version: \"1\"}\n# a comment ".utf8)
        + [0x1B] + Array("[2J and a bell ".utf8) + [0x07, 0x00] + Array("\npaths: {}\n".utf8)

    /// The reports `flowspec lint` would print for `bytes`, made the same way.
    static func reports(_ bytes: [UInt8], name: String) -> (text: String, json: String) {
        let loaded = SpecLoader().load(bytes: bytes, path: "/hostile/\(name)", displayPath: name)
        let linter = Linter()
        let result = linter.lint(loaded)
        let file = FileResult(
            path: name, diagnostics: result.diagnostics, source: loaded.files.root.map { SourceText(bytes: $0.source) })
        let report = LintReport(tool: ToolInfo(version: "test"), files: [file], rules: linter.descriptors)
        return (TextReporter(colour: false).render(report), JSONReporter().render(report))
    }

    /// The scalars that must never reach a terminal raw.
    static func rawControls(in text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter {
            ($0 < 0x20 && $0 != 0x0A) || (0x7F...0x9F).contains($0) || (0x202A...0x202E).contains($0)
        }
    }

    /// Every `message` in a JSON report.
    static func messages(inJSON json: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        var found: [String] = []
        func walk(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                if let message = dictionary["message"] as? String { found.append(message) }
                dictionary.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(object)
        return found
    }

    @Test("keys and values with escapes are escaped and shortened in text, exact in JSON")
    func escapedStrings() throws {
        let (text, json) = Self.reports(Array(Self.escapedSpec.utf8), name: "hostile.yaml")
        #expect(Self.rawControls(in: text).isEmpty, "raw control characters in the text report")
        #expect(text.contains("clear\\e[2J\\e]0;pwned\\x07\\0\\u{202e}evil"))
        #expect(text.contains("\\e[31mRed\\x07"))
        #expect(text.contains("characters omitted"))
        #expect(!text.contains(String(repeating: "A", count: 1_000)), "the long key is shortened")
        #expect(text.utf8.count < 20_000, "the text report stays terminal-sized: \(text.utf8.count) bytes")

        let messages = try Self.messages(inJSON: json)
        #expect(messages.contains { $0.contains(Self.clearKey) }, "the JSON report keeps the key exact")
        #expect(messages.contains { $0.contains(Self.redRef) })
        #expect(messages.contains { $0.contains(Self.longKey) }, "the JSON report keeps the long key whole")
    }

    @Test("raw control bytes in the spec are escaped in the code frame")
    func rawBytes() throws {
        let (text, json) = Self.reports(Self.rawSpec, name: "raw.yaml")
        #expect(Self.rawControls(in: text).isEmpty, "raw control characters in the text report:\n\(text)")
        #expect(text.contains("raw.yaml:3:"), "the refusal is located:\n\(text)")
        #expect(!text.contains("\u{1B}"))
        // The JSON report is valid JSON whatever the bytes were.
        _ = try Self.messages(inJSON: json)
    }

    // MARK: The built binary

    /// The `flowspec` binary built beside the test bundle (`swift build` builds it with the tests).
    static let binary: String? = {
        let folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("flowspec").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    /// Runs `flowspec lint` on `bytes`, returning standard output and error together.
    static func lint(_ bytes: [UInt8], format: String) throws -> [UInt8] {
        try runFlowspec(files: ["openapi.yaml": bytes]) { folder in
            ["lint", folder.appendingPathComponent("openapi.yaml").path, "--format", format, "--no-color"]
        }
    }

    /// Runs the built `flowspec` in a fresh temporary folder holding `files` (name to bytes), with the
    /// arguments `arguments` gives for that folder; returns standard output and error together.
    static func runFlowspec(files: [String: [UInt8]], arguments: (URL) -> [String]) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "flowspec-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary ?? "/nonexistent")
        process.arguments = arguments(folder)
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(output)
    }

    @Test(
        "flowspec lint prints no raw ESC, NUL or BEL in text, and keeps strings whole in JSON",
        .enabled(if: binary != nil, "the flowspec binary is not built beside the tests"))
    func binaryOutput() throws {
        for spec in [Array(Self.escapedSpec.utf8), Self.rawSpec] {
            let text = try Self.lint(spec, format: "text")
            #expect(!text.isEmpty)
            #expect(!text.contains(0x1B) && !text.contains(0x00) && !text.contains(0x07), "raw control bytes in text")
        }
        let json = String(decoding: try Self.lint(Array(Self.escapedSpec.utf8), format: "json"), as: UTF8.self)
        let messages = try Self.messages(inJSON: json)
        #expect(messages.contains { $0.contains(Self.clearKey) })
        #expect(messages.contains { $0.contains(Self.longKey) })
    }
}
