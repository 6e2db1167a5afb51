public import FlowSpecModel
import FlowSpecSchema
public import FlowSpecYAML
import Foundation

/// How `flowspec lint` is configured for a project: which rules run, at which severity, with which
/// options, where, and from which severity the run fails.
///
/// Read from `.flowspec.yaml` (or `.flowspec.yml`, `.flowspec.json`), found by
/// ``ConfigurationLocator`` or named with `--config`; docs/configuration.md is the reference.
///
/// ```yaml
/// extends: recommended
/// rules:
///   operation-operationId: error
///   info-contact: off
/// overrides:
///   - files: ["specs/legacy/**"]
///     rules: { operation-operationId: warn }
/// fail-severity: warn
/// ```
///
/// A rule's setting for one finding is resolved in layers: the `extends` sets (a rule is on at its
/// default severity if any listed set includes it), then the top-level `rules`, then every override
/// that applies to the finding's file and JSON pointer, in order; the last layer that mentions the rule
/// wins, and options merge key by key.
public struct LintConfiguration: Sendable {
    /// The file this configuration was read from; `nil` for the defaults.
    public var path: String?
    /// The absolute folder that `overrides[].files` patterns are relative to; `nil` for the defaults.
    public var directory: String?
    /// The rule sets to start from. Default `[.recommended]`.
    public var extends: [RuleSet]
    /// Top-level rule settings by rule id.
    public var rules: [String: RuleSetting]
    public var overrides: [ConfigurationOverride]
    /// From which severity `flowspec lint` exits with failure; `nil` when the file does not say (the
    /// CLI then uses `error`, or its `--fail-severity`).
    public var failSeverity: Severity?
    /// The `validate:` section, kept as written for `flowspec validate`.
    public var validate: ConfigurationNode?

    public init(
        extends: [RuleSet] = [.recommended], rules: [String: RuleSetting] = [:],
        overrides: [ConfigurationOverride] = [], failSeverity: Severity? = nil, directory: String? = nil,
        path: String? = nil
    ) {
        self.extends = extends
        self.rules = rules
        self.overrides = overrides
        self.failSeverity = failSeverity
        self.directory = directory
        self.path = path
    }

    /// The configuration used when there is no file: `extends: recommended`, nothing else.
    public static let defaults = LintConfiguration()

    // MARK: Reading

    /// Parses a configuration file's bytes.
    ///
    /// - Parameters:
    ///   - path: the file's path, for locations and to find the folder globs are relative to (made
    ///     absolute against the current directory when relative).
    ///   - format: JSON for a `.json` path, YAML otherwise, unless given.
    /// - Throws: every problem found, each with its line and column.
    public static func parse(_ bytes: [UInt8], path: String, format: YAMLParser.Format? = nil)
        throws(InvalidConfiguration)
        -> LintConfiguration
    {
        let format = format ?? (path.lowercased().hasSuffix(".json") ? .json : .yaml)
        var configuration = LintConfiguration(
            directory: PathResolver.parent(of: PathResolver.absolute(path)), path: path)
        let tree: YAMLTree
        do {
            tree = try YAMLParser.parse(bytes, format: format)
        } catch {
            if error.kind == .emptyDocument { return configuration }
            let hint =
                error.kind == .rootNotMapping
                ? "start the file with a key such as `extends: recommended`" : error.hint
            throw InvalidConfiguration([
                ConfigurationError(
                    .configSyntax, error.message, at: SourceLocation(file: path, start: error.mark), hint: hint)
            ])
        }
        var parser = ConfigurationParser(tree: tree, file: path)
        parser.parse(into: &configuration)
        guard parser.errors.isEmpty else {
            throw InvalidConfiguration(parser.errors.sorted { ($0.location?.offset ?? 0) < ($1.location?.offset ?? 0) })
        }
        return configuration
    }

