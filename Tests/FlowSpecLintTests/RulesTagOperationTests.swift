import FlowSpecLint
import Testing

/// The tag and operation rules: one failing and one passing inline spec each, with places.
@Suite struct RulesTagOperationTests {
    static let tagged = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        tags:
          - name: flows
            description: Authentication flows.
        paths:
          /flows/{id}:
            get:
              operationId: readFlow
              description: Reads a flow.
              tags: [flows]
              parameters:
                - name: id
                  in: path
                  required: true
                  schema: {type: string}
              responses:
                '200':
                  description: ok

        """

    static let cases: [RuleCase] = [
        RuleCase(
            "openapi-tags", "no tags",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}

            """, [(1, 1)]),
        RuleCase("openapi-tags", "tags", tagged, []),
        RuleCase(
            "openapi-tags-alphabetical", "out of order",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            tags:
              - name: Zebra
              - name: Aardvark
            paths: {}

            """, [(5, 11)]),
        RuleCase(
            "openapi-tags-alphabetical", "sorted",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            tags:
              - name: Aardvark
              - name: Zebra
            paths: {}

            """, []),
        RuleCase(
            "openapi-tags-uniqueness", "declared twice",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            tags:
              - name: flows
              - name: users
              - name: flows
            paths: {}

            """, [(6, 11)]),
        RuleCase("openapi-tags-uniqueness", "unique", tagged, []),
        RuleCase(
            "tag-description", "no description",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            tags:
              - name: flows
            paths: {}

            """, [(4, 11)]),
        RuleCase("tag-description", "described", tagged, []),
        RuleCase(
            "operation-tags", "missing and empty",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200':
                      description: ok
                post:
                  tags: []
                  responses:
                    '200':
                      description: ok

            """, [(5, 5), (10, 13)]),
        RuleCase("operation-tags", "tagged", tagged, []),
        RuleCase(
            "operation-tag-defined", "undeclared tag (case matters)",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            tags:
              - name: pets
            paths:
              /a:
                get:
                  tags: [pets, Pets]
                  responses:
                    '200':
                      description: ok

            """, [(8, 20)]),
        RuleCase("operation-tag-defined", "declared", tagged, []),
        RuleCase(
            "operation-singular-tag", "two tags",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  tags: [a, b]
                  responses:
                    '200':
                      description: ok

            """, [(6, 7)]),
        RuleCase("operation-singular-tag", "one tag", tagged, []),

        RuleCase(
            "operation-description", "missing",
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  summary: Only a summary
                  responses:
                    '200':
                      description: ok

            """, [(5, 5)]),
        RuleCase("operation-description", "described", tagged, []),
        RuleCase(
            "operation-operationId", "missing",
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200':
                      description: ok

            """, [(5, 5)]),
        RuleCase("operation-operationId", "present", tagged, []),
        RuleCase(
            "operation-operationId-unique", "shared id",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: readA
                  responses:
                    '200':
                      description: ok
              /b:
                get:
                  operationId: readA
                  responses:
                    '200':
                      description: ok

            """, [(12, 20)]),
        RuleCase("operation-operationId-unique", "unique", tagged, []),
        RuleCase(
            "operation-operationId-valid-in-url", "space and non-ASCII",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: get pets
                  responses:
                    '200':
                      description: ok
                post:
                  operationId: créer
                  responses:
                    '200':
                      description: ok

            """, [(6, 20), (11, 20)]),
        RuleCase("operation-operationId-valid-in-url", "URL-safe", tagged, []),
        RuleCase(
            "operation-success-response", "errors only",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '404':
                      description: missing
                    default:
                      description: error

            """, [(6, 7)]),
        RuleCase(
            "operation-success-response", "a 2XX range",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    2XX:
                      description: ok

            """, []),
        RuleCase(
            "operation-parameters", "same name and location twice",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - name: limit
                      in: query
                      schema: {type: integer}
                    - name: X-Id
                      in: header
                      schema: {type: string}
                    - name: limit
                      in: query
                      schema: {type: integer}
                    - name: x-id
                      in: header
                      schema: {type: string}
                  responses:
                    '200':
                      description: ok

            """, [(13, 11), (16, 11)]),
        RuleCase(
            "operation-parameters", "same name, other location",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - name: id
                      in: query
                      schema: {type: string}
                    - name: id
                      in: header
                      schema: {type: string}
                  responses:
                    '200':
                      description: ok

            """, []),
        RuleCase(
            "request-body-on-get", "GET and DELETE with bodies",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  requestBody:
                    content:
                      application/json: {}
                  responses:
                    '200':
                      description: ok
                delete:
                  requestBody:
                    content:
                      application/json: {}
                  responses:
                    '204':
                      description: gone

            """, [(6, 7), (13, 7)]),
        RuleCase(
            "request-body-on-get", "POST with a body",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      application/json: {}
                  responses:
                    '200':
                      description: ok

            """, []),
        RuleCase(
            "oas3-operation-security-defined", "undeclared schemes",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            security:
              - apiKey: []
            paths:
              /a:
                get:
                  security:
                    - {}
                    - bearer: []
                      oauth: [read]
                  responses:
                    '200':
                      description: ok
            components:
              securitySchemes:
                bearer:
                  type: http
                  scheme: bearer

            """, [(4, 5), (11, 11)]),
        RuleCase(
            "oas3-operation-security-defined", "declared",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            security:
              - bearer: []
            paths: {}
            components:
              securitySchemes:
                bearer:
                  type: http
                  scheme: bearer

            """, []),
        RuleCase(
            "oas3_callbacks_in_callbacks", "nested callbacks",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /subscribe:
                post:
                  callbacks:
                    onEvent:
                      '{$request.body#/url}':
                        post:
                          callbacks:
                            nested:
                              '{$request.body#/url}':
                                post:
                                  responses:
                                    '200':
                                      description: ok
                          responses:
                            '200':
                              description: ok
                  responses:
                    '200':
                      description: ok

            """, [(10, 15)]),
        RuleCase(
            "oas3_callbacks_in_callbacks", "one level",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /subscribe:
                post:
                  callbacks:
                    onEvent:
                      '{$request.body#/url}':
                        post:
                          responses:
                            '200':
                              description: ok
                  responses:
                    '200':
                      description: ok

            """, []),
        RuleCase(
            "oas3_1-callbacks-in-webhook", "callbacks on a webhook",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            webhooks:
              newPet:
                post:
                  callbacks:
                    later:
                      '{$request.body#/url}':
                        post:
                          responses:
                            '200':
                              description: ok
                  responses:
                    '200':
                      description: ok

            """, [(6, 7)]),
        RuleCase(
            "oas3_1-callbacks-in-webhook", "plain webhook",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            webhooks:
              newPet:
                post:
                  responses:
                    '200':
                      description: ok

            """, []),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        try testCase.verify()
    }
}
