import OpenAPIRuntime

/// Reads a body for validation without losing it: up to a limit into memory, and otherwise a body
/// that replays what was read and streams the rest.
enum BodyCollector {
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
