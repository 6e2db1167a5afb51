import FlowSpecModel

/// Turns one line of an NDJSON capture, in FlowSpec's flat shape, into a ``CapturedExchange``.
///
/// The format is documented in `docs/ndjson-capture-format.md`: `method` and `url` are required;
/// headers are an object (a value may be a list of values) or a list of `[name, value]` pairs or
/// `{"name":..,"value":..}` objects; a body is a string (text, or base64 with `...BodyEncoding`) or
/// any other JSON value, which stands for its own JSON text; no `status` (or 0) means no response.
/// A line holding a HAR entry (an object with a `request` member) is read by ``HAREntryDecoder``.
enum NDJSONLineDecoder {
    static func decode(_ c: inout EntryContext, line: Int) -> CapturedExchange? {
        let method = c.required("method", of: line, .string, "a string", at: ["method"]).map(c.string)
        let url = c.required("url", of: line, .string, "a string", at: ["url"]).map(c.string)
        guard let method, let url else { return nil }
        guard !method.isEmpty, !url.isEmpty else {
            let name = method.isEmpty ? "method" : "url"
            c.report(.captureInvalidValue, "`\(name)` is empty", at: c.member(name, of: line), pointer: [name])
            return nil
        }
        let headers = decodeHeaders(&c, "requestHeaders", of: line)
        var request = CapturedRequest(
            method: method, url: url, httpVersion: c.optionalString("httpVersion", of: line, at: ["httpVersion"]),
            headers: headers, cookies: cookies(fromCookieHeaders: headers.values(named: "Cookie")))
        request.body = decodeBody(&c, "request", of: line, mimeType: headers.first(named: "Content-Type"))
        var exchange = CapturedExchange(request: request, response: decodeResponse(&c, line: line))
        exchange.startedAt = c.optionalString("startedAt", of: line, at: ["startedAt"])
        exchange.timeMs = c.optionalNumber("durationMs", of: line, at: ["durationMs"])
        exchange.comment = c.optionalString("comment", of: line, at: ["comment"])
        return exchange
    }

    private static func decodeResponse(_ c: inout EntryContext, line: Int) -> CapturedResponse? {
        guard let statusNode = c.optional("status", of: line, .number, "an integer status code", at: ["status"]) else {
            let hasResponseParts = ["responseHeaders", "responseBody"].contains { c.member($0, of: line) != nil }
            let statusAbsent = c.member("status", of: line).map { c.kind($0) == .null } ?? true
            if hasResponseParts && statusAbsent {
                c.report(
                    .captureMissingField,
                    "the line has response headers or a response body but no `status`; the response is not read",
                    at: nil, pointer: ["status"], hint: "add the response's `status`, or leave the response out")
            }
            return nil
        }
        guard let status = c.integer(statusNode), status >= 0, status <= 999 else {
            c.report(
                .captureInvalidValue, "`status` is \(c.rawText(statusNode)); expected a status code 100...999",
                at: statusNode, pointer: ["status"])
            return nil
        }
        if status == 0 { return nil }
        let headers = decodeHeaders(&c, "responseHeaders", of: line)
        var response = CapturedResponse(
            status: status, statusText: c.optionalString("statusText", of: line, at: ["statusText"]), headers: headers,
            cookies: cookies(fromSetCookieHeaders: headers.values(named: "Set-Cookie")))
        response.body = decodeBody(&c, "response", of: line, mimeType: headers.first(named: "Content-Type"))
        return response
    }

    /// `requestBody`/`responseBody` with `...BodyEncoding` and `...BodyTruncated`.
    private static func decodeBody(_ c: inout EntryContext, _ side: String, of line: Int, mimeType: String?)
        -> CapturedBody?
    {
        let name = side + "Body"
        guard let node = c.member(name, of: line), c.kind(node) != .null else { return nil }
        let truncated = c.flag(side + "BodyTruncated", of: line)
        var body: CapturedBody
        if c.kind(node) == .string {
            let encoding = c.optionalString(side + "BodyEncoding", of: line, at: [side + "BodyEncoding"])
            let (bytes, damaged) = c.bodyBytes(text: node, encoding: encoding, at: [name])
            body = CapturedBody(bytes: bytes, mimeType: mimeType, isTruncated: damaged || truncated)
        } else {
            // Any other JSON value stands for its own text, so a JSON body can be written inline.
            body = CapturedBody(bytes: c.rawBytes(node), mimeType: mimeType, isTruncated: truncated)
        }
        if truncated {
            c.reportTruncatedBody(
                "the \(side) body was cut by the capture tool (\(body.bytes.count) bytes were recorded)", at: node,
                pointer: [name])
        }
        return body
    }

    /// Headers as an object (`{"Accept": "a", "Set-Cookie": ["a=1", "b=2"]}`), or a list of
    /// `[name, value]` pairs or `{"name": .., "value": ..}` objects.
    private static func decodeHeaders(_ c: inout EntryContext, _ name: String, of line: Int) -> [CapturedHeader] {
        guard let node = c.member(name, of: line), c.kind(node) != .null else { return [] }
        var headers: [CapturedHeader] = []
        switch c.kind(node) {
        case .object:
            for (key, value) in c.members(of: node) {
                let field = c.string(key)
                switch c.kind(value) {
                case .string:
                    headers.append(CapturedHeader(name: field, value: c.string(value)))
                case .array:
                    for (index, item) in c.items(of: value) {
                        guard c.kind(item) == .string else {
                            wrongHeader(&c, item, [name, field, String(index)], "a string")
                            continue
                        }
                        headers.append(CapturedHeader(name: field, value: c.string(item)))
                    }
                default:
                    wrongHeader(&c, value, [name, field], "a string or a list of strings")
                }
            }
        case .array:
            for (index, item) in c.items(of: node) {
                if let header = pair(&c, item) {
                    headers.append(header)
                } else {
                    wrongHeader(&c, item, [name, String(index)], "a `[name, value]` pair of strings")
                }
            }
        default:
            wrongHeader(&c, node, [name], "an object or an array")
        }
        return headers
    }

    private static func pair(_ c: inout EntryContext, _ item: Int) -> CapturedHeader? {
        switch c.kind(item) {
        case .array:
            let parts = c.items(of: item).map(\.node)
            guard parts.count == 2, c.kind(parts[0]) == .string, c.kind(parts[1]) == .string else { return nil }
            return CapturedHeader(name: c.string(parts[0]), value: c.string(parts[1]))
        case .object:
            guard let name = c.member("name", of: item), c.kind(name) == .string,
                let value = c.member("value", of: item), c.kind(value) == .string
            else { return nil }
            return CapturedHeader(name: c.string(name), value: c.string(value))
        default:
            return nil
        }
    }

    private static func wrongHeader(_ c: inout EntryContext, _ node: Int, _ tokens: [String], _ expected: String) {
        let pointer = JSONPointer(tokens)
        c.report(
            .captureWrongType, "`\(pointer.dottedPath)` is \(c.describe(node)); expected \(expected)", at: node,
            pointer: pointer)
    }
}
