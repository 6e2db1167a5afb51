import HTTPTypes

extension HTTPFields {
    /// The value of `name` as `self[name]` gives it, without its cost in the common case.
    ///
    /// `self[name]` collects every field of the name and joins their values, which allocates even for
    /// the single field almost every message has. This finds the first field and returns its value
    /// directly when no other field has the name; with several, it returns the joined value, so the
    /// answer is always exactly `self[name]`.
    func value(of name: HTTPField.Name) -> String? {
        var found: String?
        for field in self where field.name == name {
            if found != nil { return self[name] }
            found = field.value
        }
        return found
    }
}
