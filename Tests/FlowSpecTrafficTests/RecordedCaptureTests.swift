import FlowSpecModel
import FlowSpecTraffic
import Testing

/// examples/captures/recorded-mitmproxy.har was recorded by real tools, not written by hand: curl
/// through mitmproxy 11's HAR export to the example service on loopback (scripts/record-capture.sh,
/// which re-records and re-checks it). Its entries carry what a real proxy writes (absolute
/// `http://127.0.0.1:PORT` URLs, `Proxy-Connection`, `postData.params: []`, `content.compression`,
/// timings) and the mistakes the script makes on purpose.
@Suite struct RecordedCaptureTests {
    @Test func eachEntryGetsTheVerdictTheRecordingScriptExpects() throws {
        let report = try ExampleCaptureTests.report("recorded-mitmproxy.har")
        // Exactly these codes: so the service's own answers (flows with `_links`, PingOne error
        // bodies) matched the spec too.
        let codes = report.entries.map { $0.findings.map(\.code.rawValue) }
        #expect(codes == [
            [],  // GET: the flow starts at USERNAME_PASSWORD_REQUIRED
            ["unsupported_media_type"],  // POST application/json
            ["schema.required"],  // usernamePassword.check without a password
            [],  // usernamePassword.check; charset=utf-8: COMPLETED
            ["hal-action-after-terminal-state"],  // session.reset after COMPLETED
            ["method_not_allowed", "response_not_checked"],  // DELETE
            [],  // GET on a second flow
            [],  // password.forgot: RECOVERY_CODE_REQUIRED
            ["hal-action-not-offered"],  // session.reset, which that state does not link
        ])
        #expect(report.entries.map(\.status) == [200, 415, 400, 200, 200, 405, 200, 200, 200])
    }
}
