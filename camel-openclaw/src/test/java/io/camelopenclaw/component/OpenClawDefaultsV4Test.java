package io.camelopenclaw.component;

/** {@link OpenClawDefaultsTestSupport} against a protocol-4 test gateway (as openclaw 2026.9.6). */
class OpenClawDefaultsV4Test extends OpenClawDefaultsTestSupport {

    @Override
    int protocol() {
        return 4;
    }
}
