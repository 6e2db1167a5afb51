public import FlowSpecModel

/// A compiled schema, ready to validate instances: JSON values or raw JSON bytes.
///
/// Immutable and `Sendable`: compile once at start-up, then validate from any number of threads.
///
/// ```swift
/// var registry = SchemaRegistry()
/// registry.register(.openAPIDocument(tree: tree, file: "flows.yaml", baseURI: "file:///specs/flows.yaml"))
/// let flow = try SchemaValidator(registry: registry, uri: "file:///specs/flows.yaml#/components/schemas/Flow")
/// let result = flow.validate(json: bodyBytes, options: .init(direction: .response))
/// for error in result.errors { print(error) }   // "/steps/0/id: expected a string, got an integer"
/// ```
///
/// Raw bytes are the fast path: they are parsed into a flat tape that the validator reads without
/// building a tree.
public struct SchemaValidator: Sendable {
    let runtime: ProgramRuntime
    let entry: Int32
    /// Problems found while compiling.
    public let diagnostics: [Diagnostic]

    init(runtime: ProgramRuntime, diagnostics: [Diagnostic], entry: Int32) {
        self.runtime = runtime
        self.diagnostics = diagnostics
        self.entry = entry
    }

    /// Compiles the schema at `uri` on its own (use ``SchemaCompiler`` to compile many that share
    /// components). Throws when nothing is registered at `uri`; other compile problems are in
    /// ``diagnostics``.
    public init(
        registry: SchemaRegistry, uri: String, options: SchemaCompiler.Options = .init()
    ) throws(SchemaCompileError) {
        var compiler = SchemaCompiler(registry: registry, options: options)
        guard let handle = compiler.compile(uri: uri) else {
            throw SchemaCompileError(diagnostics: compiler.diagnostics)
        }
        self = compiler.finish().validator(handle)
    }

    /// Whether `value` matches, without building any error.
    public func isValid(_ value: JSONValue, options: ValidationOptions = .init()) -> Bool {
        // Decoded parameters are mostly scalars: the one-pass check takes them without a tape.
        if let scalar = StreamingCheck.Scalar(value),
            StreamingCheck.accepts(runtime: runtime, entry: entry, scalar: scalar, options: options)
        {
            return true
        }
        return isValid(tape: JSONTape(value), options: options)
    }

    /// Validates `value`, collecting errors.
    public func validate(_ value: JSONValue, options: ValidationOptions = .init()) -> ValidationResult {
        // Mostly called for a value `isValid` refused (a parameter, say): when the one-pass check
        // sees a keyword fail on it, the errors are collected in one pass.
        let mismatch = StreamingCheck.mismatches(runtime: runtime, entry: entry, value: value, options: options)
        return Self.withTape(value) { tape in
            mismatch ? validateCollectingFirst(tape: tape, options: options) : validate(tape: tape, options: options)
        }
    }

    /// Runs `body` on a tape holding `value`. A scalar's tape is allocated once at its size (two
    /// words), and a string's bytes are not copied: the tape points into the string, as it points
    /// into a parsed input (a refused parameter is wrapped in a tape only to be reported, and
    /// `JSONTape(value)` grew its arrays from empty).
    static func withTape<R>(_ value: JSONValue, _ body: (JSONTape) -> R) -> R {
        var tape = JSONTape()
        switch value {
        case .string(var text):
            return text.withUTF8 { buffer in
                tape.input = buffer
                tape.words.reserveCapacity(2)
                tape.appendInputString(offset: 0, count: buffer.count, ascii: JSONScan.isASCII(buffer))
                return body(tape)
            }
        case .number(let n):
            tape.words.reserveCapacity(2)
            tape.appendNumber(n)
        case .bool(let b):
            tape.words.reserveCapacity(2)
            tape.appendScalar(b ? .true : .false)
        case .null:
            tape.words.reserveCapacity(2)
            tape.appendScalar(.null)
        case .array, .object:
            tape = JSONTape(value)
        }
        return body(tape)
    }

    /// Whether the string `text` matches, without copying it into a tape of its own (parameter and
    /// header values are strings far more often than anything else).
    package func isValid(string text: String, options: ValidationOptions = .init()) -> Bool {
        var text = text
        return text.withUTF8 { isValid(stringBytes: $0, options: options) }
    }

    /// Parses `bytes` as JSON and tells whether the value matches (a parse error is a mismatch).
    public func isValid(
        json bytes: [UInt8], options: ValidationOptions = .init(), parseOptions: JSONParser.Options = .default
    ) -> Bool {
        // The tape points into `bytes`, so it is used inside this scope only.
        bytes.withUnsafeBufferPointer { buffer in
            if StreamingCheck.accepts(
                runtime: runtime, entry: entry, buffer: buffer, options: options, parseOptions: parseOptions)
            {
                return true
            }
            guard let tape = try? JSONParser.tape(buffer, options: parseOptions) else { return false }
            return isValid(tape: tape, options: options)
        }
    }

    /// Parses `bytes` as JSON and validates the value; a parse error is the one error returned
    /// (code `json.*`, at the instance's root, with the byte offset in the message).
    public func validate(
        json bytes: [UInt8], options: ValidationOptions = .init(), parseOptions: JSONParser.Options = .default
    ) -> ValidationResult {
        bytes.withUnsafeBufferPointer {
            validate(json: UnsafeRawBufferPointer($0), options: options, parseOptions: parseOptions)
        }
    }

