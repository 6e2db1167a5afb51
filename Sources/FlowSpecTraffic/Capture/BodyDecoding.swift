import FlowSpecModel

extension EntryContext {
    /// The bytes of a body written as the string node `text`, decoded per `encoding` (`base64`, or
    /// text for `nil`, `utf-8` and the like). `damaged` is `true` when the bytes are only part of the
    /// body because the base64 broke off.
    mutating func bodyBytes(
        text node: Int, encoding: String?, at pointer: @autoclosure () -> JSONPointer
    ) -> (bytes: [UInt8], damaged: Bool) {
        let raw = stringBytes(node)
        switch encoding?.lowercased() {
        case nil, "", "utf8", "utf-8", "text", "identity":
            return (raw, false)
        case "base64":
            let decoded = Base64.decode(raw)
            guard let bad = decoded.invalidOffset else { return (decoded.bytes, false) }
            let path = pointer()
            let shown =
                bad < raw.count ? " (`\(describeBase64Byte(raw[bad]))` at character \(bad))" : " (it ends early)"
            report(
                .captureInvalidBase64,
                "`\(path.dottedPath)` is marked as base64 but is not valid base64\(shown); "
                    + "the body holds the \(decoded.bytes.count) bytes decoded before it",
                at: node, pointer: path, hint: "export the capture again; base64 uses A-Z a-z 0-9 + / and = padding")
            return (decoded.bytes, true)
        case let other?:
            let path = pointer()
            report(
                .captureInvalidValue, .warning,
                "the body at `\(path.dottedPath)` has the unknown encoding `\(other)`; it is read as text",
                at: node, pointer: path, hint: "use `base64`, or leave the encoding out for text")
            return (raw, false)
        }
    }

    private func describeBase64Byte(_ c: UInt8) -> String {
        c >= 0x21 && c < 0x7F ? String(Unicode.Scalar(c)) : "0x" + String(c, radix: 16, uppercase: true)
    }

    /// Reports a body that the capture holds only in part (or not at all).
    mutating func reportTruncatedBody(_ message: String, at node: Int?, pointer: JSONPointer) {
        report(
            .captureTruncatedBody, .warning, message, at: node, pointer: pointer,
            hint: "raise the capture tool's body size limit, or record bodies, to validate this body")
    }

    /// Whether a HAR `content` or `postData` object says its text was cut: a `_truncated: true`
    /// member, or a comment that says so (tools that cut bodies write one).
    func hasTruncationHint(_ object: Int) -> Bool {
        hasTruncationHint(
            underscored: member("_truncated", of: object), plain: member("truncated", of: object),
            comment: member("comment", of: object))
    }

    /// ``hasTruncationHint(_:)`` for members already looked up (their value nodes).
    func hasTruncationHint(underscored: Int?, plain: Int?, comment: Int?) -> Bool {
        if flag(underscored) || flag(plain) { return true }
        guard let comment, kind(comment) == .string else { return false }
        return string(comment).lowercased().contains("truncat")
    }
}

/// Cookies written in `Cookie` header fields (RFC 6265 section 5.4): `a=1; b=2`.
func cookies(fromCookieHeaders values: [String]) -> [CapturedCookie] {
    var result: [CapturedCookie] = []
    for value in values {
        for pair in value.split(separator: ";") {
            let trimmed = pair.drop { $0 == " " || $0 == "\t" }
            guard !trimmed.isEmpty else { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingSpaces()
            let cookieValue = parts.count > 1 ? parts[1].trimmingSpaces() : ""
            result.append(CapturedCookie(name: name, value: cookieValue))
        }
    }
    return result
}

/// The name and value of each `Set-Cookie` field (RFC 6265 section 5.2); attributes are dropped.
func cookies(fromSetCookieHeaders values: [String]) -> [CapturedCookie] {
    values.compactMap { value in
        let pair = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return CapturedCookie(name: parts[0].trimmingSpaces(), value: parts[1].trimmingSpaces())
    }
}

/// Form fields serialised as `application/x-www-form-urlencoded` (WHATWG URL, section 5.2).
func formURLEncoded(_ params: [CapturedFormParam]) -> [UInt8] {
    var out: [UInt8] = []
    for (i, param) in params.enumerated() {
        if i > 0 { out.append(UInt8(ascii: "&")) }
        appendFormEncoded(param.name, to: &out)
        out.append(UInt8(ascii: "="))
        appendFormEncoded(param.value ?? "", to: &out)
    }
    return out
}

private func appendFormEncoded(_ text: String, to out: inout [UInt8]) {
    let hex = Array("0123456789ABCDEF".utf8)
    for c in text.utf8 {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"):
            out.append(c)
        case UInt8(ascii: " "):
            out.append(UInt8(ascii: "+"))
        default:
            out.append(UInt8(ascii: "%"))
            out.append(hex[Int(c >> 4)])
            out.append(hex[Int(c & 0xF)])
        }
    }
}

/// Whether a media type is `application/x-www-form-urlencoded` (parameters ignored, case-insensitive).
func isFormURLEncoded(_ mimeType: String?) -> Bool {
    guard let mimeType else { return false }
    let essence = mimeType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
        .trimmingSpaces().lowercased()
    return essence == "application/x-www-form-urlencoded"
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
