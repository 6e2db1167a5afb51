public import FlowSpecValidator
public import Hummingbird
import NIOCore

/// Builds the fake flows service: `GET` and `POST /{envID}/flows/{flowID}` behind the validator.
///
/// ```swift
/// let validator = try Validator(contentsOf: "specs/pingone-flows.yaml")
/// let app = FlowsApp.make(validator: validator, host: "127.0.0.1", port: 8080)
/// try await app.runService()
/// ```
public enum FlowsApp {
    public static func router(
        validator: Validator,
        onReport: @escaping @Sendable (RequestValidation, ResponseValidation?) -> Void = { _, _ in }
    ) -> Router<BasicRequestContext> {
        let flows = FakeFlows()
        let router = Router()
        router.add(middleware: FlowSpecValidationMiddleware(validator: validator, onReport: onReport))
        router.get("/{envID}/flows/{flowID}") { _, context in
            flows.read(envID: try context.parameters.require("envID"), flowID: try context.parameters.require("flowID"))
        }
        router.post("/{envID}/flows/{flowID}") { request, context in
            // The validator has already matched the Content-Type to a declared action media type.
            let contentType = request.headers[.contentType] ?? ""
            let essence = contentType.split(separator: ";").first.map(String.init) ?? contentType
            var action = essence.lowercased().replacingPrefix("application/vnd.pingidentity.")
            if action.hasSuffix("+json") { action.removeLast(5) }
            return flows.submit(
                envID: try context.parameters.require("envID"), flowID: try context.parameters.require("flowID"),
                action: FlowsApp.canonical(action))
        }
        return router
    }

    /// The action's name as the spec spells it (media types compare case-insensitively).
    static func canonical(_ lowercased: String) -> String {
        let names = [
            "usernamePassword.check", "session.reset", "password.forgot", "password.sendRecoveryCode",
            "password.recover",
        ]
        return names.first { $0.lowercased() == lowercased } ?? lowercased
    }

    public static func make(
        validator: Validator, host: String = "127.0.0.1", port: Int = 8080,
        onReport: @escaping @Sendable (RequestValidation, ResponseValidation?) -> Void = { _, _ in },
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(validator: validator, onReport: onReport),
            configuration: .init(address: .hostname(host, port: port), serverName: "flows-service"),
            onServerRunning: onServerRunning)
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
