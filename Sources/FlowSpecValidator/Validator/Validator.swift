public import FlowSpecModel
public import HTTPTypes

/// The embeddable request and response validator: compile a spec once, then check any number of
/// requests and responses against it, from any number of tasks at once.
///
/// ```swift
/// let validator = try Validator(contentsOf: "specs/pingone-flows.yaml")
///
/// var request = HTTPRequest(method: .post, scheme: "https", authority: "auth.pingone.com",
///                           path: "/3f1c5b7e-2a94-4d6b-8e0f-6c2d9a1b4e73/flows/4b8e1f27-3a6c-4d90-b5e2-8f0a7c1d9e36")
/// request.headerFields[.contentType] = "application/vnd.pingidentity.usernamePassword.check+json"
/// let verdict = validator.validate(request: request, body: Array(#"{"username":"lisa"}"#.utf8))
/// verdict.operation?.id        // "submitFlowAction"
/// verdict.violations.map(\.message)
/// // ["request body: `password` is required"]
///
/// let response = HTTPResponse(status: .ok, headerFields: [.contentType: "application/hal+json"])
/// let answer = validator.validate(response: response, body: flowBytes, for: verdict)
/// answer.statusKey             // "200"
/// ```
///
/// Everything is decided when the validator is built: the router over the servers' base paths and
/// the path templates, a decoder and a compiled schema per parameter, a media-type matcher and a
/// compiled schema per body, and the status lookups. A validation then routes the path, decodes and
/// checks the parameters, matches the `Content-Type` and validates the body bytes directly (JSON
/// bodies are never turned into a tree when only a verdict is needed).
///
/// Every violation is a ``Diagnostic`` with a stable code (see the `DiagnosticCode` members such as
/// ``FlowSpecModel/DiagnosticCode/unsupportedMediaType``), where in the request or response
/// (`instanceLocation` such as `header Content-Type` or `path flowID`, or `instancePointer` into the
/// body), where in the spec (`location`, `pointer`) and a message. Checks fail closed: anything that
/// cannot be checked is a violation unless an option says otherwise.
///
/// `Validator` is an immutable `Sendable` value with no global state; copies share the compiled plan.
public struct Validator: Sendable {
    let plan: ValidationPlan

    /// Builds a validator from a loaded spec.
    ///
    /// Throws when the spec did not load as OpenAPI, or (unless ``ValidatorOptions/acceptsSpecErrors``)
    /// when loading or compiling it found errors; the error lists them with their locations.
    public init(_ loaded: LoadResult, options: ValidatorOptions = ValidatorOptions()) throws(ValidatorError) {
        guard let document = loaded.document else {
            throw ValidatorError(diagnostics: loaded.diagnostics)
        }
        if loaded.hasErrors && !options.acceptsSpecErrors {
            throw ValidatorError(diagnostics: loaded.diagnostics.filter { $0.severity == .error })
        }
        var builder = PlanBuilder(loaded: loaded, document: document, options: options)
        let plan = builder.build()
        let errors = plan.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty && !options.acceptsSpecErrors {
            throw ValidatorError(diagnostics: errors)
        }
        self.plan = plan
    }

    /// Loads the spec at `path` (following relative `$ref`s into other files) and builds a validator.
    public init(
        contentsOf path: String, options: ValidatorOptions = ValidatorOptions(),
        loadOptions: LoadOptions = LoadOptions()
    ) throws(ValidatorError) {
        try self.init(SpecLoader(options: loadOptions).load(path: path), options: options)
    }

    /// The options the validator was built with.
    public var options: ValidatorOptions { plan.options }

    /// Warnings found while building (schema keywords the engine ignores, say), and the errors that
    /// ``ValidatorOptions/acceptsSpecErrors`` let through.
    public var diagnostics: [Diagnostic] { plan.diagnostics }

    /// Every operation, request media type and response status the spec declares.
    public var coverageCatalog: CoverageCatalog { plan.coverage }

