import FlowSpecModel

/// Rules about the `info` object, with Spectral's ids.
public enum InfoRules {
    public static let all: [LintRule] = [infoContact, infoDescription, infoLicense, licenseURL, contactProperties]

    static let infoContact = LintRule(
        id: "info-contact", severity: .warning, summary: "The `info` object has a `contact`.",
        description: """
            Users of an API need to know whom to ask when something is unclear or broken. Add `contact:` \
            under `info` with at least a name and a url or an email.
            """,
        category: "info"
    ) { context, findings in
        let info = context.document.info
        if info.contact == nil {
            findings.report(
                "`info` has no `contact`", at: context.place(info.node),
                hint: "add `contact:` with a name, url or email so users know whom to ask")
        }
    }

    static let infoDescription = LintRule(
        id: "info-description", severity: .warning, summary: "The `info` object has a non-empty `description`.",
        description: """
            The API's description is the first thing readers of generated documentation see: what the API \
            is for, how to authenticate, where to start. Add a `description:` under `info` (Markdown is allowed).
            """,
        category: "info"
    ) { context, findings in
        let info = context.document.info
        guard (info.description ?? "").trimmingWhitespace.isEmpty else { return }
        findings.report(
            "`info` has no `description`", at: context.value("description", in: info.node) ?? context.place(info.node),
            hint: "add `description:` saying what the API is for and how to start using it")
    }

    static let infoLicense = LintRule(
        id: "info-license", severity: .warning, summary: "The `info` object has a `license`.",
        description: """
            Without a license, users cannot tell whether they may use the API description (to generate \
            clients, for instance). Add `license:` with a `name` and a `url` (or, in 3.1, an SPDX `identifier`).
            """,
        category: "info", recommended: false
    ) { context, findings in
        let info = context.document.info
        if info.license == nil {
            findings.report(
                "`info` has no `license`", at: context.place(info.node),
                hint: "add `license:` with a `name` and a `url`")
        }
    }

    static let licenseURL = LintRule(
        id: "license-url", severity: .warning, summary: "The license has a `url` (or, in 3.1, an `identifier`).",
        description: """
            A license name alone does not say which text applies. Link to the license text with `url`, or in \
            OpenAPI 3.1 give its SPDX `identifier`.
            """,
        category: "info", recommended: false
    ) { context, findings in
        if let license = context.document.info.license, license.url == nil, license.identifier == nil {
            findings.report(
                "the license has no `url`", at: context.place(license.node),
                hint: context.version.is31
                    ? "add `url:` or an SPDX `identifier:`" : "add `url:` linking to the license text")
        }
    }

    static let contactProperties = LintRule(
        id: "contact-properties", severity: .warning, summary: "The contact has a name, a url and an email.",
        description: """
            A contact is most useful when it names the team, links to where issues are tracked and gives an \
            email. Fill in `name`, `url` and `email`.
            """,
        category: "info", recommended: false
    ) { context, findings in
        guard let contact = context.document.info.contact else { return }
        for (field, value) in [("name", contact.name), ("url", contact.url), ("email", contact.email)]
        where value == nil {
            findings.report(
                "the contact has no `\(field)`", at: context.place(contact.node), hint: "add `\(field):` to `contact`")
        }
    }
}

extension String {
    var trimmingWhitespace: Substring {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
