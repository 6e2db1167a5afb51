import FlowSpecModel
import FlowSpecSchema
public import FlowSpecValidator

/// Checks one capture entry against the spec: the parallel part of `flowspec validate`.
///
/// Thread-safe: one checker serves every worker. What depends on the order of exchanges (the flow
/// order, coverage, the baseline) is left to ``TrafficSession``, which sees the entries in input order.
public struct TrafficChecker: Sendable {
    public let validator: Validator
    /// Whether 2xx JSON response bodies are parsed for the flow-order check; only worth it when the
    /// spec has `x-hal-actions` extensions.
    public let parsesResponseBodies: Bool
    /// Whether each entry's ``CheckedEntry/flow`` is made for the flow-order check. A
    /// ``FlowOrderChecker`` without extensions finds nothing in it, so a spec without `x-hal-actions`
    /// need not pay for it (its parameters, media type and timestamp, for every entry).
    public let feedsFlowOrder: Bool

    public init(validator: Validator, parsesResponseBodies: Bool = true, feedsFlowOrder: Bool = true) {
        self.validator = validator
        self.parsesResponseBodies = parsesResponseBodies
        self.feedsFlowOrder = feedsFlowOrder
    }

    /// An entry's report before the in-order steps, with what the flow-order check needs.
    public struct CheckedEntry: Sendable {
        public var report: TrafficEntryReport
        /// What the flow-order check needs; `nil` for an entry without an exchange, or when the
        /// checker does not ``feedsFlowOrder``.
        public var flow: FlowExchange?
    }

    /// Validates the entry's request and response; an entry that could not be read is reported with
    /// its problems.
    public func check(_ entry: CaptureEntry, capture: String) -> CheckedEntry {
        var report = TrafficEntryReport(
            index: entry.index, capture: capture, line: entry.location.line,
            findings: entry.problems.map(\.diagnostic))
        guard let exchange = entry.exchange else { return CheckedEntry(report: report, flow: nil) }
        let request = exchange.request
        report.method = request.method
        report.url = request.url
        report.status = exchange.response?.status

        var headers = request.headers.map { ($0.name, $0.value) }
        if !request.cookies.isEmpty && !headers.contains(where: { $0.0.lowercased() == "cookie" }) {
            // HAR exporters keep cookies apart; the validator reads them from the Cookie header.
            headers.append(("Cookie", request.cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")))
        }
        let requestBody = request.body
        var checked = validator.validate(
            method: request.method, path: request.url, headers: headers, body: requestBody?.bytes)
        report.operation = checked.operation?.id
        report.requestMediaType = checked.mediaTypeKey
        report.findings += Self.dropBodyContentFindings(checked.violations, truncated: requestBody?.isTruncated == true)
        checked.violations = []

        var responseJSON: JSONValue?
        if let response = exchange.response {
            let responseHeaders = response.headers.map { ($0.name, $0.value) }
            let verdict = validator.validate(
                status: response.status, headers: responseHeaders, body: response.body?.bytes, for: checked)
            report.responseStatus = verdict.statusKey
            report.findings += Self.dropBodyContentFindings(
                verdict.violations, truncated: response.body?.isTruncated == true)
            if parsesResponseBodies, (200..<300).contains(response.status), let body = response.body, !body.isTruncated, !body.bytes.isEmpty,
                Self.isJSON(response.headers.first(named: "content-type") ?? body.mimeType)
            {
                responseJSON = try? JSONParser.parse(body.bytes)
            }
        }

        guard feedsFlowOrder else { return CheckedEntry(report: report, flow: nil) }
        var parameters: [String: String] = [:]
        for value in checked.parameters.pathValues { parameters[FlowExchange.parameterKey("path", value.name)] = value.rawValue }
        for decoded in checked.parameters.all where decoded.definition.location != .path {
            if case .string(let text) = decoded.value {
                parameters[FlowExchange.parameterKey(decoded.definition.location.rawValue, decoded.definition.name)] = text
            }
        }
        let contentType = request.headers.first(named: "content-type")
        let flow = FlowExchange(
            index: entry.index, operation: checked.operation?.id, parameters: parameters,
            hasContentType: contentType != nil, mediaType: contentType.map(Self.essence),
            mediaTypeDeclared: checked.mediaTypeKey != nil, status: exchange.response?.status,
            responseBody: responseJSON, startedAt: exchange.startedAt.flatMap(Timestamp.seconds))
        return CheckedEntry(report: report, flow: flow)
    }

    /// A truncated body cannot be judged by its content: keep what is about its presence and type.
    static func dropBodyContentFindings(_ findings: [Diagnostic], truncated: Bool) -> [Diagnostic] {
        guard truncated else { return findings }
        return findings.filter { finding in
            let code = finding.code.rawValue
            return !(code.hasPrefix("schema.") || code.hasPrefix("json.") || code == "invalid_body_encoding"
                || code == "undeclared_property")
        }
    }

    /// `type/subtype` of a media type, lower-cased, without parameters.
    static func essence(_ value: String) -> String {
        var value = value
        if let ascii = value.withUTF8(asciiEssence) { return ascii }
        let base = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return base.trimmingCharacters(in: " \t").lowercased()
    }

    /// ``essence(_:)`` of an ASCII media type (`nil` for any other), on bytes: in ASCII a character
    /// is a byte, so the result is the same without `Character` work.
    private static func asciiEssence(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var end = 0
        while end < bytes.count && bytes[end] != UInt8(ascii: ";") {
            guard bytes[end] < 0x80 else { return nil }
            end += 1
        }
        guard !bytes[end...].contains(where: { $0 >= 0x80 }) else { return nil }
        var start = 0
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return String(
            unsafeUninitializedCapacity: end - start,
            initializingUTF8With: { out in
                for i in start..<end { out[i - start] = CapturedHeader.asciiLower(bytes[i]) }
                return end - start
            })
    }

    static func isJSON(_ value: String?) -> Bool {
        guard let value else { return false }
        let essence = essence(value)
        return essence == "application/json" || essence.hasSuffix("+json") || essence == "text/json"
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s.removeFirst() }
        while let last = s.last, set.contains(last) { s.removeLast() }
        return String(s)
    }
}

extension TrafficChecker {
    /// Coverage of every operation, request media type and response status the spec declares.
    public var emptyCoverage: TrafficCoverage {
        TrafficCoverage(
            catalog: validator.coverageCatalog.operations.map {
                (
                    id: $0.id, method: $0.method, path: $0.pathTemplate, mediaTypes: $0.requestMediaTypeKeys,
                    statuses: $0.responses.map(\.statusKey)
                )
            })
    }
}
