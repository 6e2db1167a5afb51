import FlowSpecLint
import FlowSpecModel
import FlowSpecSchema
import Foundation
import Testing

@Suite struct ConfigurationResolutionTests {
    static let configuration: LintConfiguration = {
        do {
            return try LintConfiguration.parse(Array(ConfigurationParsingTests.good.utf8), path: "/repo/.flowspec.yaml")
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    let operationId = RuleDescriptor(id: "operation-operationId", defaultSeverity: .warning, summary: "s")
    let naming = RuleDescriptor(id: "naming", defaultSeverity: .info, summary: "s", isRecommended: false)
    let notRecommended = RuleDescriptor(id: "style-extra", defaultSeverity: .hint, summary: "s", isRecommended: false)
    let recommended = RuleDescriptor(id: "style-basic", defaultSeverity: .hint, summary: "s")

    func severity(_ rule: RuleDescriptor, _ file: String?, _ pointer: String? = nil) -> Severity? {
        Self.configuration.resolve(rule, file: file, pointer: pointer.flatMap { JSONPointer(parsing: $0) }).severity
    }

    @Test func extendsDecidesRulesTheFileDoesNotMention() {
        #expect(severity(recommended, "/repo/api.yaml") == .hint)
        #expect(severity(notRecommended, "/repo/api.yaml") == nil)
        let all = LintConfiguration(extends: [.all])
        #expect(all.resolve(notRecommended, file: nil, pointer: nil).severity == .hint)
        let off = LintConfiguration(extends: [.off])
        #expect(off.resolve(recommended, file: nil, pointer: nil).severity == nil)
        #expect(LintConfiguration.defaults.resolve(recommended, file: nil, pointer: nil).severity == .hint)
    }

    @Test func topLevelRulesOverrideTheSet() {
        #expect(severity(operationId, "/repo/api.yaml", "/paths/~1flows/get") == .error)
        let resolution = Self.configuration.resolve(naming, file: "/repo/api.yaml", pointer: nil)
        #expect(resolution.severity == .warning)
        #expect(resolution.isExplicit)
        #expect(resolution.options["case"] == .string("camel"))
        let tags = RuleDescriptor(id: "tags-alphabetical", defaultSeverity: .info, summary: "s", isRecommended: false)
        let on = Self.configuration.resolve(tags, file: nil, pointer: nil)
        #expect(on.severity == .info)
        #expect(!on.isExplicit)
    }

    @Test func fileOverridesMatchPathsRelativeToTheConfigurationFolder() {
        #expect(severity(operationId, "/repo/specs/legacy/old.yaml", "/paths/~1x/get") == .warning)
        #expect(severity(operationId, "/repo/bundle.json", "/paths/~1x/get") == .warning)
        #expect(severity(operationId, "/repo/specs/bundle.json", "/paths/~1x/get") == .error)
        #expect(severity(operationId, "/elsewhere/specs/legacy/old.yaml", "/paths/~1x/get") == .error)
        #expect(severity(operationId, "/repo/specs/legacy/../../specs/legacy/old.yaml", nil) == .warning)
        #expect(severity(operationId, nil, "/paths/~1x/get") == .error)
    }

    @Test func pointerOverridesApplyAtAndBelowThePointer() {
        #expect(severity(operationId, "/repo/specs/api.yaml", "/paths/~1admin") == nil)
        #expect(severity(operationId, "/repo/specs/api.yaml", "/paths/~1admin/get") == nil)
        #expect(severity(operationId, "/repo/specs/api.yaml", "/paths/~1administrators/get") == .error)
        #expect(severity(operationId, "/repo/specs/api.yaml", "/paths/~1internal~1{id}/get/responses/200") == nil)
        #expect(severity(operationId, "/repo/specs/api.yaml", "/paths/~1internal~1{id}/get") == .error)
        // The second override also needs its `files` to match.
        #expect(severity(operationId, "/repo/api.yaml", "/paths/~1admin/get") == .error)
        // Without a pointer, pointer overrides do not apply.
        #expect(severity(operationId, "/repo/specs/api.yaml", nil) == .error)
    }

    @Test func laterLayersMergeOptionsKeyByKey() {
        let resolution = Self.configuration.resolve(
            naming, file: "/repo/specs/api.yaml", pointer: JSONPointer(parsing: "/paths/~1admin/get"))
        #expect(resolution.severity == .warning)
        #expect(resolution.options["case"] == .string("snake"))
        #expect(resolution.options["max"] == .number(JSONNumber(text: "16")))
    }

    @Test func mayRunSeesPointerOverridesThatTurnARuleOn() throws {
        let configuration = try LintConfiguration.parse(
            Array("extends: off\noverrides:\n  - pointers: [/paths]\n    rules: { style-extra: error }\n".utf8),
            path: "/repo/.flowspec.yaml")
        #expect(configuration.mayRun(notRecommended, file: "/repo/api.yaml"))
        #expect(!configuration.mayRun(recommended, file: "/repo/api.yaml"))
        #expect(
            configuration.resolve(notRecommended, file: "/repo/api.yaml", pointer: JSONPointer(["info"])).severity
                == nil)
        #expect(
            configuration.resolve(notRecommended, file: "/repo/api.yaml", pointer: JSONPointer(["paths"])).severity
                == .error)
    }

