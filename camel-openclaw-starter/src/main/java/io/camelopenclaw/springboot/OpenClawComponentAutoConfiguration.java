package io.camelopenclaw.springboot;

import io.camelopenclaw.component.OpenClawComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code openclaw} component from the {@code camel.component.openclaw.*} properties, in the shape of
 * Camel's generated component starters: a {@link ComponentCustomizer} copies every property that is set onto the
 * component (the one Camel creates on first use, or an {@link OpenClawComponent} bean of the application) before it
 * starts. {@code camel.component.openclaw.enabled=false} switches the auto configuration off, and
 * {@code camel.component.openclaw.customizer.enabled=false} (or {@code camel.component.customizer.enabled=false})
 * only the customizer.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, OpenClawComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.openclaw"})
public class OpenClawComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final OpenClawComponentConfiguration configuration;

    public OpenClawComponentAutoConfiguration(
            ApplicationContext applicationContext, OpenClawComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureOpenClawComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(
                                applicationContext, "camel.component.customizer", "camel.component.openclaw.customizer")
                        && target instanceof OpenClawComponent;
            }
        };
    }
}
