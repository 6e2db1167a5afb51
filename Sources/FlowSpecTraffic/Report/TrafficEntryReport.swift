public import FlowSpecModel

/// What `flowspec validate` says about one entry of a capture.
public struct TrafficEntryReport: Sendable, Hashable {
    /// The entry's 0-based position in its capture.
    public var index: Int
    /// The capture file (as given), and where the entry starts in it.
    public var capture: String
    public var line: Int?
    public var method: String?
    public var url: String?
    /// The response status; `nil` when the request got no response or the entry could not be read.
    public var status: Int?
    /// The operation the request matched (operationId, or `METHOD /template`).
    public var operation: String?
    /// The declared request media type key that matched, and the declared response status key.
    public var requestMediaType: String?
    public var responseStatus: String?
    public var findings: [Diagnostic]

    public init(
        index: Int, capture: String, line: Int? = nil, method: String? = nil, url: String? = nil, status: Int? = nil,
        operation: String? = nil, requestMediaType: String? = nil, responseStatus: String? = nil,
        findings: [Diagnostic] = []
    ) {
        self.index = index
        self.capture = capture
        self.line = line
        self.method = method
        self.url = url
        self.status = status
        self.operation = operation
        self.requestMediaType = requestMediaType
        self.responseStatus = responseStatus
        self.findings = findings
    }

    /// `invalid` when a finding is an error, `valid` otherwise (warnings and notes do not make an
    /// exchange invalid).
    public var isValid: Bool { !findings.contains { $0.severity == .error } }

    public var verdict: String { isValid ? "valid" : "invalid" }
}
