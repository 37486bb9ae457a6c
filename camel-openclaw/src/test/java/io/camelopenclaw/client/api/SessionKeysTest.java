package io.camelopenclaw.client.api;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys canonicalised the way the gateway does (protocol notes, section 8, and the live {@code My-Custom:Key}). */
class SessionKeysTest {

    private static GatewayInfo helloOk(String defaultAgent) {
        return new GatewayInfo(
                4,
                "2026.9.6",
                "c",
                null,
                Set.of(),
                Set.of(),
                Set.of(),
                List.of(),
                "token",
                defaultAgent,
                "agent:" + defaultAgent + ":main",
                GatewayPolicy.DEFAULT,
                false);
    }

    @Test
    void keysWithoutAnAgentScopeBelongToTheDefaultAgentInLowerCase() {
        assertThat(SessionKeys.canonical("My-Custom:Key", null, null)).isEqualTo("agent:main:my-custom:key");
        assertThat(SessionKeys.canonical(" Support-42 ", null, helloOk("ops"))).isEqualTo("agent:ops:support-42");
        assertThat(SessionKeys.canonical("support-42", "Billing", helloOk("ops")))
                .isEqualTo("agent:billing:support-42");
    }

    @Test
    void noKeyOrMainIsTheMainSession() {
        assertThat(SessionKeys.canonical(null, null, null)).isEqualTo("agent:main:main");
        assertThat(SessionKeys.canonical("MAIN", null, helloOk("ops"))).isEqualTo("agent:ops:main");
        assertThat(SessionKeys.canonical("", "billing", helloOk("ops"))).isEqualTo("agent:billing:main");
    }

    @Test
    void scopedAndSentinelKeysStayAndOpaquePeerIdsKeepTheirCase() {
        assertThat(SessionKeys.canonical("Agent:Ops:X", null, null)).isEqualTo("agent:ops:x");
        assertThat(SessionKeys.canonical("GLOBAL", null, null)).isEqualTo("global");
        assertThat(SessionKeys.canonical("agent:main:Signal:direct:+49ABC", null, null))
                .isEqualTo("agent:main:signal:direct:+49ABC");
        assertThat(SessionKeys.canonical("Matrix:@Alice:Example.org", null, null))
                .isEqualTo("agent:main:matrix:@Alice:Example.org");
    }

    @Test
    void theAgentScopeComesOff() {
        assertThat(SessionKeys.withoutAgentScope("agent:main:support-42")).isEqualTo("support-42");
        assertThat(SessionKeys.withoutAgentScope("global")).isNull();
        assertThat(SessionKeys.withoutAgentScope("agent:main")).isNull();
    }
}
