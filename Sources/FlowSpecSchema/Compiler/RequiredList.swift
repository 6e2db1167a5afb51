/// `required`, with each name's access so `readOnly` members may be left out of requests.
final class RequiredList: Sendable {
    let names: [String]
    let access: [Access]
    let utf8Names: [[UInt8]]

    init(names: [String], access: [Access]) {
        self.names = names
        self.access = access
        self.utf8Names = names.map { Array($0.utf8) }
    }
}
