import FlowSpecModel
import FlowSpecSchema
import FlowSpecTestSupport
import FlowSpecValidator
import HTTPTypes
import Testing

@Suite("Parameter robustness")
struct ParameterRobustnessTests {
    static let alphabet = [
        "c", "R", "1", ",", ".", ";", "=", "&", "%", "%2", "%zz", "%41", "%FF", "+", "|", " ", "[", "]", "color", "\"",
    ]

    static let definitions: [ParameterDefinition] = {
        var definitions: [ParameterDefinition] = []
        let shapes: [ParameterShape] = [.primitive(.integer), .array(items: .number), .anyObject]
        for location in ParameterLocation.allCases {
            for style in location.allowedStyles {
                for explode in [false, true] {
                    for shape in shapes {
                        definitions.append(
                            ParameterDefinition(
                                name: "color", location: location, style: style, explode: explode,
                                allowEmptyValue: explode, shape: shape))
                    }
                }
            }
        }
        return definitions
    }()

    @Test(arguments: 0..<4)
    func randomValuesDecodeOrFailWithACode(_ seed: Int) {
        var generator = SplitMix64(state: UInt64(seed) &+ 7)
        let decoders = Self.definitions.compactMap { try? ParameterDecoder($0) }
        #expect(decoders.count > 20)
        for _ in 0..<80 {
            let raw = randomText(&generator, alphabet: Self.alphabet, maxLength: 10)
            for decoder in decoders {
                let sources = parameterSources(decoder.definition.location, name: "color", raw: raw)
                do {
                    _ = try decoder.decode(from: sources)
                } catch {
                    #expect(!error.isDefinitionError)
                    #expect(error.message.contains("\"color\""))
                }
            }
            _ = QueryString(raw)
            _ = try? FormURLEncodedDecoder().decode(raw)
            _ = CookieList(parsing: [raw])
        }
    }
}
