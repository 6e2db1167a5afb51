public import FlowSpecModel
import FlowSpecValidator
public import HTTPTypes

/// An RFC 9457 problem details body (`application/problem+json`) for refused requests, listing the
/// violations as the extension member `violations`.
///
/// ```json
/// {"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
///  "detail": "Content-Type `application/json` is not a declared request media type; declared: ...",
///  "violations": [{"code": "unsupported_media_type", "message": "...", "instanceLocation": "header Content-Type",
///                  "specLocation": "specs/pingone-flows.yaml:263:9", "specPointer": "/paths/..."}]}
/// ```
public enum ProblemDetails {
    /// The media type of problem bodies.
    public static let mediaType = "application/problem+json"

    /// The status that best describes `violations`: 404 no path, 405 undeclared method, 413 too large,
    /// 415 unsupported or missing media type, 400 otherwise.
    public static func status(for violations: [Diagnostic]) -> HTTPResponse.Status {
        let errors = violations.filter { $0.severity == .error }
        for (code, status) in [
            (DiagnosticCode.pathNotFound, HTTPResponse.Status.notFound), (.methodNotAllowed, .methodNotAllowed),
            (.bodyTooLarge, .contentTooLarge), (.unsupportedMediaType, .unsupportedMediaType),
            (.missingContentType, .unsupportedMediaType),
        ] where errors.contains(where: { $0.code == code }) {
            return status
        }
        return .badRequest
    }

    /// The response head and body for refused violations.
    public static func response(
        status: HTTPResponse.Status, violations: [Diagnostic], allow: [String] = []
    ) -> (HTTPResponse, [UInt8]) {
        var fields: HTTPFields = [.contentType: mediaType]
        if status == .methodNotAllowed, !allow.isEmpty { fields[.allow] = allow.joined(separator: ", ") }
        let body = Array(json(status: status, violations: violations).utf8)
        fields[.contentLength] = String(body.count)
        return (HTTPResponse(status: status, headerFields: fields), body)
    }

    /// The problem document as JSON text.
    public static func json(status: HTTPResponse.Status, violations: [Diagnostic]) -> String {
        let errors = violations.filter { $0.severity == .error }
        var text = "{\"type\":\"about:blank\",\"title\":" + quoted(status.reasonPhrase)
        text += ",\"status\":\(status.code)"
        if let first = errors.first { text += ",\"detail\":" + quoted(first.message) }
        text += ",\"violations\":["
        for (index, violation) in errors.enumerated() {
            if index > 0 { text += "," }
            text += "{\"code\":" + quoted(violation.code.rawValue) + ",\"message\":" + quoted(violation.message)
            if let place = violation.instanceLocation { text += ",\"instanceLocation\":" + quoted(place) }
            if let pointer = violation.instancePointer { text += ",\"instancePointer\":" + quoted(pointer.description) }
            if let location = violation.location { text += ",\"specLocation\":" + quoted(location.description) }
            if let pointer = violation.pointer { text += ",\"specPointer\":" + quoted(pointer.description) }
            if let hint = violation.hint { text += ",\"hint\":" + quoted(hint) }
            text += "}"
        }
        return text + "]}"
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
