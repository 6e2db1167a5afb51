import FlowSpecLint
import FlowSpecModel
import FlowSpecSchema
import FlowSpecYAML
import Testing

@Suite struct ConfigurationParsingTests {
    static let good = """
        $schema: https://example.com/flowspec-config.json
        extends: recommended
        rules:
          operation-operationId: error
          info-contact: off
          naming: { severity: warning, options: { case: camel, max: 0x10, ratio: .5, list: [1, true, null] } }
          tags-alphabetical: true
          no-empty-servers: false
        overrides:
          - files: ["specs/legacy/**", "*.json"]
            rules:
              operation-operationId: warn
          - pointers: ["/paths/~1admin", "#/paths/~1internal~1%7Bid%7D/*/responses"]
            files: specs/**
            rules:
              operation-operationId: off
              naming: { options: { case: snake } }
        fail-severity: warn
        validate:
          max-body-bytes: 1000
        x-team: api

        """

    func parse(_ text: String, path: String = "/repo/.flowspec.yaml") throws(InvalidConfiguration) -> LintConfiguration
    {
        try LintConfiguration.parse(Array(text.utf8), path: path)
    }

    @Test func readsEverySection() throws {
        let configuration = try parse(Self.good)
        #expect(configuration.path == "/repo/.flowspec.yaml")
        #expect(configuration.directory == "/repo")
        #expect(configuration.extends == [.recommended])
        #expect(configuration.failSeverity == .warning)
        #expect(configuration.rules["operation-operationId"]?.level == .severity(.error))
        #expect(configuration.rules["info-contact"]?.level == .off)
        #expect(configuration.rules["tags-alphabetical"]?.level == .on)
        #expect(configuration.rules["no-empty-servers"]?.level == .off)
        let naming = try #require(configuration.rules["naming"])
        #expect(naming.level == .severity(.warning))
        #expect(
            naming.options
                == [
                    "case": .string("camel"), "max": .number(JSONNumber(text: "16")),
                    "ratio": .number(JSONNumber(text: "0.5")),
                    "list": .array([.number(JSONNumber(1)), .bool(true), .null]),
                ])
        #expect(naming.location?.line == 6)
        #expect(naming.location?.column == 3)
        #expect(configuration.overrides.count == 2)
        #expect(configuration.overrides[0].files.map(\.pattern) == ["specs/legacy/**", "*.json"])
        #expect(configuration.overrides[0].pointers.isEmpty)
        #expect(
            configuration.overrides[1].pointers.map(\.text) == [
                "/paths/~1admin", "#/paths/~1internal~1%7Bid%7D/*/responses",
            ])
        #expect(configuration.overrides[1].files.map(\.pattern) == ["specs/**"])
        #expect(configuration.overrides[1].location?.line == 13)
        let validate = try #require(configuration.validate)
        #expect(validate.tree.isMapping(validate.id))
        #expect(validate.location().line == 20)
    }

    @Test func jsonConfiguration() throws {
        let text = #"{"extends": ["all"], "rules": {"a": "hint"}, "fail-severity": "info"}"#
        let configuration = try parse(text, path: "/repo/.flowspec.json")
        #expect(configuration.extends == [.all])
        #expect(configuration.rules["a"]?.level == .severity(.hint))
        #expect(configuration.failSeverity == .info)
    }

    @Test func emptyFileIsTheDefaults() throws {
        let configuration = try parse("# nothing configured yet\n")
        #expect(configuration.extends == [.recommended])
        #expect(configuration.rules.isEmpty)
        #expect(configuration.directory == "/repo")
    }

    @Test func extendsAcceptsAListAndOff() throws {
        #expect(try parse("extends: [recommended, all]").extends == [.recommended, .all])
        #expect(try parse("extends: off").extends == [.off])
    }

    static let bad = """
        extend: recommended
        rules:
          a: fatal
          b: warnn
          c: { severity: error, option: {} }
          d:
        overrides:
          - rules: { a: off }
          - files: /abs/*.yaml
            pointers: paths
          - files: []
            rules: []
        fail-severity: 3
        extends: [recommended, most]

        """

    @Test func reportsEveryProblemWithItsPlace() {
        #expect {
            try parse(Self.bad)
        } throws: { error in
            guard let error = error as? InvalidConfiguration else { return false }
            let rendered = error.errors.map { e in
                "\(e.location.map { "\($0.line):\($0.column)" } ?? "-") \(e.code) \(e.message)"
                    + (e.hint.map { " | \($0)" } ?? "")
            }
            let expected = [
                "1:1 config-unknown-key unknown key `extend` in the configuration | did you mean `extends`?",
                "3:6 config-invalid-severity the severity of `a` must be error, warn, info, hint or off, not `fatal`",
                "4:6 config-invalid-severity the severity of `b` must be error, warn, info, hint or off, not `warnn` | did you mean `warn`?",
                "5:25 config-unknown-key unknown key `option` in a rule setting | did you mean `options`?",
                "6:5 config-invalid-severity the severity of `d` is missing | write error, warn, info, hint or off after `d:`",
                "8:5 config-invalid-value an override needs `files` or `pointers` to say where it applies | add `files: [\"specs/legacy/**\"]` or `pointers: [\"/paths/~1legacy\"]`, or move its rules to the top-level `rules`",
                "9:5 config-invalid-value an override needs `rules` | add `rules: { rule-id: off }`",
                "9:12 config-invalid-glob the pattern `/abs/*.yaml` is absolute; patterns are relative to the configuration file's folder | write a path pattern such as `specs/**/*.yaml`",
                "10:15 config-invalid-pointer `paths` is not a JSON pointer | start it with `/` (or `#/`), such as `/paths/~1admin`; write `/` in a key as `~1`",
                "11:12 config-invalid-value `files` is an empty list",
                "12:12 config-invalid-value `rules` must be a mapping from rule ids to settings, not a list | write one rule per line, such as `operation-operationId: error`",
                "13:16 config-invalid-severity `fail-severity` must be error, warn, info or hint, not `3`",
                "14:24 config-invalid-value `extends` can be recommended, all or off, not `most` | write `extends: recommended`, or a list such as `extends: [recommended]`",
            ]
            #expect(rendered == expected)
            return true
        }
    }

    @Test func syntaxErrorsHaveTheirPlace() {
        #expect {
            try parse("rules:\n  a: [error\n")
        } throws: { error in
            guard let error = error as? InvalidConfiguration, let first = error.errors.first else { return false }
            #expect(error.errors.count == 1)
            #expect(first.code == .configSyntax)
            #expect(first.location?.file == "/repo/.flowspec.yaml")
            #expect(first.location?.line == 3)
            return true
        }
    }

    @Test func duplicateKeysAreErrors() {
        #expect {
            try parse("rules:\n  a: error\n  a: off\n")
        } throws: { error in
            guard let error = error as? InvalidConfiguration else { return false }
            #expect(error.errors.map(\.code) == [.configSyntax])
            #expect(error.errors.first?.location?.line == 3)
            return true
        }
    }

    @Test func rootMustBeAMapping() {
        #expect {
            try parse("- error\n")
        } throws: { error in
            guard let error = error as? InvalidConfiguration, let first = error.errors.first else { return false }
            #expect(first.code == .configSyntax)
            #expect(first.hint == "start the file with a key such as `extends: recommended`")
            return true
        }
    }

    @Test func infinityIsNotAnOption() {
        #expect {
            try parse("rules:\n  a: { options: { max: .inf } }\n")
        } throws: { error in
            guard let error = error as? InvalidConfiguration else { return false }
            #expect(
                error.description.contains(
                    "/repo/.flowspec.yaml:2:24: error: `.inf` is not a number JSON can hold [config-invalid-value]"))
            return true
        }
    }

    @Test func unknownRuleIdsAreWarningsWithSuggestions() throws {
        let configuration = try parse("rules:\n  operation-operationid: error\n  zzz: off\n")
        let warnings = configuration.unknownRules(known: ["operation-operationId", "info-contact"])
        #expect(
            warnings.map(\.description) == [
                "/repo/.flowspec.yaml:2:3: warn: no rule is called `operation-operationid` [config-unknown-rule]",
                "/repo/.flowspec.yaml:3:3: warn: no rule is called `zzz` [config-unknown-rule]",
            ])
        #expect(warnings.map(\.hint) == ["did you mean `operation-operationId`?", "`flowspec rules` lists the rules"])
    }
}
