import FlowSpecModel
import FlowSpecSchema

/// The compiled form of a spec: the router, a plan per operation and the compiled schemas. Built
/// once by ``PlanBuilder``; immutable, so one instance serves any number of threads.
final class ValidationPlan: Sendable {
    let router: Router<Int>
    let operations: [OperationPlan]
    /// ``operations`` as unretained references, for the checks' hot paths (see ``withOperation(_:_:)``).
    let operationRefs: [Unmanaged<OperationPlan>]
    /// The compiled schemas that plans refer to by slot.
    let schemas: [SchemaValidator]
    /// ``schemas`` each in a box of its own, and the boxes as unretained references, for the bodies'
    /// checks (see ``withSchema(_:_:)``).
    let schemaBoxes: [SchemaBox]
    let schemaRefs: [Unmanaged<SchemaBox>]
    let properties: PropertyTree
    let options: ValidatorOptions
    let coverage: CoverageCatalog
    /// Warnings found while building (and errors, when ``ValidatorOptions/acceptsSpecErrors`` is on).
    let diagnostics: [Diagnostic]
    /// The `paths` object, where routing violations point.
    let pathsSite: SpecSite
    let requestOptions: ValidationOptions
    let responseOptions: ValidationOptions
    let parameterOptions: ValidationOptions

    init(
        router: Router<Int>, operations: [OperationPlan], schemas: [SchemaValidator], properties: PropertyTree,
        options: ValidatorOptions, coverage: CoverageCatalog, diagnostics: [Diagnostic], pathsSite: SpecSite
    ) {
        self.router = router
        self.operations = operations
        self.operationRefs = operations.map { Unmanaged.passUnretained($0) }
        self.schemas = schemas
        schemaBoxes = schemas.map(SchemaBox.init)
        schemaRefs = schemaBoxes.map { Unmanaged.passUnretained($0) }
        self.properties = properties
        self.options = options
        self.coverage = coverage
        self.diagnostics = diagnostics
        self.pathsSite = pathsSite
        let maxErrors = max(1, options.maxBodyViolations)
        requestOptions = ValidationOptions(
            direction: .request, strictAccess: options.enforceReadWriteOnly, assertFormats: options.assertFormats,
            maxErrors: maxErrors)
        responseOptions = ValidationOptions(
            direction: .response, strictAccess: options.enforceReadWriteOnly, assertFormats: options.assertFormats,
            maxErrors: maxErrors)
        parameterOptions = ValidationOptions(
            direction: .none, assertFormats: options.assertFormats, maxErrors: maxErrors)
    }

    /// Calls `body` with operation `index` without retaining it. Reading a class reference out of
    /// an array retains it, and releases it afterwards (two lock-prefixed instructions), whenever
    /// anything in between may release memory, as writing a verdict's fields does; an `Unmanaged`
    /// is a plain word. Safe: the plan owns ``operations`` for its whole life and never changes them,
    /// and every check holds the plan while it runs.
    @inline(__always) func withOperation<R>(_ index: Int, _ body: (OperationPlan) -> R) -> R {
        operationRefs[index]._withUnsafeGuaranteedRef(body)
    }

    /// Calls `body` with schema `slot`, neither copied nor retained. Taken out of ``schemas``, a
    /// validator was copied for each body (its two references retained, and released after): a
    /// constant field of a box the plan owns is read in place. Safe for the reasons given at
    /// ``withOperation(_:_:)``.
    @inline(__always) func withSchema<R>(_ slot: Int, _ body: (SchemaValidator) -> R) -> R {
        schemaRefs[slot]._withUnsafeGuaranteedRef { body($0.validator) }
    }
}

/// One compiled schema, boxed so that the plan can lend it by reference (see
/// ``ValidationPlan/withSchema(_:_:)``).
final class SchemaBox: Sendable {
    let validator: SchemaValidator

    init(_ validator: SchemaValidator) { self.validator = validator }
}
