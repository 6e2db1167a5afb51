import FlowSpecModel
import FlowSpecSchema
import HTTPTypes

/// Checks one response against the plan of the operation its request matched.
struct ResponseChecker {
    let plan: ValidationPlan

    func check(status: Int, fields: HeaderSource, body: BodyInput, request: RequestValidation) -> ResponseValidation {
        var result = ResponseValidation()
        // One exit, so that the result is not copied on the way out (see `RequestChecker`).
        check(status: status, fields: fields, body: body, request: request, into: &result)
        return result
    }

    func check(
        status: Int, fields: HeaderSource, body: BodyInput, request: RequestValidation,
        into result: inout ResponseValidation
    ) {
        // Only the index is read on the way: binding the whole `MatchedOperation` copied its strings.
        guard let matchedIndex = request.operation?.index, matchedIndex < plan.operations.count else {
            if !request.isUncheckedMethod {
                result.violations.append(
                    plan.pathsSite.diagnostic(
                        .responseNotChecked,
                        "the response (status \(status)) was not checked: its request matched no operation",
                        instanceLocation: "status", severity: .warning))
            }
            return
        }
        plan.withOperation(matchedIndex) { operation in
            check(operation, status: status, fields: fields, body: body, request: request, into: &result)
        }
    }

    func check(
        _ operation: OperationPlan, status: Int, fields: HeaderSource, body: BodyInput, request: RequestValidation,
        into result: inout ResponseValidation
    ) {
        let responses = operation.responses
        guard let index = responses.lookup(status) else {
            result.violations.append(
                responses.site.diagnostic(
                    .responseStatusUndeclared,
                    "status \(status) is not declared for \(request.operation?.id ?? ""); declared: "
                        + responses.declaredKeys.joined(separator: ", "),
                    instanceLocation: "status", hint: "declare the status (or a range such as 4XX, or default)"))
            return
        }
        // Unretained, as the operation (see `ValidationPlan.withOperation(_:_:)`).
        Unmanaged.passUnretained(responses.responses[index])._withUnsafeGuaranteedRef { response in
            result.statusKey = response.statusKey
            if !response.headers.isEmpty { checkHeaders(response, fields: fields, into: &result.violations) }
            guard request.method != .head, status != 204, status != 304 else { return }
            checkBody(response, status: status, fields: fields, body: body, request: request, into: &result)
        }
    }

    func checkHeaders(_ response: ResponsePlan, fields: HeaderSource, into violations: inout [Diagnostic]) {
        let sources = ParameterSources(path: [], query: QueryString(), headers: fields, cookies: CookieList(parsing: []))
        let requests = RequestChecker(plan: plan)
        for header in response.headers {
            do {
                guard let value = try header.decoder.decode(from: sources) else { continue }
                requests.validate(value, header.check, options: plan.responseOptions, into: &violations)
            } catch {
                if error.code == .missingRequiredParameter {
                    violations.append(
                        header.check.site.diagnostic(
                            .missingRequiredHeader,
                            "the response (\(response.statusKey)) lacks the required header \"\(header.name)\"",
                            instanceLocation: "header \(header.name)"))
                } else {
                    violations.append(
                        header.check.site.diagnostic(
                            error.code, error.message, instanceLocation: "header \(header.name)"))
                }
            }
        }
    }

    func checkBody(
        _ response: ResponsePlan, status: Int, fields: HeaderSource, body input: BodyInput, request: RequestValidation,
        into result: inout ResponseValidation
    ) {
        switch input {
        case .bytes(let body?):
            // Passed on as it is: a local copy of it retained and released it.
            checkBody(response, status: status, fields: fields, bytes: body, request: request, into: &result)
        case .bytes(nil):
            checkBody(response, status: status, fields: fields, bytes: [], request: request, into: &result)
        case .oversized(let length):
            result.violations.append(BodyChecker(plan: plan).tooLarge(length, site: response.contentSite))
        }
    }

