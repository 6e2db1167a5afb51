/// Resolves the inside of a property escape, `\p{...}` or `\P{...}`, to a ``CharSet``.
///
/// Supported, with ECMA-262's case-sensitive names and aliases
/// ([ECMA-262 §22.2.2.9](https://tc39.es/ecma262/#sec-runtime-semantics-unicodematchproperty-p)):
/// - general categories, alone or as `General_Category=`/`gc=`: `L`, `Letter`, `Lu`, `Nd`, `digit`, `punct`, ...
/// - `Script=`/`sc=` and `Script_Extensions=`/`scx=` with any script name or alias (`Greek`, `Grek`), Unicode 16.0;
/// - every binary property ECMA-262 lists (`Alphabetic`, `Alpha`, `White_Space`, `Emoji`, `ASCII`, `Any`, ...).
///
/// Not supported: the `v`-flag properties of strings (`RGI_Emoji`, `Basic_Emoji`, ...), which are not valid with the
/// `u` flag JSON Schema implies; they are reported as unknown properties.
enum UnicodeProperty {
    /// Resolves `text`, the characters between the braces, into a set; `negated` for `\P`.
    static func set(for text: String, negated: Bool) throws(RegexErrorReason) -> CharSet {
        if let equals = text.firstIndex(of: "=") {
            let name = String(text[..<equals])
            let value = String(text[text.index(after: equals)...])
            guard !name.isEmpty, !value.isEmpty else { throw .invalidPropertySyntax }
            switch name {
            case "General_Category", "gc":
                guard let mask = generalCategoryMask(value) else { throw .unknownProperty(text) }
                return CharSet(
                    ranges: [], properties: [PropertyTerm(test: .generalCategories(mask), isNegated: negated)])
            case "Script", "sc":
                guard let ranges = UnicodeScriptTable.scriptRanges(named: value, extensions: false) else {
                    throw .unknownProperty(text)
                }
                return rangesSet(ranges, negated: negated)
            case "Script_Extensions", "scx":
                guard let ranges = UnicodeScriptTable.scriptRanges(named: value, extensions: true) else {
                    throw .unknownProperty(text)
                }
                return rangesSet(ranges, negated: negated)
            default:
                throw .unknownProperty(text)
            }
        }
        if let mask = generalCategoryMask(text) {
            return CharSet(ranges: [], properties: [PropertyTerm(test: .generalCategories(mask), isNegated: negated)])
        }
        if let property = BinaryProperty.named(text) {
            return CharSet(ranges: [], properties: [PropertyTerm(test: .binary(property), isNegated: negated)])
        }
        switch text {
        case "ASCII":
            return rangesSet([0...0x7F], negated: negated)
        case "Any":
            return rangesSet([0...0x10FFFF], negated: negated)
        case "Assigned":
            let mask = allCategoriesMask & ~generalCategoryBit(.unassigned)
            return CharSet(ranges: [], properties: [PropertyTerm(test: .generalCategories(mask), isNegated: negated)])
        case "Regional_Indicator", "RI":
            return rangesSet([0x1F1E6...0x1F1FF], negated: negated)
        case "Extended_Pictographic", "ExtPict":
            return rangesSet(UnicodeScriptTable.extendedPictographic, negated: negated)
        case "Emoji_Component", "EComp":
            return rangesSet(UnicodeScriptTable.emojiComponent, negated: negated)
        default:
            throw .unknownProperty(text)
        }
    }

    private static func rangesSet(_ ranges: [ClosedRange<UInt32>], negated: Bool) -> CharSet {
        let normalized = CharSet.normalized(ranges)
        return CharSet(ranges: negated ? CharSet.complement(normalized) : normalized)
    }

    /// The bit for one general category in a ``PropertyTerm/Test/generalCategories(_:)`` mask.
    static func generalCategoryBit(_ category: Unicode.GeneralCategory) -> UInt32 {
        1 << UInt32(categoryIndex(category))
    }

    static let surrogateMask = generalCategoryBit(.surrogate)

    /// The general-category bit of `scalar`. The standard library's lookup costs a few hundred nanoseconds, so
    /// the one- and two-byte UTF-8 range (U+0000...U+07FF: Latin, Greek, Cyrillic, Hebrew, Arabic...) is
    /// answered from a table built on first use.
    static func generalCategoryBit(of scalar: Unicode.Scalar) -> UInt32 {
        if scalar.value < 0x800 { return 1 << UInt32(twoByteCategories[Int(scalar.value)]) }
        return generalCategoryBit(scalar.properties.generalCategory)
    }

    private static let twoByteCategories: [UInt8] = (UInt32(0)..<0x800).map { codePoint in
        UInt8(categoryIndex(Unicode.Scalar(codePoint).map(\.properties.generalCategory) ?? .unassigned))
    }

    private static let allCategoriesMask: UInt32 = (1 << 30) - 1

