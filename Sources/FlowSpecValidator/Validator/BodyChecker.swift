import FlowSpecModel
import FlowSpecSchema
import HTTPTypes

/// A body as the checks receive it.
enum BodyInput {
    /// The content (`nil` or empty when there is none).
    case bytes([UInt8]?)
    /// A body too large to have been read, with its length when known.
    case oversized(Int?)
}

/// Checks bodies: presence, `Content-Type`, size, and content against the matched media type's schema.
struct BodyChecker {
    let plan: ValidationPlan

    /// Which body, for messages and options.
    enum Side {
        case request, response

        var name: String { self == .request ? "request body" : "response body" }
    }

    func checkRequestBody(
        _ operation: OperationPlan, fields: HeaderSource, body input: BodyInput, into result: inout RequestValidation
    ) {
        switch input {
        case .bytes(let body?):
            // Passed on as it is: a local copy of it retained and released it.
            checkRequestBody(operation, fields: fields, bytes: body, oversized: nil, into: &result)
        case .bytes(nil):
            checkRequestBody(operation, fields: fields, bytes: [], oversized: nil, into: &result)
        case .oversized(let length):
            checkRequestBody(operation, fields: fields, bytes: [], oversized: .some(length), into: &result)
        }
    }

    func checkRequestBody(
        _ operation: OperationPlan, fields: HeaderSource, bytes: [UInt8], oversized: Int??,
        into result: inout RequestValidation
    ) {
        guard let declared = operation.requestBody else {
            if !bytes.isEmpty || oversized != nil {
                result.violations.append(
                    operation.site.diagnostic(
                        .requestBodyUndeclared,
                        "\(operation.matched.id) declares no request body, but the request has one",
                        instanceLocation: "body", hint: "send the request without a body"))
            }
            return
        }
        // Unretained: the plan owns it (see `ValidationPlan.withOperation(_:_:)`).
        Unmanaged.passUnretained(declared)._withUnsafeGuaranteedRef { declared in
            checkRequestBody(operation, declared, fields: fields, bytes: bytes, oversized: oversized, into: &result)
        }
    }

    func checkRequestBody(
        _ operation: OperationPlan, _ declared: RequestBodyPlan, fields: HeaderSource, bytes: [UInt8],
        oversized: Int??, into result: inout RequestValidation
    ) {
        // Looked up only for an operation that declares a body (most requests have none), with the
        // pairs unretained (see `HeaderSource.withValue(of:key:_:)`).
        fields.withValue(of: .contentType, key: .contentType) { contentType in
            if let oversized {
                result.violations.append(tooLarge(oversized, site: declared.site))
                if let contentType {
                    result.mediaTypeKey =
                        match(contentType, declared.matcher, site: declared.site, .request, into: &result.violations)?.key
                }
                return
            }
            if bytes.count > plan.options.maxBodyBytes {
                result.violations.append(tooLarge(bytes.count, site: declared.site))
                return
            }
            guard let contentType else {
                if !bytes.isEmpty {
                    result.violations.append(
                        missingContentType(declared.matcher.declaredKeys, site: declared.site, .request))
                } else if declared.required {
                    result.violations.append(
                        declared.site.diagnostic(
                            .requestBodyMissing,
                            "\(operation.matched.id) requires a request body, but the request has none",
                            instanceLocation: "body",
                            hint: "send a body of one of: \(declared.matcher.declaredKeys.joined(separator: ", "))"))
                }
                return
            }
            guard
                let match = Self.plainMatch(contentType, declared.matcher)
                    ?? parseAndMatch(contentType, declared.matcher, site: declared.site, .request, into: &result.violations)
            else { return }
            result.mediaTypeKey = match.key
            Unmanaged.passUnretained(declared.media[match.keyIndex])._withUnsafeGuaranteedRef { media in
                checkRequestContent(bytes, media, required: declared.required, into: &result.violations)
            }
        }
    }

    /// A request body's content, of media type `media` (`required`: the body is).
    func checkRequestContent(_ bytes: [UInt8], _ media: BodyMediaPlan, required: Bool, into violations: inout [Diagnostic]) {
        if bytes.isEmpty {
            if required || !media.acceptsEmpty {
                violations.append(
                    media.site.diagnostic(
                        .requestBodyEmpty,
                        "the request body is empty, but `\(media.key)` needs content"
                            + (required ? " (the body is required)" : " (its schema does not accept `{}`)"),
                        instanceLocation: "body", hint: "send a body that matches the schema of `\(media.key)`"))
            }
            return
        }
        checkContent(bytes, media, .request, into: &violations)
    }

    /// The declared media-type key a `Content-Type` selected.
    struct KeyMatch {
        /// The key's position among the declared keys.
        var keyIndex: Int
        var key: String
    }

    /// Finds the declared media type for a `Content-Type`; reports when there is none.
    func match(
        _ contentType: String, _ matcher: MediaTypeMatcher, site: SpecSite, _ side: Side,
        into violations: inout [Diagnostic]
    ) -> KeyMatch? {
        Self.plainMatch(contentType, matcher) ?? parseAndMatch(contentType, matcher, site: site, side, into: &violations)
    }

    /// The declared key a `Content-Type` is as written (the usual case), without parsing it.
    @inline(__always) static func plainMatch(_ contentType: String, _ matcher: MediaTypeMatcher) -> KeyMatch? {
        guard let index = matcher.fastMatch(contentType) else { return nil }
        return KeyMatch(keyIndex: index, key: matcher.declaredKeys[index])
    }

