/// The ECMA-262 binary Unicode properties that `Unicode.Scalar.Properties` answers
/// ([ECMA-262 table "Binary Unicode property aliases"](https://tc39.es/ecma262/#table-binary-unicode-properties)).
///
/// `ASCII`, `Any`, `Assigned`, `Regional_Indicator`, `Extended_Pictographic` and `Emoji_Component` are not here:
/// ``UnicodeProperty`` turns them into ranges or a general-category mask.
enum BinaryProperty: Sendable, Hashable, CaseIterable {
    case asciiHexDigit, alphabetic, bidiControl, bidiMirrored, caseIgnorable, cased
    case changesWhenCasefolded, changesWhenCasemapped, changesWhenLowercased, changesWhenNFKCCasefolded
    case changesWhenTitlecased, changesWhenUppercased, dash, defaultIgnorableCodePoint, deprecated, diacritic
    case emoji, emojiModifier, emojiModifierBase, emojiPresentation, extender, graphemeBase, graphemeExtend
    case hexDigit, idsBinaryOperator, idsTrinaryOperator, idContinue, idStart, ideographic, joinControl
    case logicalOrderException, lowercase, math, noncharacterCodePoint, patternSyntax, patternWhiteSpace
    case quotationMark, radical, sentenceTerminal, softDotted, terminalPunctuation, unifiedIdeograph, uppercase
    case variationSelector, whiteSpace, xidContinue, xidStart

    /// The canonical name and the short alias ECMA-262 accepts.
    var names: (long: String, short: String?) {
        switch self {
        case .asciiHexDigit: return ("ASCII_Hex_Digit", "AHex")
        case .alphabetic: return ("Alphabetic", "Alpha")
        case .bidiControl: return ("Bidi_Control", "Bidi_C")
        case .bidiMirrored: return ("Bidi_Mirrored", "Bidi_M")
        case .caseIgnorable: return ("Case_Ignorable", "CI")
        case .cased: return ("Cased", nil)
        case .changesWhenCasefolded: return ("Changes_When_Casefolded", "CWCF")
        case .changesWhenCasemapped: return ("Changes_When_Casemapped", "CWCM")
        case .changesWhenLowercased: return ("Changes_When_Lowercased", "CWL")
        case .changesWhenNFKCCasefolded: return ("Changes_When_NFKC_Casefolded", "CWKCF")
        case .changesWhenTitlecased: return ("Changes_When_Titlecased", "CWT")
        case .changesWhenUppercased: return ("Changes_When_Uppercased", "CWU")
        case .dash: return ("Dash", nil)
        case .defaultIgnorableCodePoint: return ("Default_Ignorable_Code_Point", "DI")
        case .deprecated: return ("Deprecated", "Dep")
        case .diacritic: return ("Diacritic", "Dia")
        case .emoji: return ("Emoji", nil)
        case .emojiModifier: return ("Emoji_Modifier", "EMod")
        case .emojiModifierBase: return ("Emoji_Modifier_Base", "EBase")
        case .emojiPresentation: return ("Emoji_Presentation", "EPres")
        case .extender: return ("Extender", "Ext")
        case .graphemeBase: return ("Grapheme_Base", "Gr_Base")
        case .graphemeExtend: return ("Grapheme_Extend", "Gr_Ext")
        case .hexDigit: return ("Hex_Digit", "Hex")
        case .idsBinaryOperator: return ("IDS_Binary_Operator", "IDSB")
        case .idsTrinaryOperator: return ("IDS_Trinary_Operator", "IDST")
        case .idContinue: return ("ID_Continue", "IDC")
        case .idStart: return ("ID_Start", "IDS")
        case .ideographic: return ("Ideographic", "Ideo")
        case .joinControl: return ("Join_Control", "Join_C")
        case .logicalOrderException: return ("Logical_Order_Exception", "LOE")
        case .lowercase: return ("Lowercase", "Lower")
        case .math: return ("Math", nil)
        case .noncharacterCodePoint: return ("Noncharacter_Code_Point", "NChar")
        case .patternSyntax: return ("Pattern_Syntax", "Pat_Syn")
        case .patternWhiteSpace: return ("Pattern_White_Space", "Pat_WS")
        case .quotationMark: return ("Quotation_Mark", "QMark")
        case .radical: return ("Radical", nil)
        case .sentenceTerminal: return ("Sentence_Terminal", "STerm")
        case .softDotted: return ("Soft_Dotted", "SD")
        case .terminalPunctuation: return ("Terminal_Punctuation", "Term")
        case .unifiedIdeograph: return ("Unified_Ideograph", "UIdeo")
        case .uppercase: return ("Uppercase", "Upper")
        case .variationSelector: return ("Variation_Selector", "VS")
        case .whiteSpace: return ("White_Space", "space")
        case .xidContinue: return ("XID_Continue", "XIDC")
        case .xidStart: return ("XID_Start", "XIDS")
        }
    }

