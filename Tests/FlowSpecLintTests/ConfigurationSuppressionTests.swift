import FlowSpecLint
import FlowSpecModel
import FlowSpecYAML
import Foundation
import Testing

@Suite struct ConfigurationSuppressionTests {
    static let spec = """
        openapi: 3.1.0
        info:
          title: Flows
          x-flowspec-ignore:
            info-contact: internal API, no public contact
        paths:
          /legacy:
            get:
              x-flowspec-ignore:
                - rule: operation-operationId
                  reason: generated clients depend on the current names
                  until: 2026-06-30
                - rules: [operation-tags, operation-summary]
                  reason: "  kept as in v1  "
              responses: {}
          /bad:
            x-flowspec-ignore:
              - rule: a
              - rule: b
                reason: ""
              - rule: c
                reason: r
                until: 2026-02-30
              - reason: no rule
              - rule: d
                rules: [e]
                reason: r
                extra: 1
              - just-a-string
            post:
              x-flowspec-ignore:
                e: { reason: short form with expiry, until: 2025-01-31 }
                f:
                g: { reson: typo }
          /worse:
            x-flowspec-ignore: yes

        """

    static func collect() throws -> SuppressionParser.Result {
        let tree = try YAMLParser.parse(Array(spec.utf8))
        return SuppressionParser.collect(in: tree, file: "api.yaml")
    }