    /// Checks a request: routing, parameters, `Content-Type` and body.
    ///
    /// `body` is the request's content; `nil` or empty when it has none. Bodies larger than
    /// ``ValidatorOptions/maxBodyBytes`` are reported, not parsed.
    public func validate(request: HTTPRequest, body: [UInt8]?) -> RequestValidation {
        RequestChecker(plan: plan).check(
            method: request.method, target: request.path ?? "/", fields: HeaderSource(request.headerFields),
            body: .bytes(body))
    }

    /// Checks a request whose body was too large to collect (a middleware reads bodies only up to
    /// ``ValidatorOptions/maxBodyBytes``): everything but the body's content, and `body_too_large`.
    public func validate(request: HTTPRequest, oversizedBodyLength length: Int?) -> RequestValidation {
        RequestChecker(plan: plan).check(
            method: request.method, target: request.path ?? "/", fields: HeaderSource(request.headerFields),
            body: .oversized(length))
    }

    /// Checks a request given as plain strings, as a capture file holds it.
    ///
    /// `path` is the request target: a path with its query (`/env/flows/id?x=1`) or an absolute URL
    /// (`https://auth.pingone.com/env/flows/id`), whose scheme and authority are ignored. `headers` are
    /// (name, value) pairs; names that are not valid HTTP field names are skipped.
    ///
    /// ```swift
    /// let verdict = validator.validate(
    ///     method: "POST", path: "https://auth.pingone.com/\(envID)/flows/\(flowID)",
    ///     headers: [("Content-Type", "application/vnd.pingidentity.otp.check+json")],
    ///     body: Array(#"{"otp": "123456"}"#.utf8))
    /// ```
    public func validate(
        method: String, path: String, headers: [(String, String)], body: [UInt8]?
    ) -> RequestValidation {
        // The pairs are read in place; `HTTPFields` are built only if something needs them all.
        let fields = HeaderSource(pairs: headers)
        guard let parsedMethod = Self.method(method) else {
            var result = RequestValidation(method: .get, headers: fields)
            result.violations.append(
                plan.pathsSite.diagnostic(
                    .methodNotAllowed, "`\(method)` is not a valid HTTP method", instanceLocation: "method"))
            return result
        }
        // One call, which builds its result where it is returned: two calls (one per form of the
        // target) inlined here had the result built aside and copied (a dozen retains and releases).
        let start = Self.pathStart(path)
        return RequestChecker(plan: plan).check(
            method: parsedMethod, target: start == nil ? Self.pathAndQuery(path) : path, pathStart: start ?? 0,
            fields: fields, body: .bytes(body))
    }

    /// Checks a response to a request checked before: status, headers, `Content-Type` (also against
    /// the request's `Accept`) and body.
    public func validate(response: HTTPResponse, body: [UInt8]?, for request: RequestValidation) -> ResponseValidation {
        ResponseChecker(plan: plan).check(
            status: response.status.code, fields: HeaderSource(response.headerFields), body: .bytes(body),
            request: request)
    }

    /// Checks a response whose body was too large to collect: everything but the body's content, and
    /// `body_too_large`.
    public func validate(
        response: HTTPResponse, oversizedBodyLength length: Int?, for request: RequestValidation
    ) -> ResponseValidation {
        ResponseChecker(plan: plan).check(
            status: response.status.code, fields: HeaderSource(response.headerFields), body: .oversized(length),
            request: request)
    }

    /// Checks a response given as plain values, as a capture file holds it.
    public func validate(
        status: Int, headers: [(String, String)], body: [UInt8]?, for request: RequestValidation
    ) -> ResponseValidation {
        ResponseChecker(plan: plan).check(
            status: status, fields: HeaderSource(pairs: headers), body: .bytes(body), request: request)
    }

    /// The method named `text`: the usual ones by their exact spelling (a short string compares in a
    /// few instructions), any other through `HTTPRequest.Method`'s token check.
    static func method(_ text: String) -> HTTPRequest.Method? {
        switch text {
        case "GET": return .get
        case "POST": return .post
        case "PUT": return .put
        case "DELETE": return .delete
        case "PATCH": return .patch
        default: return HTTPRequest.Method(text)
        }
    }

