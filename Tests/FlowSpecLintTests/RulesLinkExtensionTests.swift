import FlowSpecLint
import FlowSpecModel
import Testing

/// The `x-hal-actions` rules (docs/link-extension.md).
@Suite struct RulesLinkExtensionTests {
    static let good = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /orders/{orderId}:
            parameters:
              - name: orderId
                in: path
                required: true
                schema: {type: string}
            get:
              operationId: readOrder
              responses:
                '200':
                  description: ok
            post:
              operationId: act
              requestBody:
                content:
                  application/vnd.shop.pay+json: {}
                  application/vnd.shop.cancel+json; charset=utf-8: {}
              responses:
                '200':
                  description: ok
              x-hal-actions:
                version: 1
                selector: media-type
                identifiedBy: {in: path, name: orderId}
                linkSources: [readOrder, act]
                statePointer: /state
                linksPointer: /links
                terminalStates: [DONE]
                inactivityTimeout: PT15M
                expiredStatus: 404
                actions:
                  pay: [application/vnd.shop.pay+json]
                  cancel: [APPLICATION/VND.SHOP.CANCEL+JSON]
                x-note: free for the authors

        """

    static let broken = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /orders/{orderId}:
            get:
              operationId: readOrder
              responses:
                '200':
                  description: ok
            post:
              operationId: act
              parameters:
                - name: orderId
                  in: path
                  required: true
                  schema: {type: string}
              requestBody:
                content:
                  application/vnd.shop.pay+json: {}
                  application/vnd.shop.cancel+json: {}
              responses:
                '200':
                  description: ok
              x-hal-actions:
                version: 1
                identifiedBy: {in: path, name: orderId}
                linkSources: [readOrder, missingOp]
                statePointer: state
                linksPointer: /links
                actions:
                  pay: [application/vnd.shop.pay+json]
                  cancel: []
                unadvertised: [application/vnd.shop.pay+json]
                unconfirmedRelations: [refund]
                inactivityTimeout: 15 minutes
                expiredStatus: 700
                colour: blue
        components:
          schemas:
            Order:
              type: object
              x-hal-actions: {}

        """

    static let undeclared = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /orders/{orderId}:
            post:
              operationId: act
              parameters:
                - name: orderId
                  in: path
                  required: true
                  schema: {type: string}
              requestBody:
                content:
                  application/vnd.shop.pay+json: {}
                  application/vnd.shop.refund+json: {}
              responses:
                '200':
                  description: ok
              x-hal-actions:
                version: 1
                identifiedBy: {in: path, name: orderId}
                statePointer: /state
                linksPointer: /links
                actions:
                  pay: [application/vnd.shop.pay+json]
                  cancel: [application/vnd.shop.cancle+json]
                unadvertised: [application/vnd.shop.pays+json]

        """

    static let cases: [RuleCase] = [
        RuleCase(
            "link-extension-invalid", "grammar and cross-references",
            broken,
            [(27, 23), (27, 34), (28, 23), (32, 19), (33, 24), (34, 32), (35, 28), (36, 24), (37, 9), (42, 7)]),
        RuleCase("link-extension-invalid", "a valid extension", good, []),
        RuleCase(
            "link-extension-invalid", "an unsupported version is ignored",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  responses:
                    '200':
                      description: ok
                  x-hal-actions:
                    version: 2
                    anything: goes

            """, [(10, 18)]),
        RuleCase(
            "link-extension-invalid", "no request body, no identity parameter",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  responses:
                    '200':
                      description: ok
                  x-hal-actions:
                    version: 1
                    identifiedBy: {in: path, name: orderId}
                    statePointer: ''
                    linksPointer: /_links
                    actions:
                      pay: [application/vnd.shop.pay+json]

            """, [(9, 7), (11, 23)]),
        RuleCase(
            "link-extension-undeclared-media-type", "typo and forgotten body key", undeclared, [(26, 20), (27, 24)]),
        RuleCase("link-extension-undeclared-media-type", "declared (case and parameters ignored)", good, []),
        RuleCase("link-extension-unmapped-media-type", "a body key in neither list", undeclared, [(15, 11)]),
        RuleCase("link-extension-unmapped-media-type", "every key mapped", good, []),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        try testCase.verify()
    }

    @Test func unsupportedVersionIsAWarning() throws {
        let found = try RulesTesting.lint(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  responses:
                    '200':
                      description: ok
                  x-hal-actions:
                    version: 2

            """, rules: [RulesTesting.rule("link-extension-invalid")])
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message == "`x-hal-actions` version 2 is not supported; FlowSpec ignores this extension")
    }

    @Test func undeclaredMediaTypeSuggestsTheClosestKey() throws {
        let found = try RulesTesting.lint(
            Self.undeclared, rules: [RulesTesting.rule("link-extension-undeclared-media-type")])
        #expect(
            found.first?.hint
                == "add `application/vnd.shop.cancle+json:` with its schema to the operation's `requestBody.content`")
        #expect(found.last?.hint == "did you mean `application/vnd.shop.pay+json`?")
    }
}