    @Test func readsBothFormsWithTheirOwners() throws {
        let result = try Self.collect()
        let summary = result.suppressions.map { s in
            "\(s.pointer) \(s.rules.map(\.rawValue).joined(separator: "+")) \(s.reason) \(s.until.map(\.description) ?? "-") \(s.location.map { "\($0.line):\($0.column)" } ?? "")"
        }
        #expect(
            summary == [
                "/info info-contact internal API, no public contact - 5:5",
                "/paths/~1legacy/get operation-operationId generated clients depend on the current names 2026-06-30 10:11",
                "/paths/~1legacy/get operation-tags+operation-summary   kept as in v1   - 13:11",
                "/paths/~1bad/post e short form with expiry 2025-01-31 32:9",
            ])
        #expect(result.suppressions.allSatisfy { $0.file == "api.yaml" })
    }

    @Test func reportsEveryMalformedEntryWithItsPlace() throws {
        let result = try Self.collect()
        let problems = result.diagnostics.map { d in
            "\(d.location.map { "\($0.line):\($0.column)" } ?? "-") \(d.code) \(d.pointer?.description ?? "-") \(d.message)"
        }
        #expect(
            problems == [
                "18:9 suppression-missing-reason /paths/~1bad/x-flowspec-ignore/0/reason the suppression of `a` gives no reason",
                "20:17 suppression-missing-reason /paths/~1bad/x-flowspec-ignore/1/reason the suppression of `b` gives no reason",
                "23:16 suppression-invalid-date /paths/~1bad/x-flowspec-ignore/2/until `until` must be a date written YYYY-MM-DD, not `2026-02-30`",
                "24:9 suppression-invalid /paths/~1bad/x-flowspec-ignore/3 an `x-flowspec-ignore` entry names no rule",
                "26:9 suppression-invalid /paths/~1bad/x-flowspec-ignore/4/rules an entry has both `rule` and `rules`",
                "28:9 suppression-invalid /paths/~1bad/x-flowspec-ignore/4/extra unknown key `extra` in an `x-flowspec-ignore` entry",
                "29:9 suppression-invalid /paths/~1bad/x-flowspec-ignore/5 an `x-flowspec-ignore` entry must be a mapping with `rule` and `reason`",
                "33:11 suppression-missing-reason /paths/~1bad/post/x-flowspec-ignore/f the suppression of `f` gives no reason",
                "34:14 suppression-invalid /paths/~1bad/post/x-flowspec-ignore/g/reson unknown key `reson` in the suppression of `g`",
                "34:12 suppression-missing-reason /paths/~1bad/post/x-flowspec-ignore/g/reason the suppression of `g` gives no reason",
                "36:24 suppression-invalid /paths/~1worse/x-flowspec-ignore `x-flowspec-ignore` must be a list of entries or a mapping from rule ids to reasons",
            ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test(arguments: [
        ("2026-06-30", true), ("2024-02-29", true), ("2023-02-29", false), ("2100-02-29", false), ("2000-02-29", true),
        ("2026-6-30", false), ("2026-13-01", false), ("2026-00-10", false), ("2026-04-31", false), ("26-06-30", false),
        ("2026-06-30T00:00", false), ("２０２６-06-30", false),
    ])
    func calendarDates(text: String, valid: Bool) {
        #expect((CalendarDate(parsing: text) != nil) == valid)
    }

    @Test func expiryIsInclusiveOfTheUntilDay() throws {
        let until = try #require(CalendarDate(parsing: "2026-06-30"))
        let suppression = Suppression(rules: ["r"], reason: "x", until: until, pointer: [])
        #expect(!suppression.isExpired(on: try #require(CalendarDate(parsing: "2026-06-30"))))
        #expect(suppression.isExpired(on: try #require(CalendarDate(parsing: "2026-07-01"))))
        #expect(!Suppression(rules: ["r"], reason: "x", pointer: []).isExpired(on: until))
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(CalendarDate(Date(timeIntervalSince1970: 1_782_777_599), in: utc).description == "2026-06-29")
    }

    /// The arithmetic the linter uses for today's date agrees with Foundation's calendar in UTC: every
    /// day from 1900 to 2200 (leap days and century years among them), at the first and last second.
    @Test func utcDateAgreesWithTheCalendar() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        var day = -25_567.0  // 1900-01-01
        while day < 84_006 {  // 2200-01-01
            for second in [0.0, 86_399.5] {
                let date = Date(timeIntervalSince1970: day * 86_400 + second)
                #expect(CalendarDate(utc: date) == CalendarDate(date, in: utc), "\(date)")
            }
            day += 1
        }
        #expect(CalendarDate(utc: Date(timeIntervalSince1970: 951_782_400)).description == "2000-02-29")
    }

    func finding(_ code: DiagnosticCode, _ pointer: JSONPointer?, file: String? = "api.yaml") -> Diagnostic {
        Diagnostic(
            code: code, severity: .warning, message: "m",
            location: file.map { SourceLocation(file: $0, line: 1, column: 1) },
            pointer: pointer)
    }

    @Test func appliesAtAndBelowTheOwnerForListedRulesOnly() throws {
        let suppressions = try Self.collect().suppressions
        let findings = [
            finding("operation-operationId", ["paths", "/legacy", "get"]),
            finding("operation-operationId", ["paths", "/legacy", "get", "responses"]),
            finding("operation-operationId", ["paths", "/legacy"]),
            finding("operation-operationId", ["paths", "/legacyx", "get"]),
            finding("operation-tags", ["paths", "/legacy", "get"]),
            finding("info-contact", ["info"]),
            finding("info-contact", ["info"], file: "other.yaml"),
            finding("info-contact", ["info"], file: nil),
            finding("info-contact", nil),
        ]
        let today = try #require(CalendarDate(parsing: "2026-01-01"))
        let outcome = Suppression.apply(suppressions, to: findings, today: today)
        #expect(outcome.suppressed == [findings[0], findings[1], findings[4], findings[5], findings[7]])
        #expect(outcome.kept == [findings[2], findings[3], findings[6], findings[8]])
        #expect(
            outcome.used.map(\.rules) == [
                ["info-contact"], ["operation-operationId"], ["operation-tags", "operation-summary"],
            ])
        #expect(outcome.unused.map(\.rules) == [])
        #expect(outcome.expired.map(\.rules) == [["e"]])
    }

    @Test func expiredSuppressionsHideNothing() throws {
        let suppressions = try Self.collect().suppressions
        let late = try #require(CalendarDate(parsing: "2026-07-01"))
        let findings = [finding("operation-operationId", ["paths", "/legacy", "get"])]
        let outcome = Suppression.apply(suppressions, to: findings, today: late)
        #expect(outcome.kept == findings)
        #expect(outcome.expired.map(\.rules) == [["operation-operationId"], ["e"]])
        #expect(outcome.unused.count == 2)
        // Without a date nothing expires.
        #expect(Suppression.apply(suppressions, to: findings).kept.isEmpty)
    }

    @Test func theDeepestSuppressionIsTheOneUsed() {
        let outer = Suppression(rules: ["r"], reason: "outer", pointer: ["paths"])
        let inner = Suppression(rules: ["r"], reason: "inner", pointer: ["paths", "/a"])
        let outcome = Suppression.apply([outer, inner], to: [finding("r", ["paths", "/a", "get"])])
        #expect(outcome.used == [inner])
        #expect(outcome.unused == [outer])
    }

    @Test func findingsForExpiredAndUnusedSuppressions() throws {
        let until = try #require(CalendarDate(parsing: "2025-01-31"))
        let suppression = Suppression(
            rules: ["a", "b"], reason: "legacy", until: until, pointer: ["paths"],
            location: SourceLocation(file: "api.yaml", line: 4, column: 7))
        let expired = suppression.expiredDiagnostic()
        #expect(
            expired.description
                == "api.yaml:4:7: warn: the suppression of `a`, `b` expired on 2025-01-31 (reason given: legacy) [suppression-expired]"
        )
        #expect(expired.pointer?.description == "/paths/x-flowspec-ignore")
        let unused = suppression.unusedDiagnostic()
        #expect(
            unused.description
                == "api.yaml:4:7: info: the suppression of `a`, `b` matches no finding [suppression-unused]")
    }

    @Test func jsonSpecsWork() throws {
        let json = #"{"paths": {"/a": {"x-flowspec-ignore": [{"rule": "r", "reason": "because"}]}}}"#
        let tree = try YAMLParser.parse(Array(json.utf8), format: .json)
        let result = SuppressionParser.collect(in: tree, file: "api.json")
        #expect(result.diagnostics.isEmpty)
        #expect(result.suppressions.map(\.pointer) == [["paths", "/a"]])
        #expect(result.suppressions.first?.location?.line == 1)
    }
}
