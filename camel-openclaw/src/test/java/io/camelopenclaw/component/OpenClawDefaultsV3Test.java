package io.camelopenclaw.component;

/** {@link OpenClawDefaultsTestSupport} against a protocol-3 test gateway (as openclaw 2026.3.13). */
class OpenClawDefaultsV3Test extends OpenClawDefaultsTestSupport {

    @Override
    int protocol() {
        return 3;
    }
}
