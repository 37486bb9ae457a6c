package io.camelopenclaw.benchmark.peer;

import io.camelopenclaw.component.OpenClawComponent;
import io.camelopenclaw.component.OpenClawConfiguration;
import io.camelopenclaw.component.OpenClawConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A {@link CamelContext} whose openclaw component has its defaults with only the gateway URL and token set. Device
 * identity is on by default; when the gateway refuses the context's first call with it, the context is started again
 * with {@code deviceIdentity=false}, and {@link Started#auth()} says which of the two was used.
 */
final class CamelGateway {

    /** The context's first call (a run or a request); returns its failure, or {@code null}. */
    @FunctionalInterface
    interface Probe {
        Exception check(CamelContext context) throws InterruptedException;
    }

    /** A started context and how it authenticated. */
    record Started(CamelContext context, String auth) {
    }

    private CamelGateway() {
    }

    static Started start(String gatewayUrl, String token, RoutesBuilder routes, Probe probe) throws Exception {
        CamelContext context = start(gatewayUrl, token, true, routes);
        Exception refused = probe.check(context);
        if (refused == null) {
            return new Started(context, "token + device identity (component default)");
        }
        context.stop();
        System.err.println("the first call with the default device identity failed (" + refused
                           + "); retrying with deviceIdentity=false");
        context = start(gatewayUrl, token, false, routes);
        Exception failed = probe.check(context);
        if (failed != null) {
            context.stop();
            throw failed;
        }
        return new Started(context, "token (deviceIdentity=false: the gateway refused the device)");
    }

    private static CamelContext start(String gatewayUrl, String token, boolean deviceIdentity, RoutesBuilder routes)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        OpenClawConfiguration defaults = context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class)
                .getConfiguration();
        defaults.setGatewayUrl(gatewayUrl);
        defaults.setToken(token);
        defaults.setDeviceIdentity(deviceIdentity);
        context.addRoutes(routes);
        context.start();
        return context;
    }
}
