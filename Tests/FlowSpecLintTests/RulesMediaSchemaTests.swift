import FlowSpecLint
import Testing

/// The media type, schema, pattern, component, Markdown and loader-reported rules: one failing and
/// one passing inline spec each, with places.
@Suite struct RulesMediaSchemaTests {
    static let plain = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        name:
                          type: string
                          pattern: '^[A-Z][a-z]+$'
                          enum: [Ann, Bob]
                        tags:
                          type: array
                          items: {type: string}
                  application/octet-stream:
                    schema:
                      type: string
                      format: binary
                  text/*: {}
              responses:
                '200':
                  description: ok

        """

    static let cases: [RuleCase] = [
        RuleCase(
            "media-type-invalid", "not media types",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      json: {}
                      application/json/v2: {}
                      '*/json': {}
                      application/vnd.acme+json; version: {}
                      text/plain; charset=utf-8: {}
                      text/*: {}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/x-ümlaut: {}

            """, [(8, 11), (9, 11), (10, 11), (11, 11), (18, 13)]),
        RuleCase("media-type-invalid", "media types and ranges", plain, []),
        RuleCase(
            "media-type-case-duplicate", "same type in other case",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      application/json: {}
                      Application/JSON: {}
                      text/plain; charset=UTF-8: {}
                      text/plain; Charset=utf-8: {}
                  responses:
                    '200':
                      description: ok

            """, [(9, 11), (11, 11)]),
        RuleCase(
            "media-type-case-duplicate", "different types",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      application/json: {}
                      application/problem+json: {}
                  responses:
                    '200':
                      description: ok

            """, []),
        RuleCase(
            "media-type-json-shape", "binary schemas under JSON types",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      application/vnd.acme.upload+json:
                        schema:
                          type: string
                          format: binary
                      application/json:
                        schema:
                          $ref: '#/components/schemas/File'
                  responses:
                    '200':
                      description: ok
            components:
              schemas:
                File:
                  type: string
                  format: binary

            """, [(11, 23), (14, 15)]),
        RuleCase("media-type-json-shape", "binary only under octet-stream", plain, []),

        RuleCase(
            "typed-enum", "values of other types",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Status:
                  type: string
                  enum: [ACTIVE, 1, null]
                Count:
                  type: integer
                  enum: [1, 2.0, '3', 4.5]
                Maybe:
                  type: [string, 'null']
                  enum: [a, null]

            """, [(8, 22), (8, 25), (11, 22), (11, 27)]),
        RuleCase(
            "typed-enum", "nullable in 3.0",
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Status:
                  type: string
                  nullable: true
                  enum: [ACTIVE, null]

            """, []),
        RuleCase(
            "duplicated-entry-in-enum", "repeated values, objects in any key order",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Mixed:
                  enum: [a, b, a, 1, 1.0, {x: 1, y: 2}, {y: 2, x: 1}, '1']

            """, [(7, 20), (7, 26), (7, 45)]),
        RuleCase("duplicated-entry-in-enum", "distinct", plain, []),
        RuleCase(
            "array-items", "arrays without items",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                List:
                  type: array
                Pair:
                  type: array
                  prefixItems: [{type: string}, {type: integer}]
                Maybe:
                  type: [array, 'null']

            """, [(7, 13), (12, 13)]),
        RuleCase("array-items", "arrays with items", plain, []),
        RuleCase(
            "schema-pattern-invalid", "foreign and broken patterns",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A:
                  type: string
                  pattern: '(?i)^abc$'
                B:
                  type: string
                  pattern: '^[a-z'
                C:
                  type: object
                  patternProperties:
                    '^x-(?P<name>\\w+)$': {}
                D:
                  type: string
                  pattern: '^[[:alpha:]]+$'
                E:
                  type: string
                  pattern: '^\\d{3}-\\d{4}$'

            """, [(8, 16), (11, 16), (15, 9), (18, 16)]),
        RuleCase("schema-pattern-invalid", "ECMA-262 pattern", plain, []),
        RuleCase(
            "schema-pattern-backtracking", "nested and duplicated repetition",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A:
                  type: string
                  pattern: '^(a+)+$'
                B:
                  type: string
                  pattern: '^(\\w+\\s?)*$'
                C:
                  type: string
                  pattern: '^([a-z]+\\.)+[a-z]+$'
                D:
                  type: string
                  pattern: '^(a|a)*$'

            """, [(8, 16), (11, 16), (17, 16)]),
        RuleCase("schema-pattern-backtracking", "linear pattern", plain, []),
        RuleCase(
            "schema-pattern-invalid", "the same broken pattern twice, a valid one twice",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A:
                  type: string
                  pattern: '^[a-z'
                B:
                  type: string
                  pattern: '^[a-z'
                C:
                  type: string
                  pattern: '^[a-z]+$'
                D:
                  type: string
                  pattern: '^[a-z]+$'

            """, [(8, 16), (11, 16)]),
        RuleCase(
            "schema-pattern-backtracking", "the same risky pattern twice, a broken one twice",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A:
                  type: string
                  pattern: '^(a+)+$'
                B:
                  type: string
                  pattern: '^(a+)+(('
                C:
                  type: string
                  pattern: '^(a+)+$'
                D:
                  type: string
                  pattern: '^(a+)+(('

            """, [(8, 16), (14, 16)]),

        RuleCase(
            "oas3-unused-component", "never referenced",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - $ref: '#/components/parameters/Used'
                  responses:
                    '200':
                      $ref: '#/components/responses/Alias'
            components:
              schemas:
                Pet:
                  type: object
                Orphan:
                  type: string
              parameters:
                Used:
                  name: q
                  in: query
                  schema:
                    $ref: '#/components/schemas/Pet'
              responses:
                Alias:
                  $ref: '#/components/responses/Real'
                Real:
                  description: ok
                Unused:
                  description: never
              securitySchemes:
                bearer:
                  type: http
                  scheme: bearer

            """, [(15, 5), (28, 5)]),
        RuleCase(
            "oas3-unused-component", "a library of components",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            components:
              schemas:
                Pet:
                  type: object

            """, []),
        RuleCase(
            "oas3-unused-component", "used through a discriminator mapping",
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Pet'
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    kind: {type: string}
                  discriminator:
                    propertyName: kind
                    mapping:
                      cat: '#/components/schemas/Cat'
                      dog: Dog
                Cat:
                  type: object
                Dog:
                  type: object

            """, []),
        RuleCase(
            "oas3-unused-component", "referenced from entries named like data keywords",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    default:
                      $ref: '#/components/responses/Error'
            components:
              responses:
                Error:
                  description: error
                  content:
                    application/json:
                      examples:
                        default:
                          $ref: '#/components/examples/Error'
                        example:
                          $ref: '#/components/examples/Other'
              examples:
                Error:
                  value: {code: E}
                Other:
                  value: {code: O}
                Unused:
                  value:
                    $ref: '#/components/examples/Other'

            """, [(25, 5)]),
        RuleCase(
            "no-eval-in-markdown", "eval( in a description",
            """
            openapi: 3.1.0
            info:
              title: T
              version: '1'
              description: Call eval(x) to start.
            paths: {}
            components:
              schemas:
                S:
                  type: object
                  example:
                    description: eval(data) is data here

            """, [(5, 16)]),
        RuleCase("no-eval-in-markdown", "plain text", plain, []),
        RuleCase(
            "no-script-tags-in-markdown", "script tags in a description and a title",
            """
            openapi: 3.1.0
            info:
              title: T
              version: '1'
              description: <SCRIPT>alert(1)</SCRIPT>
            paths: {}
            components:
              schemas:
                S:
                  title: x <script src=a.js>
                  type: object
                  default:
                    description: <script> in data is not documentation
              responses:
                default:
                  description: <script>alert(2)</script>

            """, [(5, 16), (10, 14), (16, 20)]),
        RuleCase("no-script-tags-in-markdown", "plain text", plain, []),
        RuleCase(
            "no-script-tags-in-markdown", "a tag in mixed case at the very end, and near misses",
            """
            openapi: 3.1.0
            info:
              title: <scrip t> and script
              version: '1'
              description: ends with <ScRiPt
            paths: {}

            """, [(5, 16)]),
        RuleCase(
            "no-eval-in-markdown", "a text that is only the call, and near misses",
            """
            openapi: 3.1.0
            info:
              title: eval(
              version: '1'
              description: eval (x), EVAL(x) and evaluate(x)
            paths: {}

            """, [(3, 10)]),

        RuleCase(
            "response-status-key", "not status keys",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '600':
                      description: too high
                    2xx0:
                      description: typo
                    '200':
                      description: ok

            """, [(7, 9), (9, 9)]),
        RuleCase("response-status-key", "codes, ranges and default", plain, []),
        RuleCase(
            "oas3-examples-value-or-externalValue", "both",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              examples:
                Both:
                  value: 1
                  externalValue: https://examples.acme.test/one.json

            """, [(7, 7)]),
        RuleCase(
            "oas3-examples-value-or-externalValue", "value only",
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              examples:
                One:
                  value: 1

            """, []),
    ]

    @Test(arguments: cases) func rule(_ testCase: RuleCase) throws {
        try testCase.verify()
    }
}
