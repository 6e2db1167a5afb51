import FlowSpecModel
import FlowSpecSchema
import HTTPTypes

/// Checks one request against a plan.
struct RequestChecker {
    let plan: ValidationPlan

    /// `target` is the request target from UTF-8 offset `pathStart` on (an absolute URL's path and
    /// query are read in place); the bytes before it hold no `?`.
    func check(
        method: HTTPRequest.Method, target: String, pathStart: Int = 0, fields: HeaderSource, body: BodyInput
    ) -> RequestValidation {
        var result = RequestValidation(method: method, headers: fields)
        // One exit: returning the result from several places made the compiler copy it (retaining
        // and releasing each of its fields) on the way out.
        check(method: method, target: target, pathStart: pathStart, fields: fields, body: body, into: &result)
        return result
    }

    func check(
        method: HTTPRequest.Method, target: String, pathStart: Int = 0, fields: HeaderSource, body: BodyInput,
        into result: inout RequestValidation
    ) {
        var routeMethod = method
        var route = plan.router.routeInPlace(method: method, path: target, from: pathStart)
        if case .other(.methodNotAllowed(let allowed)) = route {
            switch (plan.options.undeclaredMethods, method) {
            case (.allowOptions, .options), (.allowOptionsAndHead, .options):
                result.isUncheckedMethod = true
                return
            case (.allowOptionsAndHead, .head) where allowed.contains(.get):
                routeMethod = .get
                route = plan.router.routeInPlace(method: .get, path: target, from: pathStart)
            default:
                break
            }
        }
        switch route {
        case .matched(let index, let captures):
            plan.withOperation(index) { operation in
                checkMatched(
                    operation, index, captures, method: method, routeMethod: routeMethod, target: target,
                    pathStart: pathStart, fields: fields, body: body, into: &result)
            }
        case .other(.notFound):
            let path = Self.pathOnly(target, from: pathStart)
            result.violations.append(
                plan.pathsSite.diagnostic(
                    .pathNotFound, "no path of the spec matches `\(path)`", instanceLocation: "path",
                    hint: "check the path against the spec's paths and server base paths; nothing is normalised "
                        + "(a trailing or double slash is a different path)"))
        case .other(.invalidPath(let error)):
            result.violations.append(
                plan.pathsSite.diagnostic(error.code, error.message, instanceLocation: "path"))
        case .other(.methodNotAllowed(let allowed)):
            result.allowedMethods = allowed
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            result.violations.append(
                plan.pathsSite.diagnostic(
                    .methodNotAllowed,
                    "`\(method.rawValue)` is not declared for `\(Self.pathOnly(target, from: pathStart))`; "
                        + "the path declares \(list)", instanceLocation: "method", hint: "use one of \(list)"))
        case .other(.matched(let index, let pathParameters)):
            let operation = plan.operations[index]
            result.operation = operation.matched
            result.parameters.pathValues = pathParameters
            checkParameters(operation, pathParameters, target: target, fields: fields, into: &result)
            if routeMethod == method || method != .head {
                BodyChecker(plan: plan).checkRequestBody(operation, fields: fields, body: body, into: &result)
            }
        }
    }