    /// Parses `text` as JSON and validates the value (no copy for a native string).
    public func validate(
        json text: String, options: ValidationOptions = .init(), parseOptions: JSONParser.Options = .default
    ) -> ValidationResult {
        var text = text
        return text.withUTF8 {
            validate(json: UnsafeRawBufferPointer($0), options: options, parseOptions: parseOptions)
        }
    }

    /// Parses `text` as JSON and tells whether the value matches (a parse error is a mismatch).
    public func isValid(
        json text: String, options: ValidationOptions = .init(), parseOptions: JSONParser.Options = .default
    ) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            guard let tape = try? JSONParser.tape(buffer, options: parseOptions) else { return false }
            return isValid(tape: tape, options: options)
        }
    }

    /// Parses raw bytes as JSON and validates the value.
    public func validate(
        json buffer: UnsafeRawBufferPointer, options: ValidationOptions = .init(),
        parseOptions: JSONParser.Options = .default
    ) -> ValidationResult {
        let bytes = buffer.bindMemory(to: UInt8.self)
        // Most bodies are valid: one pass over the bytes says so without a tape; anything it cannot
        // vouch for goes through the tape, which makes every verdict it reports.
        switch StreamingCheck.verdict(
            runtime: runtime, entry: entry, buffer: bytes, options: options, parseOptions: parseOptions)
        {
        case .valid:
            return .valid
        case .mismatch:
            // A keyword failed: most likely invalid, so the errors are collected in one pass.
            do {
                let tape = try JSONParser.tape(bytes, options: parseOptions)
                return validateCollectingFirst(tape: tape, options: options, subtrees: parseOptions)
            } catch {
                return ValidationResult(isValid: false, errors: [Self.parseFailure(error)])
            }
        case .unsure:
            return validateOnTape(json: bytes, options: options, parseOptions: parseOptions)
        }
    }

    /// Parses into a tape and validates it, without the streaming pre-check (the differential tests
    /// compare the two).
    func validateOnTape(
        json bytes: UnsafeBufferPointer<UInt8>, options: ValidationOptions, parseOptions: JSONParser.Options
    ) -> ValidationResult {
        do {
            let tape = try JSONParser.tape(bytes, options: parseOptions)
            return validate(tape: tape, options: options)
        } catch {
            return ValidationResult(isValid: false, errors: [Self.parseFailure(error)])
        }
    }

    func isValid(tape: JSONTape, options: ValidationOptions) -> Bool {
        var evaluator = Evaluator(runtime: runtime, tape: tape, options: options, collect: false)
        var none = Annotations.inactive
        return evaluator.evaluate(entry, JSONTape.root, &none)
    }

    /// ``validate(tape:options:)`` for an instance that is most likely invalid: the collecting pass
    /// alone, without the fast pass first, whenever that gives the same result.
    ///
    /// The fast pass walks a prefix of the collecting pass's walk (it stops at the first failure,
    /// the collecting one goes on), so it takes no more steps. When the collecting pass stays within
    /// both the memo threshold and the step budget, the fast pass would have stayed within them too:
    /// it would have left no memo and no budget error, and the collecting pass after it is exactly
    /// this one. An instance found valid, or a long validation, is left to the two passes.
    ///
    /// `subtrees`: the options `tape` was parsed from bytes with, to check its valid collections in
    /// one pass (see ``Evaluator/validSubtreeSteps(_:_:)``).
    func validateCollectingFirst(
        tape: JSONTape, options: ValidationOptions, subtrees: JSONParser.Options? = nil
    ) -> ValidationResult {
        var evaluator = Evaluator(runtime: runtime, tape: tape, options: options, collect: true)
        evaluator.subtrees = subtrees
        var none = Annotations.inactive
        let valid = evaluator.evaluate(entry, JSONTape.root, &none)
        if valid || evaluator.steps > min(Evaluator.memoThreshold, options.maxSteps) {
            return validate(tape: tape, options: options)
        }
        let truncated = evaluator.truncated || evaluator.errors.count >= options.maxErrors
        return ValidationResult(isValid: false, errors: evaluator.errors, isTruncated: truncated)
    }

    func validate(tape: JSONTape, options: ValidationOptions) -> ValidationResult {
        var fast = Evaluator(runtime: runtime, tape: tape, options: options, collect: false)
        var nothing = Annotations.inactive
        if fast.evaluate(entry, JSONTape.root, &nothing) { return .valid }
        var evaluator = Evaluator(runtime: runtime, tape: tape, options: options, collect: true)
        // Subschemas the fast pass found valid need no second look.
        evaluator.memo = fast.memo.filter { $0.value }
        var none = Annotations.inactive
        let valid = evaluator.evaluate(entry, JSONTape.root, &none)
        if fast.steps > options.maxSteps || evaluator.steps > options.maxSteps {
            // The other errors would be artefacts of stopping midway.
            let budget = SchemaValidationError(
                code: "schema.budget_exceeded",
                message: "validation took more than the budget of \(options.maxSteps) steps and was stopped",
                instancePointer: .root, keyword: "")
            return ValidationResult(isValid: false, errors: [budget])
        }
        let truncated = evaluator.truncated || evaluator.errors.count >= options.maxErrors
        return ValidationResult(isValid: valid, errors: evaluator.errors, isTruncated: truncated)
    }

    static func parseFailure(_ error: JSONParseError) -> SchemaValidationError {
        SchemaValidationError(
            code: DiagnosticCode(error.code.rawValue),
            message:
                "the body is not valid JSON: \(error.message) (line \(error.line), column \(error.column), byte \(error.offset))",
            instancePointer: .root, keyword: "")
    }
}

/// Why a schema could not be compiled at all (nothing registered at its URI).
public struct SchemaCompileError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, with locations.
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.message).joined(separator: "; ") }
}
