import FlowSpecModel

/// Turns one HAR 1.2 `entry` object into a ``CapturedExchange``
/// ([HAR 1.2](http://www.softwareishard.com/blog/har-12-spec/#entries)), as Chrome, Firefox and
/// mitmproxy write it.
///
/// What it reads beyond the letter of the spec, because exporters do it: `postData.encoding` or
/// `postData._encoding` set to `base64` for binary request bodies; `content.text` absent when the
/// body was not recorded; `content.size` larger than the text, `_truncated: true` or a comment
/// saying "truncated" for cut bodies; `status` 0 for a request that got no response. An entry
/// without a readable `request.method` and `request.url` has no exchange; anything else that is
/// wrong loses only its own part.
enum HAREntryDecoder {
    // Each object's members are looked up in one walk over its keys (`EntryContext.members`).
    private static let entryMembers = MemberNames(["request", "response", "startedDateTime", "time", "comment"])
    private static let requestMembers = MemberNames(["method", "url", "httpVersion", "headers", "cookies", "postData"])
    private static let responseMembers = MemberNames(["status", "statusText", "httpVersion", "headers", "cookies", "content"])
    private static let postDataMembers = MemberNames([
        "mimeType", "params", "encoding", "_encoding", "text", "_truncated", "truncated", "comment",
    ])
    private static let contentMembers = MemberNames(["mimeType", "size", "text", "encoding", "_truncated", "truncated", "comment"])

    static func decode(_ c: inout EntryContext, entry: Int) -> CapturedExchange? {
        let found = c.members(entryMembers, of: entry)
        guard let requestNode = c.required(found[0], in: entry, .object, "an object", at: ["request"]),
            let request = decodeRequest(&c, requestNode)
        else { return nil }
        let response = decodeResponse(&c, found[1])
        return CapturedExchange(
            request: request, response: response,
            startedAt: c.optionalString(found[2], at: ["startedDateTime"]),
            timeMs: c.optionalNumber(found[3], at: ["time"]),
            comment: c.optionalString(found[4], at: ["comment"]))
    }

    private static func decodeRequest(_ c: inout EntryContext, _ node: Int) -> CapturedRequest? {
        let found = c.members(requestMembers, of: node)
        let method = c.required(found[0], in: node, .string, "a string", at: ["request", "method"]).map(c.string)
        let url = c.required(found[1], in: node, .string, "a string", at: ["request", "url"]).map(c.string)
        guard let method, let url else { return nil }
        guard !method.isEmpty, !url.isEmpty else {
            let name = method.isEmpty ? "method" : "url"
            c.report(
                .captureInvalidValue, "`request.\(name)` is empty", at: method.isEmpty ? found[0] : found[1],
                pointer: ["request", name])
            return nil
        }
        let headers = decodeHeaders(&c, found[3], at: ["request"])
        var request = CapturedRequest(
            method: method, url: url, httpVersion: c.optionalString(found[2], at: ["request", "httpVersion"]),
            headers: headers)
        request.cookies = decodeCookies(&c, found[4], at: ["request"])
        if request.cookies.isEmpty { request.cookies = cookies(fromCookieHeaders: headers.values(named: "Cookie")) }
        if let post = c.optional(found[5], .object, "an object", at: ["request", "postData"]) {
            decodePostData(&c, post, into: &request)
        }
        return request
    }