    static func fields(_ headers: [(String, String)]) -> HTTPFields {
        var fields = HTTPFields()
        fields.reserveCapacity(headers.count)
        for (name, value) in headers {
            guard let fieldName = Self.knownName(name) ?? HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        return fields
    }

    /// Names that most messages carry, in their usual spelling.
    static let commonNames: [HTTPField.Name] = [
        "Host", "User-Agent", "Accept", "Authorization", "Content-Type", "Content-Length", "Cache-Control", "Cookie",
        "Accept-Encoding", "Accept-Language", "Connection", "Set-Cookie", "Date", "ETag", "Location", "Server", "Vary",
        "Origin", "Referer", "X-Request-Id", "X-Correlation-Id",
    ].compactMap { HTTPField.Name($0) }

    /// The common name spelled exactly `name` (`Content-Type`): what `HTTPField.Name(name)` would make,
    /// without validating and lower-casing the text again; `nil` for any other spelling.
    static func knownName(_ name: String) -> HTTPField.Name? {
        let count = name.utf8.count
        for known in commonNames where known.rawName.utf8.count == count && known.rawName == name {
            return known
        }
        return nil
    }

    /// Where the path of `target` starts when the target from there on is what ``pathAndQuery(_:)``
    /// returns and no `?` comes before it (so the first `?` of `target` still starts the query):
    /// `0` for a path, the offset of the `/` after the authority for an absolute URL. `nil` when
    /// ``pathAndQuery(_:)`` builds a different string (no path after the authority, say).
    static func pathStart(_ target: String) -> Int? {
        if target.utf8.first == UInt8(ascii: "/") { return 0 }
        return target.utf8.withContiguousStorageIfAvailable { b -> Int? in
            var k = 0
            while k &+ 2 < b.count {
                if b[k] == UInt8(ascii: "?") { return nil }
                if b[k] == UInt8(ascii: ":") && b[k &+ 1] == UInt8(ascii: "/") && b[k &+ 2] == UInt8(ascii: "/") {
                    var slash = k &+ 3
                    while slash < b.count {
                        // The authority many bytes at a time up to a `/`, `?` (or `%`, judged below).
                        slash = PathMatcher.nextDelimiter(b, from: slash)
                        guard slash < b.count else { break }
                        if b[slash] == UInt8(ascii: "/") || b[slash] == UInt8(ascii: "?") { break }
                        slash &+= 1
                    }
                    return slash < b.count && b[slash] == UInt8(ascii: "/") ? slash : nil
                }
                k &+= 1
            }
            return nil
        } ?? nil
    }

    /// The path and query of a request target that may be an absolute URL.
    static func pathAndQuery(_ target: String) -> String {
        if target.utf8.first == UInt8(ascii: "/") { return target }
        // Searched in the contiguous bytes: walking `String.UTF8View` indices is costly on this hot
        // path. Every cut is at an ASCII byte, so the tail is whole UTF-8 characters.
        var text = target
        return text.withUTF8 { b in
            // The first `://`.
            var k = 0
            var afterScheme = -1
            while k &+ 2 < b.count {
                if b[k] == UInt8(ascii: ":") && b[k &+ 1] == UInt8(ascii: "/") && b[k &+ 2] == UInt8(ascii: "/") {
                    afterScheme = k &+ 3
                    break
                }
                k &+= 1
            }
            guard afterScheme >= 0 else { return target }
            var slash = afterScheme
            while slash < b.count && b[slash] != UInt8(ascii: "/") && b[slash] != UInt8(ascii: "?") { slash &+= 1 }
            guard slash < b.count else { return "/" }
            let tail = String(decoding: UnsafeBufferPointer(rebasing: b[slash...]), as: UTF8.self)
            return b[slash] == UInt8(ascii: "?") ? "/" + tail : tail
        }
    }
}
