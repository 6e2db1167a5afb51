/// One compiled keyword.
///
/// Every payload is a number or an index into one of the program's tables, so an `Op` is trivially
/// copyable: the evaluator reads ops without touching reference counts.
enum Op: Sendable {
    case alwaysFail(site: Int32)
    case type(TypeMask, nullable: Bool, site: Int32)
    /// Index into ``SchemaProgram/values``.
    case const(Int32, site: Int32)
    /// Index into ``SchemaProgram/enums``.
    case enumeration(Int32, nullable: Bool, site: Int32)
    /// Indexes into ``SchemaProgram/numbers``.
    case minimum(Int32, exclusive: Bool, site: Int32)
    case maximum(Int32, exclusive: Bool, site: Int32)
    case multipleOf(Int32, site: Int32)
    case minLength(Int, site: Int32)
    case maxLength(Int, site: Int32)
    case pattern(Int32, site: Int32)
    case format(FormatKind, forced: Bool, site: Int32)
    case minItems(Int, site: Int32)
    case maxItems(Int, site: Int32)
    case uniqueItems(site: Int32)
    case minProperties(Int, site: Int32)
    case maxProperties(Int, site: Int32)
    /// Index into ``SchemaProgram/requireds``.
    case required(Int32, site: Int32)
    /// Index into ``SchemaProgram/dependentRequireds``.
    case dependentRequired(Int32, site: Int32)
    /// Index into ``SchemaProgram/members``.
    case members(Int32)
    case propertyNames(Int32, site: Int32)
    /// Index into ``SchemaProgram/dependentSchemas``.
    case dependentSchemas(Int32, site: Int32)
    /// Index into ``SchemaProgram/items``.
    case items(Int32)
    case contains(ContainsApplicator)
    case ref(Int32, site: Int32)
    case dynamicRef(Int32, anchor: Int32, site: Int32)
    /// Indexes into ``SchemaProgram/lists``.
    case allOf(Int32, site: Int32)
    case anyOf(Int32, site: Int32)
    case oneOf(Int32, site: Int32)
    case not(Int32, site: Int32)
    case conditional(if: Int32, then: Int32, else: Int32, site: Int32)
    /// Index into ``SchemaProgram/discriminators``.
    case discriminator(Int32)
    case unevaluatedProperties(Int32, site: Int32)
    case unevaluatedItems(Int32, site: Int32)
    /// A keyword that could not be compiled (an unresolvable `$ref`): every instance fails with the
    /// message at this index of ``SchemaProgram/messages``, so a broken schema never passes silently.
    case broken(Int32, site: Int32)
}