    @Test func applyingKeepsTheFindingsOwnSeverityUnlessConfigured() {
        let location = SourceLocation(file: "/repo/api.yaml", line: 1, column: 1)
        let finding = Diagnostic(
            code: "style-basic", severity: .info, message: "m", location: location, pointer: ["info"])
        #expect(Self.configuration.applying(to: finding, rule: recommended)?.severity == .info)
        let operation = Diagnostic(
            code: "operation-operationId", severity: .warning, message: "m", location: location, pointer: ["paths"])
        #expect(Self.configuration.applying(to: operation, rule: operationId)?.severity == .error)
        let admin = Diagnostic(
            code: "operation-operationId", severity: .warning, message: "m",
            location: SourceLocation(file: "/repo/specs/a.yaml", line: 1, column: 1), pointer: ["paths", "/admin"])
        #expect(Self.configuration.applying(to: admin, rule: operationId) == nil)
    }

    @Test func relativePaths() {
        let configuration = LintConfiguration(directory: "/repo")
        #expect(configuration.relativePath(of: "/repo/a/b.yaml") == "a/b.yaml")
        #expect(configuration.relativePath(of: "/repo/./a//b.yaml") == "a/b.yaml")
        #expect(configuration.relativePath(of: "/repository/b.yaml") == nil)
        #expect(configuration.relativePath(of: "/other/b.yaml") == nil)
        let cwd = FileManager.default.currentDirectoryPath
        let here = LintConfiguration(directory: cwd)
        #expect(here.relativePath(of: "specs/x.yaml") == "specs/x.yaml")
        #expect(LintConfiguration(directory: "/").relativePath(of: "/a/b") == "a/b")
    }
}

@Suite struct ConfigurationLocatorTests {
    /// A temporary folder tree, removed when the test ends.
    final class Tree {
        let root: String

        init() throws {
            root = NSTemporaryDirectory() + "flowspec-config-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func folder(_ path: String) throws -> String {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
            return full
        }

        func file(_ path: String, _ text: String = "") throws -> String {
            let full = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
            return full
        }
    }

    @Test func findsTheNearestFileWalkingUp() throws {
        let tree = try Tree()
        let config = try tree.file("repo/.flowspec.yaml", "extends: all\n")
        _ = try tree.folder("repo/.git")
        let deep = try tree.folder("repo/specs/v1/deep")
        #expect(try ConfigurationLocator.find(startingAt: deep, homeDirectory: tree.root) == config)
        let nearer = try tree.file("repo/specs/.flowspec.json", "{}")
        #expect(try ConfigurationLocator.find(startingAt: deep, homeDirectory: tree.root) == nearer)
    }

    @Test func stopsAtTheRepositoryRoot() throws {
        let tree = try Tree()
        _ = try tree.file(".flowspec.yaml")
        _ = try tree.file("repo/.git", "gitdir: elsewhere\n")
        let specs = try tree.folder("repo/specs")
        #expect(try ConfigurationLocator.find(startingAt: specs, homeDirectory: "/") == nil)
    }

    @Test func stopsAtTheHomeFolder() throws {
        let tree = try Tree()
        _ = try tree.file(".flowspec.yaml")
        let home = try tree.folder("home")
        let specs = try tree.folder("home/project/specs")
        #expect(try ConfigurationLocator.find(startingAt: specs, homeDirectory: home) == nil)
        _ = try tree.file("home/.flowspec.yml")
        #expect(try ConfigurationLocator.find(startingAt: specs, homeDirectory: home) == home + "/.flowspec.yml")
    }

    @Test func twoFilesInOneFolderAreAnError() throws {
        let tree = try Tree()
        _ = try tree.file("a/.flowspec.yaml")
        _ = try tree.file("a/.flowspec.json")
        let folder = try tree.folder("a")
        #expect {
            try ConfigurationLocator.find(startingAt: folder, homeDirectory: tree.root)
        } throws: { error in
            (error as? InvalidConfiguration)?.errors.first?.code == .configAmbiguous
        }
    }

    @Test func forSpecUsesExplicitThenFoundThenDefaults() throws {
        let tree = try Tree()
        _ = try tree.folder("repo/.git")
        let spec = try tree.file("repo/specs/api.yaml", "openapi: 3.1.0\n")
        #expect(try LintConfiguration.forSpec(at: spec).path == nil)
        let found = try tree.file("repo/.flowspec.yaml", "fail-severity: hint\n")
        let configuration = try LintConfiguration.forSpec(at: spec)
        #expect(configuration.path == found)
        #expect(configuration.failSeverity == .hint)
        #expect(configuration.directory == tree.root + "/repo")
        let explicit = try tree.file("elsewhere.yml", "fail-severity: info\n")
        #expect(try LintConfiguration.forSpec(at: spec, explicitPath: explicit).failSeverity == .info)
    }

    @Test func missingExplicitFileIsAnError() throws {
        let tree = try Tree()
        #expect {
            try LintConfiguration.load(contentsOf: tree.root + "/nope.yaml")
        } throws: { error in
            (error as? InvalidConfiguration)?.errors.first?.code == .configUnreadable
        }
        #expect {
            try LintConfiguration.load(contentsOf: tree.root)
        } throws: { error in
            (error as? InvalidConfiguration)?.errors.first?.code == .configUnreadable
        }
    }
}
