package io.camelopenclaw.springboot;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.run.RunMethod;
import io.camelopenclaw.component.OpenClawComponent;
import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.component.PayloadFormat;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** When the auto configuration applies, and what it does to a component the application defines itself. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenClawComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(CamelAutoConfiguration.class, OpenClawComponentAutoConfiguration.class))
            .withPropertyValues("camel.springboot.main-run-controller=false");

    @Configuration(proxyBeanMethods = false)
    static class OwnComponent {

        @Bean(OpenClawConstants.SCHEME)
        OpenClawComponent openclaw() {
            OpenClawComponent component = new OpenClawComponent();
            component.getConfiguration().setRunTimeout(5_000);
            component.getConfiguration().setThinking("high");
            return component;
        }
    }

    private static OpenClawComponent component(ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class);
    }

    @Test
    void propertiesSetOnAComponentBeanLeaveItsOtherOptionsAlone() {
        runner.withUserConfiguration(OwnComponent.class)
                .withPropertyValues(
                        "camel.component.openclaw.token=from-properties", "camel.component.openclaw.thinking=low")
                .run(context -> {
                    assertThat(context).hasSingleBean(OpenClawComponentAutoConfiguration.class);
                    OpenClawComponent component = component(context);
                    assertThat(component.getConfiguration().getToken()).isEqualTo("from-properties");
                    assertThat(component.getConfiguration().getThinking()).isEqualTo("low");
                    assertThat(component.getConfiguration().getRunTimeout()).isEqualTo(5_000);
                });
    }

    @Test
    void durationsBindInEveryFormCamelAccepts() {
        runner.withPropertyValues(
                        "camel.component.openclaw.run-timeout=90000",
                        "camel.component.openclaw.idle-timeout=45s",
                        "camel.component.openclaw.connect-timeout=PT3S")
                .run(context -> {
                    OpenClawComponent component = component(context);
                    assertThat(component.getConfiguration().getRunTimeout()).isEqualTo(90_000);
                    assertThat(component.getConfiguration().getIdleTimeout()).isEqualTo(45_000);
                    assertThat(component.getConfiguration().getConnectTimeout()).isEqualTo(3_000);
                });
    }

    @Test
    void enumsBindByTheNamesTheComponentDocuments() {
        runner.withPropertyValues(
                        "camel.component.openclaw.run-method=agent", "camel.component.openclaw.payload-format=json")
                .run(context -> {
                    OpenClawComponent component = component(context);
                    assertThat(component.getConfiguration().getRunMethod()).isEqualTo(RunMethod.AGENT);
                    assertThat(component.getConfiguration().getPayloadFormat()).isEqualTo(PayloadFormat.JSON);
                });
        runner.withPropertyValues("camel.component.openclaw.run-method=chat.send")
                .run(context -> assertThat(component(context).getConfiguration().getRunMethod())
                        .isEqualTo(RunMethod.CHAT_SEND));
    }

    @Test
    void theManagedGatewayOptionsBindWithTheirEnvironmentAsAMap() {
        runner.withPropertyValues(
                        "camel.component.openclaw.managed-gateway-command=/opt/openclaw/bin/openclaw",
                        "camel.component.openclaw.managed-gateway-state-dir=/var/lib/openclaw",
                        "camel.component.openclaw.managed-gateway-environment.MODEL_API_KEY=k-1",
                        "camel.component.openclaw.managed-gateway-startup-timeout=3m",
                        "camel.component.openclaw.managed-gateway-health-check-interval=0")
                .run(context -> {
                    OpenClawComponent component = component(context);
                    assertThat(component.isManagedGateway()).isFalse();
                    assertThat(component.getManagedGatewayCommand()).isEqualTo("/opt/openclaw/bin/openclaw");
                    assertThat(component.getManagedGatewayStateDir()).isEqualTo("/var/lib/openclaw");
                    assertThat(component.getManagedGatewayEnvironment())
                            .containsExactly(Map.entry("MODEL_API_KEY", "k-1"));
                    assertThat(component.getManagedGatewayStartupTimeout()).isEqualTo(180_000);
                    assertThat(component.getManagedGatewayHealthCheckInterval()).isZero();
                    assertThat(context.getBean(OpenClawComponentConfiguration.class)
                                    .toString())
                            .contains("managedGatewayEnvironment=[MODEL_API_KEY]")
                            .doesNotContain("k-1");
                });
    }

    @Test
    void disabledAutoConfigurationCopiesNothing() {
        runner.withPropertyValues(
                        "camel.component.openclaw.enabled=false", "camel.component.openclaw.token=from-properties")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(OpenClawComponentAutoConfiguration.class);
                    assertThat(component(context).getConfiguration().getToken()).isNull();
                });
    }

    @Test
    void disabledCustomizerCopiesNothing() {
        runner.withPropertyValues(
                        "camel.component.openclaw.customizer.enabled=false",
                        "camel.component.openclaw.token=from-properties")
                .run(context -> {
                    assertThat(context).hasSingleBean(OpenClawComponentAutoConfiguration.class);
                    assertThat(component(context).getConfiguration().getToken()).isNull();
                });
    }

    @Test
    void theAutoConfigurationIsRegisteredForSpringBoot() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(OpenClawComponentAutoConfiguration.class.getName());
    }
}
