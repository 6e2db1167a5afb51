import ArgumentParser
import FlowSpecLint
import FlowSpecModel

/// `flowspec rules`: list the built-in lint rules (and, hidden, print docs/rules.md).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the built-in lint rules: id, default severity, and what each checks.",
        discussion: "Rules marked * are recommended (on by default). docs/rules.md describes each rule."
    )

    @Flag(help: ArgumentHelp("Print the rules reference, docs/rules.md, in Markdown.", visibility: .hidden))
    var markdown = false

    func run() throws {
        let rules = BuiltinRules.all
        if markdown {
            Output.write(RuleDocumentation.markdown(for: rules))
            return
        }
        let idWidth = rules.map(\.id.rawValue.count).max() ?? 0
        var text = ""
        for rule in rules {
            let d = rule.descriptor
            let id = d.id.rawValue.padding(to: idWidth)
            let severity = d.defaultSeverity.rawValue.padding(to: 5)
            text += "\(d.isRecommended ? "*" : " ") \(id)  \(severity)  \(d.summary)\n"
        }
        Output.write(text)
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