    /// Looks a property up by its canonical name or short alias (case-sensitive, as ECMA-262 requires).
    static func named(_ name: String) -> BinaryProperty? {
        allCases.first { $0.names.long == name || $0.names.short == name }
    }

    func holds(for properties: Unicode.Scalar.Properties) -> Bool {
        switch self {
        case .asciiHexDigit: return properties.isASCIIHexDigit
        case .alphabetic: return properties.isAlphabetic
        case .bidiControl: return properties.isBidiControl
        case .bidiMirrored: return properties.isBidiMirrored
        case .caseIgnorable: return properties.isCaseIgnorable
        case .cased: return properties.isCased
        case .changesWhenCasefolded: return properties.changesWhenCaseFolded
        case .changesWhenCasemapped: return properties.changesWhenCaseMapped
        case .changesWhenLowercased: return properties.changesWhenLowercased
        case .changesWhenNFKCCasefolded: return properties.changesWhenNFKCCaseFolded
        case .changesWhenTitlecased: return properties.changesWhenTitlecased
        case .changesWhenUppercased: return properties.changesWhenUppercased
        case .dash: return properties.isDash
        case .defaultIgnorableCodePoint: return properties.isDefaultIgnorableCodePoint
        case .deprecated: return properties.isDeprecated
        case .diacritic: return properties.isDiacritic
        case .emoji: return properties.isEmoji
        case .emojiModifier: return properties.isEmojiModifier
        case .emojiModifierBase: return properties.isEmojiModifierBase
        case .emojiPresentation: return properties.isEmojiPresentation
        case .extender: return properties.isExtender
        case .graphemeBase: return properties.isGraphemeBase
        case .graphemeExtend: return properties.isGraphemeExtend
        case .hexDigit: return properties.isHexDigit
        case .idsBinaryOperator: return properties.isIDSBinaryOperator
        case .idsTrinaryOperator: return properties.isIDSTrinaryOperator
        case .idContinue: return properties.isIDContinue
        case .idStart: return properties.isIDStart
        case .ideographic: return properties.isIdeographic
        case .joinControl: return properties.isJoinControl
        case .logicalOrderException: return properties.isLogicalOrderException
        case .lowercase: return properties.isLowercase
        case .math: return properties.isMath
        case .noncharacterCodePoint: return properties.isNoncharacterCodePoint
        case .patternSyntax: return properties.isPatternSyntax
        case .patternWhiteSpace: return properties.isPatternWhitespace
        case .quotationMark: return properties.isQuotationMark
        case .radical: return properties.isRadical
        case .sentenceTerminal: return properties.isSentenceTerminal
        case .softDotted: return properties.isSoftDotted
        case .terminalPunctuation: return properties.isTerminalPunctuation
        case .unifiedIdeograph: return properties.isUnifiedIdeograph
        case .uppercase: return properties.isUppercase
        case .variationSelector: return properties.isVariationSelector
        case .whiteSpace: return properties.isWhitespace
        case .xidContinue: return properties.isXIDContinue
        case .xidStart: return properties.isXIDStart
        }
    }
}
