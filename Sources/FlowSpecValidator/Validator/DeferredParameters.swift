import FlowSpecSchema

/// What a request's parameters were decoded from, kept by a verdict instead of the decoded values
/// (see ``DecodedParameters``): decoding again gives exactly what the validation decoded, since it
/// depends only on these.
struct DeferredParameters: Sendable {
    let plan: ValidationPlan
    /// The matched operation's index in the plan.
    let operation: Int
    /// The request target; its path starts at UTF-8 offset `pathStart`.
    let target: String
    let pathStart: Int
    let headers: HeaderSource

    /// The path values, as the router gives them.
    func pathValues() -> [PathParameter] {
        guard case .matched(_, let parameters) = plan.router.matcher.match(target, from: pathStart) else { return [] }
        return parameters
    }

    /// The parameters that decode, in declaration order (those that fail are the verdict's violations).
    func decodeAll() -> [DecodedParameter] {
        RequestChecker(plan: plan).decodeAll(
            plan.operations[operation], pathValues(), target: target, fields: headers)
    }
}
