public import FlowSpecModel

/// Rules about the `info` object, with Spectral's ids.
public enum InfoRules {
    public static let all: [LintRule] = [
        LintRule(
            id: "info-contact", severity: .warning, summary: "The `info` object has a `contact`.", category: "info"
        ) { context, findings in
            if context.document.info.contact == nil {
                findings.report(
                    "`info` has no `contact`", at: context.document.info.node,
                    hint: "add `contact:` with a name, url or email so users know whom to ask")
            }
        },
        LintRule(
            id: "info-description", severity: .warning, summary: "The `info` object has a non-empty `description`.",
            category: "info"
        ) { context, findings in
            if (context.document.info.description ?? "").trimmingWhitespace.isEmpty {
                findings.report("`info` has no `description`", at: context.document.info.node)
            }
        },
        LintRule(
            id: "info-license", severity: .warning, summary: "The `info` object has a `license`.", category: "info",
            recommended: false
        ) { context, findings in
            if context.document.info.license == nil {
                findings.report("`info` has no `license`", at: context.document.info.node)
            }
        },
        LintRule(
            id: "license-url", severity: .warning, summary: "The license has a `url` (or, in 3.1, an `identifier`).",
            category: "info", recommended: false
        ) { context, findings in
            if let license = context.document.info.license, license.url == nil, license.identifier == nil {
                findings.report("the license has no `url`", at: license.node)
            }
        },
        LintRule(
            id: "contact-properties", severity: .warning, summary: "The contact has a name, a url and an email.",
            category: "info", recommended: false
        ) { context, findings in
            guard let contact = context.document.info.contact else { return }
            for (field, value) in [("name", contact.name), ("url", contact.url), ("email", contact.email)] where value == nil {
                findings.report("the contact has no `\(field)`", at: contact.node)
            }
        },
    ]
}

extension String {
    var trimmingWhitespace: Substring {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
