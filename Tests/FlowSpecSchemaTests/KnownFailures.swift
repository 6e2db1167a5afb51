/// Suite tests that are known to fail, by "case / test" name, with the reason.
enum KnownFailures {
    static let draft2020_12: [String: String] = [:]
    static let optional: [String: String] = [:]
    static let formats: [String: String] = [:]
    static let openAPI30: [String: String] = [:]
}

/// Pass-count floors per file: a drop below fails the suite.
enum Floors {
    static let draft2020_12: [String: Int] = [:]
    static let optional: [String: Int] = [:]
    static let formats: [String: Int] = [:]
    static let openAPI30: [String: Int] = [:]
}
