import FlowSpecModel
import FlowSpecValidator
import Hummingbird
import NIOCore

/// PingOne-shaped error bodies (`id`, `code`, `message`, `details`), as the flows spec declares them.
enum PingOneErrors {
    static func response(for verdict: RequestValidation) -> Response {
        let codes = Set(verdict.violations.map(\.code))
        let status: HTTPResponse.Status
        let code: String
        if codes.contains(.pathNotFound) {
            (status, code) = (.notFound, "NOT_FOUND")
        } else if codes.contains(.methodNotAllowed) {
            (status, code) = (.methodNotAllowed, "INVALID_REQUEST")
        } else if codes.contains(.unsupportedMediaType) || codes.contains(.missingContentType) {
            (status, code) = (.unsupportedMediaType, "INVALID_REQUEST")
        } else {
            (status, code) = (.badRequest, "INVALID_DATA")
        }
        var details: [String] = []
        for violation in verdict.violations where violation.severity == .error {
            let target = violation.instanceLocation ?? violation.instancePointer.map { $0.isRoot ? "body" : "body \($0)" } ?? "request"
            details.append(
                "{\"code\":\(quoted(violation.code.rawValue)),\"target\":\(quoted(target)),"
                    + "\"message\":\(quoted(violation.message))}")
        }
        let message = verdict.violations.first?.message ?? "the request is invalid"
        let body =
            "{\"id\":\(quoted(FakeFlows.newID())),\"code\":\(quoted(code)),\"message\":\(quoted(message)),"
            + "\"details\":[\(details.joined(separator: ","))]}"
        var headers: HTTPFields = [.contentType: "application/json"]
        if !verdict.allowedMethods.isEmpty {
            headers[.allow] = verdict.allowedMethods.map(\.rawValue).joined(separator: ", ")
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
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