    /// Reads and parses the configuration file at `path`.
    public static func load(contentsOf path: String) throws(InvalidConfiguration) -> LintConfiguration {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: path)
        else {
            throw InvalidConfiguration([
                ConfigurationError(
                    .configUnreadable, "cannot read the configuration file `\(path)`", at: nil,
                    hint: "check the path given to --config, or remove the option to use the defaults")
            ])
        }
        return try parse(Array(data), path: path)
    }

    /// The configuration for linting `specPath`: the file at `explicitPath` when given (`--config`),
    /// else the one ``ConfigurationLocator`` finds from the spec's folder, else ``defaults``.
    public static func forSpec(at specPath: String, explicitPath: String? = nil) throws(InvalidConfiguration)
        -> LintConfiguration
    {
        if let explicitPath { return try load(contentsOf: explicitPath) }
        let folder =
            specPath == "-" ? PathResolver.currentDirectory : PathResolver.parent(of: PathResolver.absolute(specPath))
        guard let found = try ConfigurationLocator.find(startingAt: folder) else { return defaults }
        return try load(contentsOf: found)
    }

    // MARK: Resolving

    /// Whether and how a rule runs for a finding at `file` and `pointer`.
    ///
    /// - Parameters:
    ///   - file: the finding's file as the linter names it (relative to the current directory, or
    ///     absolute); `nil` when unknown, and then `files` overrides do not apply.
    ///   - pointer: the finding's JSON pointer; `nil` when unknown, and then `pointers` overrides do
    ///     not apply.
    public func resolve(
        rule id: DiagnosticCode, defaultSeverity: Severity, isRecommended: Bool, file: String?, pointer: JSONPointer?
    ) -> RuleResolution {
        // Only overrides look at the file; normalising its path for each finding is not free.
        let relative = overrides.isEmpty ? nil : file.flatMap(relativePath(of:))
        var resolution = RuleResolution(
            severity: extends.contains { $0.enables(isRecommended: isRecommended) } ? defaultSeverity : nil,
            isExplicit: false)
        Self.apply(rules[id.rawValue], defaultSeverity: defaultSeverity, to: &resolution)
        for override in overrides where override.applies(toFile: relative, pointer: pointer) {
            Self.apply(override.rules[id.rawValue], defaultSeverity: defaultSeverity, to: &resolution)
        }
        return resolution
    }

    /// ``resolve(rule:defaultSeverity:isRecommended:file:pointer:)`` for a described rule.
    public func resolve(_ rule: RuleDescriptor, file: String?, pointer: JSONPointer?) -> RuleResolution {
        resolve(
            rule: rule.id, defaultSeverity: rule.defaultSeverity, isRecommended: rule.isRecommended, file: file,
            pointer: pointer)
    }

    /// The effective severity of a rule's finding at `file` and `pointer`, or `nil` when the rule is off there.
    public func severity(
        forRule id: DiagnosticCode, defaultSeverity: Severity, isRecommended: Bool, file: String?, pointer: JSONPointer?
    ) -> Severity? {
        resolve(rule: id, defaultSeverity: defaultSeverity, isRecommended: isRecommended, file: file, pointer: pointer)
            .severity
    }

    /// Whether `rule` is on for some part of `file`: the engine runs it then, and resolves each
    /// finding with ``resolve(_:file:pointer:)`` (or ``applying(to:rule:file:)``).
    public func mayRun(_ rule: RuleDescriptor, file: String?) -> Bool {
        if resolve(rule, file: file, pointer: nil).isEnabled { return true }
        let relative = file.flatMap(relativePath(of:))
        return overrides.contains { override in
            guard !override.pointers.isEmpty, override.appliesToFile(relative),
                let setting = override.rules[rule.id.rawValue]
            else { return false }
            return setting.level != .off
        }
    }

    /// `diagnostic` with the configured severity, or `nil` when its rule is off at its place.
    ///
    /// A finding keeps its own severity unless the configuration sets one. `file` stands in for the
    /// file of a finding without a location.
    public func applying(to diagnostic: Diagnostic, rule: RuleDescriptor, file: String? = nil) -> Diagnostic? {
        let resolution = resolve(rule, file: diagnostic.location?.file ?? file, pointer: diagnostic.pointer)
        guard let severity = resolution.severity else { return nil }
        var result = diagnostic
        if resolution.isExplicit { result.severity = severity }
        return result
    }

    /// Warnings for rule ids in the configuration that are not in `known`, with their places.
    public func unknownRules(known: Set<DiagnosticCode>) -> [Diagnostic] {
        var settings = rules.map { ($0.key, $0.value) }
        for override in overrides { settings += override.rules.map { ($0.key, $0.value) } }
        let unknown = settings.filter { !known.contains(DiagnosticCode($0.0)) }
        let names = known.map(\.rawValue)
        let suggester = ConfigurationSuggester(candidates: names)
        return unknown.sorted { ($0.1.location?.offset ?? 0, $0.0) < ($1.1.location?.offset ?? 0, $1.0) }.map {
            id, setting in
            Diagnostic(
                code: .configUnknownRule, severity: .warning, message: "no rule is called `\(id)`",
                location: setting.location, hint: suggester.suggestion(for: id) ?? "`flowspec rules` lists the rules")
        }
    }

    /// `file` relative to ``directory``, with `/` separators; `nil` when it is outside that folder.
    /// Without a directory, `file` itself (normalised).
    public func relativePath(of file: String) -> String? {
        guard let directory else { return PathResolver.normalize(file) }
        let absolute = PathResolver.normalize(PathResolver.absolute(file))
        let base = PathResolver.normalize(directory)
        if base == "/" { return String(absolute.dropFirst()) }
        guard absolute.hasPrefix(base + "/") else { return nil }
        return String(absolute.dropFirst(base.count + 1))
    }

    private static func apply(_ setting: RuleSetting?, defaultSeverity: Severity, to resolution: inout RuleResolution) {
        guard let setting else { return }
        switch setting.level {
        case .off:
            resolution.severity = nil
            resolution.isExplicit = true
        case .on:
            if resolution.severity == nil || !resolution.isExplicit {
                resolution.severity = defaultSeverity
                resolution.isExplicit = false
            }
        case .severity(let severity):
            resolution.severity = severity
            resolution.isExplicit = true
        }
        for (key, value) in setting.options {
            if resolution.options[key] != nil {
                var merged = JSONObject()
                for (existingKey, existingValue) in resolution.options where existingKey != key {
                    merged.append(existingKey, existingValue)
                }
                merged.append(key, value)
                resolution.options = merged
            } else {
                resolution.options.append(key, value)
            }
        }
    }
}

/// `did you mean` suggestions outside the parser.
struct ConfigurationSuggester {
    var candidates: [String]

    func suggestion(for text: String) -> String? {
        let best = candidates.map { ($0, ConfigurationParser.editDistance(text, $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(1, best.0.count / 3) else { return nil }
        return "did you mean `\(best.0)`?"
    }
}
