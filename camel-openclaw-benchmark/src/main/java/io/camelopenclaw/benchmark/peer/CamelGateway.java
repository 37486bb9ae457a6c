package io.camelopenclaw.benchmark.peer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.camelopenclaw.component.OpenClawComponent;
import io.camelopenclaw.component.OpenClawConfiguration;
import io.camelopenclaw.component.OpenClawConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A {@link CamelContext} whose openclaw component has its defaults with only the gateway URL and token set (and what
 * the caller's {@code tuning} sets on the component). Device identity is on by default; when the gateway refuses the
 * context's first call with it, the context is started again with {@code deviceIdentity=false}, and
 * {@link Started#auth()} says which of the two was used.
 */
final class CamelGateway {

    /** The context's first call (a run or a request), started without blocking; fails when the call failed. */
    @FunctionalInterface
    interface Probe {
        Future<?> call(CamelContext context) throws Exception;
    }

    private static final long PROBE_SECONDS = 30;

    /** A started context and how it authenticated. */
    record Started(CamelContext context, String auth) {}

    private CamelGateway() {}

    static Started start(
            String gatewayUrl, String token, Consumer<OpenClawComponent> tuning, RoutesBuilder routes, Probe probe)
            throws Exception {
        CamelContext context = start(gatewayUrl, token, true, tuning, routes);
        Exception refused = check(probe, context);
        if (refused == null) {
            return new Started(context, "token + device identity (component default)");
        }
        context.stop();
        System.err.println("the first call with the default device identity failed (" + refused
                + "); retrying with deviceIdentity=false");
        context = start(gatewayUrl, token, false, tuning, routes);
        Exception failed = check(probe, context);
        if (failed != null) {
            context.stop();
            throw failed;
        }
        return new Started(context, "token (deviceIdentity=false: the gateway refused the device)");
    }

    /** Runs the probe; the harness's main thread waits for it. Returns its failure, or {@code null}. */
    private static Exception check(Probe probe, CamelContext context) throws InterruptedException {
        try {
            probe.call(context).get(PROBE_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            return new TimeoutException("the first call did not end within " + PROBE_SECONDS + " s");
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return e;
        }
    }

    private static CamelContext start(
            String gatewayUrl,
            String token,
            boolean deviceIdentity,
            Consumer<OpenClawComponent> tuning,
            RoutesBuilder routes)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        OpenClawComponent component = context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class);
        tuning.accept(component);
        OpenClawConfiguration defaults = component.getConfiguration();
        defaults.setGatewayUrl(gatewayUrl);
        defaults.setToken(token);
        defaults.setDeviceIdentity(deviceIdentity);
        context.addRoutes(routes);
        context.start();
        return context;
    }
}