    /// The checks of a request whose path matched operation `index` with its values in place.
    func checkMatched(
        _ operation: OperationPlan, _ index: Int, _ captures: PathCaptures, method: HTTPRequest.Method,
        routeMethod: HTTPRequest.Method, target: String, pathStart: Int, fields: HeaderSource, body: BodyInput,
        into result: inout RequestValidation
    ) {
        result.operation = operation.matched
        if operation.parameters.pathValuesInPlace {
            // An operation with a fast plan has only path and query parameters, which are decoded
            // from the target alone: its verdict keeps no second reference to the header fields.
            result.parameters = DecodedParameters(
                deferred: DeferredParameters(
                    plan: plan, operation: index, target: target, pathStart: pathStart,
                    headers: operation.parameters.fast == nil ? fields : HeaderSource(pairs: [])))
            if !plan.options.strict, let fast = operation.parameters.fast {
                // Most requests are decided on the target's bytes; a refused value is worded there
                // too when everything else is usual, without asking the schema twice.
                var outcome = FastParameterOutcome()
                fastCheck(fast, captures, target: target, into: &outcome)
                if !outcome.acceptsAll
                    && !(outcome.isCertain
                        && wordRefused(operation, fast, outcome, captures, target: target, into: &result.violations))
                {
                    checkParameters(
                        operation, captures, target: target, fields: fields, refused: outcome.refused,
                        into: &result)
                }
            } else {
                checkParameters(operation, captures, target: target, fields: fields, into: &result)
            }
        } else {
            // Decoders that split the raw value need the path values as strings.
            guard case .matched(_, let pathParameters) = plan.router.matcher.match(target, from: pathStart) else {
                return
            }
            result.parameters.pathValues = pathParameters
            checkParameters(operation, pathParameters, target: target, fields: fields, into: &result)
        }
        if routeMethod == method || method != .head {
            BodyChecker(plan: plan).checkRequestBody(operation, fields: fields, body: body, into: &result)
        }
    }

    static func pathOnly(_ target: String, from pathStart: Int = 0) -> Substring {
        // `pathStart` is at an ASCII byte (`/`), so it is a character boundary.
        let start = target.utf8.index(target.utf8.startIndex, offsetBy: pathStart)
        let rest = target.utf8[start...]
        guard let mark = rest.firstIndex(of: UInt8(ascii: "?")) else { return Substring(rest) }
        return Substring(target.utf8[start..<mark])
    }

    // MARK: - Parameters

    func checkParameters(
        _ operation: OperationPlan, _ pathParameters: [PathParameter], target: String, fields: HeaderSource,
        into result: inout RequestValidation
    ) {
        let set = operation.parameters
        let strict = plan.options.strict
        let sources = parameterSources(operation, pathParameters, target: target, fields: fields)
        var decoded: [DecodedParameter] = []
        decoded.reserveCapacity(set.entries.count)
        for entry in set.entries {
            let check = entry.check
            do {
                guard let value = try decode(entry, pathParameters, sources) else { continue }
                decoded.append(DecodedParameter(definition: entry.decoder.definition, value: value))
                validate(value, check, options: plan.parameterOptions, into: &result.violations)
            } catch {
                result.violations.append(
                    check.site.diagnostic(error.code, error.message, instanceLocation: error.instanceLocation))
            }
        }
        result.parameters.all = decoded
        if strict {
            checkUndeclared(set, query: sources.query, fields: fields.httpFields, cookies: sources.cookies, operation, &result)
        }
    }

    /// Where `operation`'s parameters are read from; the query and the cookies are parsed only when a
    /// parameter (or strict mode) reads them.
    private func parameterSources(
        _ operation: OperationPlan, _ pathParameters: [PathParameter], target: String, fields: HeaderSource
    ) -> ParameterSources {
        let set = operation.parameters
        let strict = plan.options.strict
        // The first `?` of `target` starts the query, wherever the path starts.
        let query = set.readsQuery || strict ? QueryString(requestTarget: target) : QueryString()
        let cookies = set.readsCookies || strict ? CookieList(parsing: fields.values(of: .cookie)) : CookieList(parsing: [])
        return ParameterSources(path: pathParameters, query: query, headers: fields, cookies: cookies)
    }

    /// The value of one parameter, as the checks decode it (`nil`: absent and optional).
    @inline(__always) func decode(
        _ entry: ParameterEntry, _ pathParameters: [PathParameter], _ sources: ParameterSources
    ) throws(ParameterError) -> JSONValue? {
        if let type = entry.check.pathPrimitive,
            let parameter = pathParameters.first(where: { $0.name == entry.decoder.definition.name })
        {
            return type.coerce(parameter.decodedValue)
        }
        return try entry.decoder.decode(from: sources)
    }

