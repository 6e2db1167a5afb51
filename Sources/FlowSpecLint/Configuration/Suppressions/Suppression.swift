public import FlowSpecModel

/// One entry of an `x-flowspec-ignore` in a spec: findings of some rules at or below the object that
/// holds it are not reported, for a stated reason, optionally until a date.
///
/// ```yaml
/// paths:
///   /legacy/export:
///     get:
///       x-flowspec-ignore:
///         - rule: operation-operationId
///           reason: generated clients depend on the current names
///           until: 2026-06-30
/// ```
///
/// Parsed by ``SuppressionParser``; applied with ``apply(_:to:today:)``.
public struct Suppression: Hashable, Sendable {
    /// The rules whose findings it hides.
    public var rules: [DiagnosticCode]
    /// Why; never empty.
    public var reason: String
    /// The last day it applies; `nil` for no expiry.
    public var until: CalendarDate?
    /// The JSON pointer of the object that holds the `x-flowspec-ignore`.
    public var pointer: JSONPointer
    /// The spec file it is in; `nil` when unknown (it then applies to findings in any file).
    public var file: String?
    /// Where the entry is, for findings about the suppression itself.
    public var location: SourceLocation?

    public init(
        rules: [DiagnosticCode], reason: String, until: CalendarDate? = nil, pointer: JSONPointer, file: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.rules = rules
        self.reason = reason
        self.until = until
        self.pointer = pointer
        self.file = file
        self.location = location
    }

    /// Whether the suppression no longer applies on `date`: `until` is the last day it applies.
    public func isExpired(on date: CalendarDate) -> Bool {
        guard let until else { return false }
        return date > until
    }

    /// Whether `diagnostic` is of one of ``rules``, in ``file`` (when both are known), at or below ``pointer``.
    ///
    /// A finding without a JSON pointer is about no node, so no suppression covers it.
    public func covers(_ diagnostic: Diagnostic) -> Bool {
        guard rules.contains(diagnostic.code), let target = diagnostic.pointer else { return false }
        if let file, let other = diagnostic.location?.file, file != other { return false }
        return target.tokens.count >= pointer.tokens.count && target.tokens.starts(with: pointer.tokens)
    }

    /// The finding for a suppression past its `until` date (its findings are reported again).
    public func expiredDiagnostic(severity: Severity = .warning) -> Diagnostic {
        let until = self.until.map { " on \($0)" } ?? ""
        return Diagnostic(
            code: .suppressionExpired, severity: severity,
            message: "the suppression of \(ruleList) expired\(until) (reason given: \(reason))", location: location,
            pointer: pointer.appending(SuppressionParser.key),
            hint: "fix the findings it hid, or move `until` to a later date if the reason still holds")
    }

    /// The finding for a suppression that hid nothing.
    public func unusedDiagnostic(severity: Severity = .info) -> Diagnostic {
        Diagnostic(
            code: .suppressionUnused, severity: severity,
            message: "the suppression of \(ruleList) matches no finding", location: location,
            pointer: pointer.appending(SuppressionParser.key),
            hint: "remove it: the findings it was written for are gone")
    }

    private var ruleList: String { rules.map { "`\($0)`" }.joined(separator: ", ") }

    /// What ``apply(_:to:today:)`` did.
    public struct Outcome: Sendable {
        /// The findings no suppression hid, in the order given.
        public var kept: [Diagnostic]
        /// The findings a suppression hid, in the order given.
        public var suppressed: [Diagnostic]
        /// Suppressions that hid at least one finding.
        public var used: [Suppression]
        /// Suppressions in force that hid nothing (candidates for `suppression-unused`).
        public var unused: [Suppression]
        /// Suppressions past their date, which hid nothing (for `suppression-expired`).
        public var expired: [Suppression]
    }

    /// Hides the findings that `suppressions` cover.
    ///
    /// A finding covered by several suppressions counts for the one on the deepest object (the first
    /// of those when they are on the same object), so an outer suppression that only repeats inner ones
    /// shows up as unused. When `today` is given, suppressions that expired before it hide nothing and
    /// are returned in ``Outcome/expired``.
    public static func apply(_ suppressions: [Suppression], to diagnostics: [Diagnostic], today: CalendarDate? = nil)
        -> Outcome
    {
        var inForce: [Int] = []
        var expired: [Suppression] = []
        for (index, suppression) in suppressions.enumerated() {
            if let today, suppression.isExpired(on: today) {
                expired.append(suppression)
            } else {
                inForce.append(index)
            }
        }
        var used = [Bool](repeating: false, count: suppressions.count)
        var kept: [Diagnostic] = []
        var suppressed: [Diagnostic] = []
        for diagnostic in diagnostics {
            var best: Int?
            for index in inForce where suppressions[index].covers(diagnostic) {
                if let current = best,
                    suppressions[current].pointer.tokens.count >= suppressions[index].pointer.tokens.count
                {
                    continue
                }
                best = index
            }
            if let best {
                used[best] = true
                suppressed.append(diagnostic)
            } else {
                kept.append(diagnostic)
            }
        }
        return Outcome(
            kept: kept, suppressed: suppressed,
            used: inForce.filter { used[$0] }.map { suppressions[$0] },
            unused: inForce.filter { !used[$0] }.map { suppressions[$0] },
            expired: expired)
    }
}

extension DiagnosticCode {
    /// An `x-flowspec-ignore` entry without a reason (it hides nothing until it has one).
    public static let suppressionMissingReason: DiagnosticCode = "suppression-missing-reason"
    /// An `until` that is not a `YYYY-MM-DD` date that exists.
    public static let suppressionInvalidDate: DiagnosticCode = "suppression-invalid-date"
    /// An `x-flowspec-ignore` of the wrong shape: no rule, an unknown key, a value of the wrong type.
    public static let suppressionInvalid: DiagnosticCode = "suppression-invalid"
    /// A suppression past its `until` date.
    public static let suppressionExpired: DiagnosticCode = "suppression-expired"
    /// A suppression that hid no finding.
    public static let suppressionUnused: DiagnosticCode = "suppression-unused"
}