    private static func categoryIndex(_ category: Unicode.GeneralCategory) -> Int {
        switch category {
        case .uppercaseLetter: return 0
        case .lowercaseLetter: return 1
        case .titlecaseLetter: return 2
        case .modifierLetter: return 3
        case .otherLetter: return 4
        case .nonspacingMark: return 5
        case .spacingMark: return 6
        case .enclosingMark: return 7
        case .decimalNumber: return 8
        case .letterNumber: return 9
        case .otherNumber: return 10
        case .connectorPunctuation: return 11
        case .dashPunctuation: return 12
        case .openPunctuation: return 13
        case .closePunctuation: return 14
        case .initialPunctuation: return 15
        case .finalPunctuation: return 16
        case .otherPunctuation: return 17
        case .mathSymbol: return 18
        case .currencySymbol: return 19
        case .modifierSymbol: return 20
        case .otherSymbol: return 21
        case .spaceSeparator: return 22
        case .lineSeparator: return 23
        case .paragraphSeparator: return 24
        case .control: return 25
        case .format: return 26
        case .surrogate: return 27
        case .privateUse: return 28
        case .unassigned: return 29
        @unknown default: return 29
        }
    }

    /// The mask for a General_Category value name or alias, `nil` if `name` is not one.
    static func generalCategoryMask(_ name: String) -> UInt32? {
        for (mask, names) in generalCategoryNames where names.contains(name) { return mask }
        return nil
    }

    private static func bits(_ categories: Unicode.GeneralCategory...) -> UInt32 {
        categories.reduce(0) { $0 | generalCategoryBit($1) }
    }

    /// PropertyValueAliases.txt's General_Category values, with ECMA-262's accepted spellings.
    private static let generalCategoryNames: [(UInt32, [String])] = [
        (bits(.uppercaseLetter, .lowercaseLetter, .titlecaseLetter), ["LC", "Cased_Letter"]),
        (bits(.closePunctuation), ["Pe", "Close_Punctuation"]),
        (bits(.connectorPunctuation), ["Pc", "Connector_Punctuation"]),
        (bits(.control), ["Cc", "Control", "cntrl"]),
        (bits(.currencySymbol), ["Sc", "Currency_Symbol"]),
        (bits(.dashPunctuation), ["Pd", "Dash_Punctuation"]),
        (bits(.decimalNumber), ["Nd", "Decimal_Number", "digit"]),
        (bits(.enclosingMark), ["Me", "Enclosing_Mark"]),
        (bits(.finalPunctuation), ["Pf", "Final_Punctuation"]),
        (bits(.format), ["Cf", "Format"]),
        (bits(.initialPunctuation), ["Pi", "Initial_Punctuation"]),
        (
            bits(.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter),
            ["L", "Letter"]
        ),
        (bits(.letterNumber), ["Nl", "Letter_Number"]),
        (bits(.lineSeparator), ["Zl", "Line_Separator"]),
        (bits(.lowercaseLetter), ["Ll", "Lowercase_Letter"]),
        (bits(.nonspacingMark, .spacingMark, .enclosingMark), ["M", "Mark", "Combining_Mark"]),
        (bits(.mathSymbol), ["Sm", "Math_Symbol"]),
        (bits(.modifierLetter), ["Lm", "Modifier_Letter"]),
        (bits(.modifierSymbol), ["Sk", "Modifier_Symbol"]),
        (bits(.nonspacingMark), ["Mn", "Nonspacing_Mark"]),
        (bits(.decimalNumber, .letterNumber, .otherNumber), ["N", "Number"]),
        (bits(.openPunctuation), ["Ps", "Open_Punctuation"]),
        (bits(.control, .format, .surrogate, .privateUse, .unassigned), ["C", "Other"]),
        (bits(.otherLetter), ["Lo", "Other_Letter"]),
        (bits(.otherNumber), ["No", "Other_Number"]),
        (bits(.otherPunctuation), ["Po", "Other_Punctuation"]),
        (bits(.otherSymbol), ["So", "Other_Symbol"]),
        (bits(.paragraphSeparator), ["Zp", "Paragraph_Separator"]),
        (bits(.privateUse), ["Co", "Private_Use"]),
        (
            bits(
                .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation
            ),
            ["P", "Punctuation", "punct"]
        ),
        (bits(.lineSeparator, .paragraphSeparator, .spaceSeparator), ["Z", "Separator"]),
        (bits(.spaceSeparator), ["Zs", "Space_Separator"]),
        (bits(.spacingMark), ["Mc", "Spacing_Mark"]),
        (bits(.surrogate), ["Cs", "Surrogate"]),
        (bits(.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol), ["S", "Symbol"]),
        (bits(.titlecaseLetter), ["Lt", "Titlecase_Letter"]),
        (bits(.unassigned), ["Cn", "Unassigned"]),
        (bits(.uppercaseLetter), ["Lu", "Uppercase_Letter"]),
    ]
}