    private static func decodePostData(_ c: inout EntryContext, _ post: Int, into request: inout CapturedRequest) {
        let pointer: JSONPointer = ["request", "postData"]
        let found = c.members(postDataMembers, of: post)
        let mimeType =
            nonEmpty(c.optionalValue(found[0], at: pointer.appending("mimeType")))
            ?? request.headers.first(named: "Content-Type")
        request.formParams = decodeParams(&c, found[1])
        let encoding =
            c.optionalString(found[2], at: pointer.appending("encoding"))
            ?? c.optionalString(found[3], at: pointer.appending("_encoding"))
        let hinted = c.hasTruncationHint(underscored: found[5], plain: found[6], comment: found[7])
        if let text = c.optional(found[4], .string, "a string", at: pointer.appending("text")) {
            let (bytes, damaged) = c.bodyBytes(text: text, encoding: encoding, at: pointer.appending("text"))
            request.body = CapturedBody(bytes: bytes, mimeType: mimeType, isTruncated: damaged || hinted)
            if hinted {
                c.reportTruncatedBody(
                    "the request body was cut by the capture tool (\(bytes.count) bytes were recorded)", at: text,
                    pointer: pointer.appending("text"))
            }
        } else if !request.formParams.isEmpty && isFormURLEncoded(mimeType) {
            request.body = CapturedBody(bytes: formURLEncoded(request.formParams), mimeType: mimeType)
        } else {
            request.body = CapturedBody(bytes: [], mimeType: mimeType, isTruncated: true)
            let what =
                request.formParams.isEmpty
                ? "the request body was not captured (`request.postData` has no `text`)"
                : "only the form fields of the request body were captured (`request.postData.params`), not the body"
            c.reportTruncatedBody(what, at: post, pointer: pointer)
        }
    }

    private static func decodeResponse(_ c: inout EntryContext, _ node: Int?) -> CapturedResponse? {
        guard let node, c.kind(node) != .null else {
            c.report(
                .captureMissingField, .warning,
                "the entry has no `response`; it is read as a request that got no response", at: nil,
                pointer: ["response"], hint: "HAR writes `\"status\": 0` for a request without a response")
            return nil
        }
        guard c.kind(node) == .object else {
            c.report(
                .captureWrongType, "`response` is \(c.describe(node)); expected an object", at: node,
                pointer: ["response"])
            return nil
        }
        let found = c.members(responseMembers, of: node)
        guard
            let statusNode = c.required(
                found[0], in: node, .number, "an integer status code", at: ["response", "status"])
        else { return nil }
        guard let status = c.integer(statusNode), status >= 0, status <= 999 else {
            c.report(
                .captureInvalidValue, "`response.status` is \(c.rawText(statusNode)); expected a status code 100...999",
                at: statusNode, pointer: ["response", "status"])
            return nil
        }
        if status == 0 { return nil }  // HAR: the request got no response (blocked, aborted, failed)
        let headers = decodeHeaders(&c, found[3], at: ["response"])
        var response = CapturedResponse(
            status: status, statusText: c.optionalString(found[1], at: ["response", "statusText"]),
            httpVersion: c.optionalString(found[2], at: ["response", "httpVersion"]), headers: headers)
        response.cookies = decodeCookies(&c, found[4], at: ["response"])
        if response.cookies.isEmpty {
            response.cookies = cookies(fromSetCookieHeaders: headers.values(named: "Set-Cookie"))
        }
        if let content = c.optional(found[5], .object, "an object", at: ["response", "content"]) {
            response.body = decodeContent(&c, content, headers: headers)
        }
        return response
    }

    private static func decodeContent(_ c: inout EntryContext, _ content: Int, headers: [CapturedHeader])
        -> CapturedBody?
    {
        let pointer: JSONPointer = ["response", "content"]
        let found = c.members(contentMembers, of: content)
        let mimeType =
            nonEmpty(c.optionalValue(found[0], at: pointer.appending("mimeType")))
            ?? headers.first(named: "Content-Type")
        let size = c.optionalNumber(found[1], at: pointer.appending("size")).flatMap { size in
            size >= 0 && size < 1e15 ? Int(size) : nil
        }
        let hinted = c.hasTruncationHint(underscored: found[4], plain: found[5], comment: found[6])
        guard let text = c.optional(found[2], .string, "a string", at: pointer.appending("text")) else {
            guard (size ?? 0) > 0 || hinted || found[2] != nil else { return nil }
            c.reportTruncatedBody(
                "the response body was not captured (`response.content` has no `text`"
                    + (size.map { "; its size is \($0) bytes)" } ?? ")"),
                at: content, pointer: pointer)
            return CapturedBody(bytes: [], mimeType: mimeType, isTruncated: true, declaredSize: size)
        }
        let encoding = c.optionalString(found[3], at: pointer.appending("encoding"))
        let (bytes, damaged) = c.bodyBytes(text: text, encoding: encoding, at: pointer.appending("text"))
        let short = size.map { $0 > bytes.count } ?? false
        // A body cut short by broken base64 already has its problem.
        if (short || hinted) && !damaged {
            c.reportTruncatedBody(
                "the response body was cut by the capture tool: \(bytes.count) bytes were recorded"
                    + (short ? " of \(size ?? 0) (`response.content.size`)" : ""),
                at: text, pointer: pointer.appending("text"))
        }
        return CapturedBody(
            bytes: bytes, mimeType: mimeType, isTruncated: damaged || short || hinted, declaredSize: size)
    }