    /// ``match(_:_:site:_:into:)`` for a `Content-Type` that is not a declared key as written. The
    /// hot callers try ``plainMatch(_:_:)`` first and reach the site only here: passing it along
    /// copied it for every body.
    func parseAndMatch(
        _ contentType: String, _ matcher: MediaTypeMatcher, site: SpecSite, _ side: Side,
        into violations: inout [Diagnostic]
    ) -> KeyMatch? {
        switch matcher.match(contentType) {
        case .matched(let match):
            return KeyMatch(keyIndex: match.keyIndex, key: match.key)
        case .noMatch(let actual, let declared):
            let list = declared.joined(separator: ", ")
            violations.append(
                site.diagnostic(
                    side == .request ? .unsupportedMediaType : .responseMediaTypeUndeclared,
                    "Content-Type `\(actual)` is not a declared \(side == .request ? "request" : "response") media type; "
                        + "declared: \(list)", instanceLocation: "header Content-Type",
                    hint: Self.hint(for: actual, declared: declared)))
            return nil
        case .invalid(let error, _):
            violations.append(site.diagnostic(error.code, error.message, instanceLocation: "header Content-Type"))
            return nil
        }
    }

    /// A hint for a near miss: the declared key with the same subtype but for a `+json` suffix, say.
    static func hint(for actual: MediaType, declared: [String]) -> String? {
        let essence = actual.essence
        for key in declared {
            guard let candidate = MediaType(parsing: key) else { continue }
            let other = candidate.essence
            if other == essence + "+json" || essence == other + "+json" {
                return "did you mean `\(key)`? The `+json` suffix is part of the media type"
            }
        }
        return declared.isEmpty ? nil : "send one of the declared media types"
    }

    func missingContentType(_ declared: [String], site: SpecSite, _ side: Side) -> Diagnostic {
        site.diagnostic(
            .missingContentType, "the \(side.name) has no Content-Type; declared: \(declared.joined(separator: ", "))",
            instanceLocation: "header Content-Type", hint: "send a Content-Type header naming the body's media type")
    }

    func tooLarge(_ count: Int?, site: SpecSite) -> Diagnostic {
        let size = count.map { "\($0) bytes" } ?? "larger"
        return site.diagnostic(
            .bodyTooLarge,
            "the body is \(size), more than the \(plan.options.maxBodyBytes)-byte limit; "
                + "it was not checked", instanceLocation: "body",
            hint: "raise ValidatorOptions.maxBodyBytes if bodies this large are expected")
    }

    /// Validates non-empty content against the media type's schema.
    func checkContent(_ bytes: [UInt8], _ media: BodyMediaPlan, _ side: Side, into violations: inout [Diagnostic]) {
        let options = side == .request ? plan.requestOptions : plan.responseOptions
        switch media.kind {
        case .json:
            guard media.schema >= 0 else {
                do {
                    _ = try JSONParser.parse(bytes)
                } catch {
                    violations.append(
                        media.site.diagnostic(
                            DiagnosticCode(error.code.rawValue), "the \(side.name) is not valid JSON: \(error.message)",
                            instancePointer: .root))
                }
                return
            }
            let result = plan.withSchema(media.schema) { $0.validate(json: bytes, options: options) }
            if !result.isValid { append(result.errors, side, media, into: &violations) }
            if plan.options.strict, media.properties >= 0, let value = try? JSONParser.parse(bytes) {
                var found: [JSONPointer] = []
                plan.properties.undeclared(
                    in: value, node: media.properties, at: .root, into: &found, limit: plan.options.maxBodyViolations)
                for pointer in found {
                    violations.append(
                        media.site.diagnostic(
                            .undeclaredProperty,
                            "\(side.name): property `\(pointer.tokens.last ?? "")` at \(pointer) is not declared by "
                                + "the schema of `\(media.key)`", instancePointer: pointer,
                            hint: "declare it, or turn strict mode off"))
                }
            }
        case .form(let decoder):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                violations.append(notUTF8(side, media))
                return
            }
            do {
                let object = try decoder.decode(text)
                validate(.object(object), media, side, options: options, into: &violations)
            } catch {
                violations.append(
                    media.site.diagnostic(
                        .invalidBodyEncoding, "the \(side.name): \(error.message)", instanceLocation: "body"))
            }
        case .text:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                violations.append(notUTF8(side, media))
                return
            }
            validate(.string(text), media, side, options: options, into: &violations)
        case .opaque:
            return
        }
    }

    func notUTF8(_ side: Side, _ media: BodyMediaPlan) -> Diagnostic {
        media.site.diagnostic(
            .invalidBodyEncoding, "the \(side.name) of `\(media.key)` is not valid UTF-8 text", instanceLocation: "body"
        )
    }

    func validate(
        _ value: JSONValue, _ media: BodyMediaPlan, _ side: Side, options: ValidationOptions,
        into violations: inout [Diagnostic]
    ) {
        guard media.schema >= 0 else { return }
        let schema = plan.schemas[media.schema]
        if schema.isValid(value, options: options) { return }
        append(schema.validate(value, options: options).errors, side, media, into: &violations)
    }

    func append(
        _ errors: [SchemaValidationError], _ side: Side, _ media: BodyMediaPlan, into violations: inout [Diagnostic]
    ) {
        for error in errors {
            let root = error.instancePointer.isRoot
            violations.append(
                Diagnostic(
                    code: error.code, severity: .error,
                    message: MessageText.join(
                        side.name, root ? "" : " at ", root ? "" : error.instancePointer.description, ": ",
                        error.message),
                    location: error.location ?? media.site.location,
                    pointer: error.keywordPointer ?? media.site.pointer,
                    instancePointer: error.instancePointer))
        }
    }
}
