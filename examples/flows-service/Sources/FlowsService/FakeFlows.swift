import Hummingbird
import NIOCore
import Synchronization

/// A fake flows resource: every flow ID starts at `USERNAME_PASSWORD_REQUIRED`, and the actions
/// move it the way PingOne's documentation describes for the username/password and forgot-password
/// branches. The state lives in memory; nothing is persisted.
final class FakeFlows: Sendable {
    private let states = Mutex<[String: String]>([:])
    let host: String

    init(host: String = "https://auth.pingone.com") { self.host = host }

    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef")
        var text = ""
        for index in 0..<32 {
            if [8, 12, 16, 20].contains(index) { text.append("-") }
            let nibble = Int(generator.next() % 16)
            // Version 4, variant 10xx.
            if index == 12 { text.append("4") } else if index == 16 { text.append(hex[8 + nibble % 4]) } else {
                text.append(hex[nibble])
            }
        }
        return text
    }

    func read(envID: String, flowID: String) -> Response {
        let status = states.withLock { $0[flowID, default: "USERNAME_PASSWORD_REQUIRED"] }
        return flow(envID: envID, flowID: flowID, status: status)
    }

    /// Applies an action (the request's media type, already validated) and answers with the flow.
    func submit(envID: String, flowID: String, action: String) -> Response {
        let next: String?
        switch action {
        case "usernamePassword.check": next = "COMPLETED"
        case "session.reset": next = "USERNAME_PASSWORD_REQUIRED"
        case "password.forgot", "password.sendRecoveryCode": next = "RECOVERY_CODE_REQUIRED"
        case "password.recover": next = "COMPLETED"
        default: next = nil
        }
        guard let next else {
            let body = """
                {"id":"\(Self.newID())","code":"INVALID_REQUEST","message":"The action \(action) is not offered now",\
                "details":[{"code":"INVALID_VALUE","target":"Content-Type","message":"not offered in this state"}]}
                """
            return Response(
                status: .badRequest, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
        states.withLock { $0[flowID] = next }
        return flow(envID: envID, flowID: flowID, status: next)
    }

    func flow(envID: String, flowID: String, status: String) -> Response {
        let href = "\(host)/\(envID)/flows/\(flowID)"
        var links = ["\"self\":{\"href\":\"\(href)\"}"]
        switch status {
        case "USERNAME_PASSWORD_REQUIRED":
            for relation in ["usernamePassword.check", "password.forgot", "session.reset"] {
                links.append("\"\(relation)\":{\"href\":\"\(href)\"}")
            }
        case "RECOVERY_CODE_REQUIRED":
            for relation in ["password.recover", "password.sendRecoveryCode"] {
                links.append("\"\(relation)\":{\"href\":\"\(href)\"}")
            }
        default:
            break
        }
        var body = "{\"id\":\"\(flowID)\",\"status\":\"\(status)\",\"_links\":{\(links.joined(separator: ","))}"
        if status == "COMPLETED" {
            body += ",\"resumeUrl\":\"\(host)/\(envID)/as/resume?flowId=\(flowID)\""
        }
        body += "}"
        return Response(
            status: .ok, headers: [.contentType: "application/hal+json;charset=UTF-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
