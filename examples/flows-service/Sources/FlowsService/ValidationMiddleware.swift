public import FlowSpecModel
public import FlowSpecValidator
public import Hummingbird
import NIOCore

/// A Hummingbird middleware that checks every request against the spec before the route sees it,
/// and every response after, using ``Validator`` directly.
///
/// An invalid request is answered with a PingOne-style error body (the shape the flows spec declares
/// for 400, 404 and 415) whose `details` list the violations; an invalid response is reported
/// through `onReport` (a service would log it) and sent as it is.
public struct FlowSpecValidationMiddleware<Context: RequestContext>: RouterMiddleware {
    public let validator: Validator
    public let onReport: @Sendable (RequestValidation, ResponseValidation?) -> Void

    public init(
        validator: Validator, onReport: @escaping @Sendable (RequestValidation, ResponseValidation?) -> Void = { _, _ in }
    ) {
        self.validator = validator
        self.onReport = onReport
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        let limit = validator.options.maxBodyBytes
        let verdict: RequestValidation
        do {
            let buffer = try await request.collectBody(upTo: limit)
            let bytes = Array(buffer.readableBytesView)
            verdict = validator.validate(request: request.head, body: bytes)
        } catch {
            verdict = validator.validate(request: request.head, oversizedBodyLength: nil)
        }
        guard verdict.isValid else {
            onReport(verdict, nil)
            return PingOneErrors.response(for: verdict)
        }
        var response = try await next(request, context)
        let collector = BodyCollector()
        try await response.body.write(CollectingWriter(collector: collector))
        let bytes = collector.bytes
        response.body = ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        let answer = validator.validate(response: response.head, body: bytes, for: verdict)
        onReport(verdict, answer)
        return response
    }
}

/// The bytes a response body wrote.
final class BodyCollector: @unchecked Sendable {
    var bytes: [UInt8] = []
}

/// A response body writer that keeps what is written.
struct CollectingWriter: ResponseBodyWriter {
    let collector: BodyCollector

    mutating func write(_ buffer: ByteBuffer) async throws {
        collector.bytes.append(contentsOf: buffer.readableBytesView)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
