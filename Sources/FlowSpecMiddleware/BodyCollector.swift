import FlowSpecValidator
import HTTPTypes
import OpenAPIRuntime

/// Reads a body for validation without losing it: up to a limit into memory, and otherwise a body
/// that replays what was read and streams the rest.
enum BodyCollector {
    /// Reads `body` up to the validator's cap and validates `request` with it (a larger body is checked
    /// for everything but its content): the verdict, and the body to hand on.
    static func validate(_ request: HTTPRequest, body: HTTPBody?, with validator: Validator) async throws -> (
        verdict: RequestValidation, body: HTTPBody?
    ) {
        let collected = try await collect(body, limit: validator.options.maxBodyBytes)
        let verdict =
            collected.bytes.map { validator.validate(request: request, body: $0) }
            ?? validator.validate(request: request, oversizedBodyLength: length(of: body))
        return (verdict, collected.body)
    }

    /// The same for a response to the request `verdict` is about.
    static func validate(
        _ response: HTTPResponse, body: HTTPBody?, for request: RequestValidation, with validator: Validator
    ) async throws -> (verdict: ResponseValidation, body: HTTPBody?) {
        let collected = try await collect(body, limit: validator.options.maxBodyBytes)
        let verdict =
            collected.bytes.map { validator.validate(response: response, body: $0, for: request) }
            ?? validator.validate(response: response, oversizedBodyLength: length(of: body), for: request)
        return (verdict, collected.body)
    }

    /// A body's length when it is known.
    static func length(of body: HTTPBody?) -> Int? {
        if case .known(let length)? = body?.length { return Int(length) }
        return nil
    }

    /// The collected bytes (when the body fits in `limit`), and the body to pass on.
    static func collect(_ body: HTTPBody?, limit: Int) async throws -> (bytes: [UInt8]?, body: HTTPBody?) {
        guard let body else { return ([], nil) }
        if case .known(let length) = body.length, length > limit {
            return (nil, body)
        }
        let box = IteratorBox(body.makeAsyncIterator())
        var bytes: [UInt8] = []
        while let chunk = try await box.next() {
            bytes.append(contentsOf: chunk)
            if bytes.count > limit {
                // Too large to check: hand on what was read, then the rest, untouched.
                box.pending = bytes[...]
                let stream = AsyncThrowingStream<HTTPBody.ByteChunk, any Error> { try await box.next() }
                return (nil, HTTPBody(stream, length: body.length))
            }
        }
        return (bytes, HTTPBody(bytes))
    }

    /// Holds a body's iterator so that a replaying stream can keep reading it; it is only ever read
    /// by one consumer at a time.
    final class IteratorBox: @unchecked Sendable {
        var iterator: HTTPBody.AsyncIterator
        /// Bytes already read, to be handed on before the rest.
        var pending: HTTPBody.ByteChunk?

        init(_ iterator: HTTPBody.AsyncIterator) { self.iterator = iterator }

        func next() async throws -> HTTPBody.ByteChunk? {
            if let pending {
                self.pending = nil
                return pending
            }
            return try await iterator.next()
        }
    }
}
