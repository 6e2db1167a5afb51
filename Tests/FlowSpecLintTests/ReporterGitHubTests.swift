import FlowSpecLint
import FlowSpecModel
import Testing

@Suite struct ReporterGitHubTests {
    @Test func goldenReport() {
        let expected = #"""
            ::notice file=specs/flows.yaml,title=spec-license::the spec has no license
            ::error file=specs/flows.yaml,line=3,col=10,endLine=3,endColumn=20,title=info-title-ascii::the title has characters outside ASCII%0Ahelp: keep the title ASCII for old clients
            ::warning file=specs/flows.yaml,line=6,col=3,endLine=6,endColumn=9,title=description-length::the description is \#(ReporterFixtures.longWord)
            ::warning file=specs/flows.yaml,line=7,col=5,endLine=7,endColumn=8,title=operation-operationId::the operation has no operationId%0Ahelp: add `operationId: listFlows`
            ::notice file=specs/flows.yaml,line=8,col=9,endLine=8,endColumn=22,title=hostile-text::summary is \e[31mred\e[0m and has a NUL \0 here
            ✖ 5 problems (1 error, 2 warnings, 1 info, 1 hint)

            """#
        #expect(GitHubReporter().render(ReporterFixtures.report) == expected)
    }

    @Test func escapesDataAndProperties() {
        let diagnostic = Diagnostic(
            code: "a:b,c", severity: .warning, message: "100% sure\r\nnext line",
            location: SourceLocation(file: "dir,1/a:b.yaml", line: 2, column: 3))
        #expect(
            GitHubReporter().command(diagnostic, defaultFile: "")
                == "::warning file=dir%2C1/a%3Ab.yaml,line=2,col=3,title=a%3Ab%2Cc::100%25 sure%0Anext line")
        let lone = Diagnostic(code: "r", severity: .info, message: "a\rb")
        #expect(GitHubReporter().command(lone, defaultFile: "") == "::notice title=r::a%0Db")
    }

    @Test func cannotInjectAnotherCommand() {
        let diagnostic = Diagnostic(code: "r", severity: .error, message: "x\n::add-mask::secret")
        let output = GitHubReporter().command(diagnostic, defaultFile: "a.yaml")
        #expect(output == "::error file=a.yaml,title=r::x%0A::add-mask::secret")
        #expect(!output.contains("\n"))
    }
}