    /// The parameters that decode, as ``checkParameters(_:_:target:fields:into:)-([PathParameter])``
    /// decodes them, without checking them (for ``DeferredParameters``).
    func decodeAll(
        _ operation: OperationPlan, _ pathParameters: [PathParameter], target: String, fields: HeaderSource
    ) -> [DecodedParameter] {
        let set = operation.parameters
        let sources = parameterSources(operation, pathParameters, target: target, fields: fields)
        var decoded: [DecodedParameter] = []
        decoded.reserveCapacity(set.entries.count)
        for entry in set.entries {
            guard let value = try? decode(entry, pathParameters, sources) else { continue }
            decoded.append(DecodedParameter(definition: entry.decoder.definition, value: value))
        }
        return decoded
    }

    /// ``checkParameters(_:_:target:fields:into:)-([PathParameter])`` for an operation whose path
    /// parameters are all `simple` primitives (``ParameterPlanSet/pathValuesInPlace``), with the path
    /// values read in `target` where the router found them: a value is turned into a string only when
    /// it is not a string or its check fails (to word the violation). Nothing decoded is kept: the
    /// verdict decodes again if asked (``DeferredParameters``). `refused` (bit `k`: `entries[k]`)
    /// are the values the fast path refused: their schemas are asked for errors straight away.
    func checkParameters(
        _ operation: OperationPlan, _ captures: PathCaptures, target: String, fields: HeaderSource,
        refused: UInt64 = 0, into result: inout RequestValidation
    ) {
        let set = operation.parameters
        let strict = plan.options.strict
        let query = set.readsQuery || strict ? QueryString(requestTarget: target) : QueryString()
        let cookies = set.readsCookies || strict ? CookieList(parsing: fields.values(of: .cookie)) : CookieList(parsing: [])
        let sources = ParameterSources(path: [], query: query, headers: fields, cookies: cookies)
        for (index, entry) in set.entries.enumerated() {
            let check = entry.check
            let wasRefused = index < 64 && refused & (1 &<< UInt64(index)) != 0
            if let type = check.pathPrimitive,
                let k = plan.router.matcher.captureIndex(rank: captures.rank, name: entry.decoder.definition.name)
            {
                checkPathValue(type, captures.range(k), in: target, check, refused: wasRefused, into: &result.violations)
                continue
            }
            do {
                guard let value = try entry.decoder.decode(from: sources) else { continue }
                validate(value, check, options: plan.parameterOptions, refused: wasRefused, into: &result.violations)
            } catch {
                result.violations.append(
                    check.site.diagnostic(error.code, error.message, instanceLocation: error.instanceLocation))
            }
        }
        if strict {
            checkUndeclared(set, query: sources.query, fields: fields.httpFields, cookies: sources.cookies, operation, &result)
        }
    }

