/**
 * A local OpenClaw gateway run by this JVM: {@link ManagedGateway} reuses, starts, watches,
 * restarts and stops it; {@link OpenClawInstallation} installs a release and the Node it
 * runs on from npm into a cache folder when asked; {@link GatewayProcess} is one gateway
 * process. Knows nothing of Camel: the component's {@code managedGateway} options drive it.
 */
package io.camelopenclaw.gateway;