    func checkBody(
        _ response: ResponsePlan, status: Int, fields: HeaderSource, bytes: [UInt8], request: RequestValidation,
        into result: inout ResponseValidation
    ) {
        let bodies = BodyChecker(plan: plan)
        guard let matcher = response.matcher else {
            if !bytes.isEmpty {
                result.violations.append(
                    response.site.diagnostic(
                        .responseBodyUndeclared,
                        "the response (\(response.statusKey)) declares no content, but has \(bytes.count) bytes",
                        instanceLocation: "body"))
            }
            return
        }
        if bytes.isEmpty {
            result.violations.append(
                response.contentSite.diagnostic(
                    .responseBodyMissing,
                    "the response (\(response.statusKey)) declares content (\(matcher.declaredKeys.joined(separator: ", "))) "
                        + "but has no body", instanceLocation: "body"))
            return
        }
        if bytes.count > plan.options.maxBodyBytes {
            result.violations.append(bodies.tooLarge(bytes.count, site: response.contentSite))
            return
        }
        // Looked up with `withValue`, which keeps the pairs unretained (see `HeaderSource`).
        fields.withValue(of: .contentType, key: .contentType) { contentType in
            guard let contentType else {
                result.violations.append(
                    bodies.missingContentType(matcher.declaredKeys, site: response.contentSite, .response))
                return
            }
            guard
                let match = BodyChecker.plainMatch(contentType, matcher)
                    ?? bodies.parseAndMatch(
                        contentType, matcher, site: response.contentSite, .response, into: &result.violations)
            else { return }
            result.mediaTypeKey = match.key
            if plan.options.checkAccept, status != 406 {
                let plainKey = response.plainKeys[match.keyIndex] && HTTPSyntax.sameBytes(contentType, match.key)
                checkAccept(
                    contentType, plainKey: plainKey, request: request, site: response.contentSite,
                    into: &result.violations)
            }
            // Unretained (see `ValidationPlan.withOperation(_:_:)`).
            Unmanaged.passUnretained(response.media[match.keyIndex])._withUnsafeGuaranteedRef { media in
                bodies.checkContent(bytes, media, .response, into: &result.violations)
            }
        }
    }

    /// Whether the request's `Accept` accepts the response's media type. `plainKey`: the
    /// `Content-Type` is exactly a declared key that is a plain `type/subtype` (so an `Accept` of
    /// exactly its text accepts it).
    func checkAccept(
        _ contentType: String, plainKey: Bool = false, request: RequestValidation, site: SpecSite,
        into violations: inout [Diagnostic]
    ) {
        request.headers.withValue(of: .accept, key: .accept) { joined in
            // The length first: `!=` with the literal took the general comparison for every value.
            guard let joined, joined.utf8.count != 3 || joined != "*/*" else { return }
            checkAccept(contentType, joined, plainKey: plainKey, request: request, site: site, into: &violations)
        }
    }

    /// ``checkAccept(_:plainKey:request:site:into:)`` for the request's `Accept` value `joined`
    /// (not `*/*`).
    func checkAccept(
        _ contentType: String, _ joined: String, plainKey: Bool, request: RequestValidation, site: SpecSite,
        into violations: inout [Diagnostic]
    ) {
        if plainKey && HTTPSyntax.sameBytes(joined, contentType) { return }
        if AcceptHeader.plainRangeAccepts(joined, contentType: contentType) { return }
        let values = request.headers.values(of: .accept)
        guard let actual = MediaType(parsing: contentType) else { return }
        var skipped: [MediaTypeParseError] = []
        let accept = AcceptHeader(lenientlyParsingFields: values, skipped: &skipped)
        guard !accept.elements.isEmpty, !accept.accepts(actual) else { return }
        violations.append(
            site.diagnostic(
                .notAcceptable,
                "the response's Content-Type `\(actual)` is not acceptable to the request's Accept `\(values.joined(separator: ", "))`",
                instanceLocation: "header Content-Type",
                hint: "answer with a media type the client accepts, or 406 Not Acceptable"))
    }
}