    /// Checks the path value at UTF-8 offsets `range` of `target` (no percent-escapes, so its raw and
    /// decoded text are these bytes); `refused`: a check already refused it.
    func checkPathValue(
        _ type: PrimitiveType, _ range: Range<Int>, in target: String, _ check: ParameterCheck, refused: Bool = false,
        into violations: inout [Diagnostic]
    ) {
        guard check.schema >= 0 else { return }
        if type == .string && !refused {
            let schema = plan.schemas[check.schema]
            let valid = target.utf8.withContiguousStorageIfAvailable { bytes in
                schema.isValid(stringBytes: UnsafeBufferPointer(rebasing: bytes[range]), options: plan.parameterOptions)
            }
            if valid == true { return }
        }
        let utf8 = target.utf8
        let text = String(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])!
        // A string refused above needs no second look before its errors are collected.
        validate(
            type.coerce(text), check, options: plan.parameterOptions, refused: refused || type == .string,
            into: &violations)
    }

    /// Validates a decoded parameter or header value with its schema. `refused`: a check already
    /// refused the value, so it is most likely invalid and the schema is asked for its errors
    /// without asking first whether it is valid (an instance the collecting pass finds valid has no
    /// errors, so the violations are the same either way; the valid case is only slower).
    func validate(
        _ value: JSONValue, _ check: ParameterCheck, options: ValidationOptions, refused: Bool = false,
        into violations: inout [Diagnostic]
    ) {
        guard check.schema >= 0 else { return }
        let schema = plan.schemas[check.schema]
        var instance = value
        if check.contentIsJSON, case .string(let text) = value {
            do {
                instance = try JSONParser.parse(text)
            } catch {
                violations.append(
                    check.site.diagnostic(
                        DiagnosticCode(error.code.rawValue),
                        "\(check.instanceLocation) is not valid JSON: \(error.message)",
                        instanceLocation: check.instanceLocation))
                return
            }
        }
        if refused {
            // Asked below.
        } else if case .string(let text) = instance {
            if schema.isValid(string: text, options: options) { return }
        } else if schema.isValid(instance, options: options) {
            return
        }
        for error in schema.validate(instance, options: options).errors {
            let root = error.instancePointer.isRoot
            violations.append(
                Diagnostic(
                    code: error.code, severity: .error,
                    message: MessageText.join(
                        check.instanceLocation, root ? "" : " at ", root ? "" : error.instancePointer.description, ": ",
                        error.message),
                    location: error.location ?? check.site.location,
                    pointer: error.keywordPointer ?? check.site.pointer,
                    instancePointer: error.instancePointer, instanceLocation: check.instanceLocation))
        }
    }

    /// Strict mode: query parameters, header fields and cookies that the operation does not declare.
    func checkUndeclared(
        _ set: ParameterPlanSet, query: QueryString, fields: HTTPFields, cookies: CookieList,
        _ operation: OperationPlan,
        _ result: inout RequestValidation
    ) {
        var seen: Set<String> = []
        for item in query.items where !set.queryNames.contains(item.name) && seen.insert(item.name).inserted {
            if Self.isExplodedObjectMember(item.name, set, location: .query) { continue }
            result.violations.append(
                operation.site.diagnostic(
                    .undeclaredQueryParameter,
                    "query parameter \"\(item.name)\" is not declared by \(operation.matched.id)",
                    instanceLocation: "query \(item.name)", hint: "declare it, or turn strict mode off"))
        }
        for field in fields {
            let name = field.name.canonicalName
            guard !set.headerNames.contains(name), !StandardHeaders.contains(name), seen.insert("h " + name).inserted
            else { continue }
            result.violations.append(
                operation.site.diagnostic(
                    .undeclaredHeader, "header \"\(field.name.rawName)\" is not declared by \(operation.matched.id)",
                    instanceLocation: "header \(field.name.rawName)", hint: "declare it, or turn strict mode off"))
        }
        for cookie in cookies.cookies
        where !set.cookieNames.contains(cookie.name) && seen.insert("c " + cookie.name).inserted {
            if Self.isExplodedObjectMember(cookie.name, set, location: .cookie) { continue }
            result.violations.append(
                operation.site.diagnostic(
                    .undeclaredCookie, "cookie \"\(cookie.name)\" is not declared by \(operation.matched.id)",
                    instanceLocation: "cookie \(cookie.name)", hint: "declare it, or turn strict mode off"))
        }
    }

    /// Whether `name` is a property of an exploded `form` object parameter (or a `deepObject` key).
    static func isExplodedObjectMember(_ name: String, _ set: ParameterPlanSet, location: ParameterLocation) -> Bool {
        for decoder in set.decoder.decoders where decoder.definition.location == location {
            let definition = decoder.definition
            if definition.effectiveStyle == .deepObject, name.hasPrefix(definition.name + "[") { return true }
            if case .object(let properties, let additional) = definition.shape, definition.effectiveExplode,
                definition.effectiveStyle == .form
            {
                if properties[name] != nil || additional != nil { return true }
            }
        }
        return false
    }
}
