/// `dependentRequired` (or draft 4 `dependencies` with lists).
struct DependentRequired: Sendable {
    var name: String
    var required: [String]
    var utf8Name: [UInt8]
    var utf8Required: [[UInt8]]

    init(name: String, required: [String]) {
        self.name = name
        self.required = required
        self.utf8Name = Array(name.utf8)
        self.utf8Required = required.map { Array($0.utf8) }
    }
}
