public import FlowSpecModel

/// The verdict on one response: the declared status key and media type that matched, and every
/// violation.
public struct ResponseValidation: Sendable {
    /// The declared status key that matched: `200`, `4XX` or `default`; `nil` when none did.
    public var statusKey: String?
    /// The declared response media-type key that the `Content-Type` selected.
    public var mediaTypeKey: String?
    /// Every violation, in the order found: status, headers, then the body.
    public var violations: [Diagnostic]

    public init(statusKey: String? = nil, mediaTypeKey: String? = nil, violations: [Diagnostic] = []) {
        self.statusKey = statusKey
        self.mediaTypeKey = mediaTypeKey
        self.violations = violations
    }

    /// Whether no violation is an error.
    public var isValid: Bool { !violations.containsError }
}