    // MARK: - Name/value lists

    private static func decodeHeaders(_ c: inout EntryContext, _ list: Int?, at parent: JSONPointer)
        -> [CapturedHeader]
    {
        nameValueList(&c, "headers", list, at: parent, CapturedHeader.init(name:value:))
    }

    private static func decodeCookies(_ c: inout EntryContext, _ list: Int?, at parent: JSONPointer)
        -> [CapturedCookie]
    {
        nameValueList(&c, "cookies", list, at: parent, CapturedCookie.init(name:value:))
    }

    /// A HAR list of `{"name": ..., "value": ...}` objects (`value` is the member `name`'s value node);
    /// items that are not such objects are reported and left out.
    private static func nameValueList<Item>(
        _ c: inout EntryContext, _ name: String, _ value: Int?, at parent: JSONPointer,
        _ make: (String, String) -> Item
    ) -> [Item] {
        guard let list = c.optional(value, .array, "an array", at: parent.appending(name)) else { return [] }
        let count = c.count(of: list)
        guard count > 0 else { return [] }
        var result: [Item] = []
        // Sized once rather than regrown while appending (a hostile list of a million items only
        // gets the cap: a list that long grows as usual).
        result.reserveCapacity(min(count, 256))
        for (index, item) in c.items(of: list) {
            // Built only when a problem is reported: clean entries allocate no pointers.
            var pointer: JSONPointer { parent.appending(name).appending(index) }
            guard c.kind(item) == .object else {
                c.report(
                    .captureWrongType,
                    "`\(pointer.dottedPath)` is \(c.describe(item)); expected an object with "
                        + "`name` and `value`", at: item, pointer: pointer)
                continue
            }
            if let (itemName, value) = c.plainNameAndValue(item) {
                result.append(make(c.name(itemName), c.value(value)))
                continue
            }
            guard let itemName = c.required("name", of: item, .string, "a string", at: pointer.appending("name")),
                let value = c.required("value", of: item, .string, "a string", at: pointer.appending("value"))
            else { continue }
            result.append(make(c.string(itemName), c.string(value)))
        }
        return result
    }

    private static func decodeParams(_ c: inout EntryContext, _ params: Int?) -> [CapturedFormParam] {
        let parent: JSONPointer = ["request", "postData", "params"]
        guard let list = c.optional(params, .array, "an array", at: parent) else { return [] }
        var result: [CapturedFormParam] = []
        for (index, item) in c.items(of: list) {
            var pointer: JSONPointer { parent.appending(index) }
            guard c.kind(item) == .object else {
                c.report(
                    .captureWrongType, "`\(pointer.dottedPath)` is \(c.describe(item)); expected an object",
                    at: item, pointer: pointer)
                continue
            }
            guard let name = c.required("name", of: item, .string, "a string", at: pointer.appending("name")) else {
                continue
            }
            result.append(
                CapturedFormParam(
                    name: c.string(name),
                    value: c.optionalString("value", of: item, at: pointer.appending("value"), severity: .error),
                    fileName: c.optionalString("fileName", of: item, at: pointer.appending("fileName")),
                    contentType: c.optionalString("contentType", of: item, at: pointer.appending("contentType"))))
        }
        return result
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
