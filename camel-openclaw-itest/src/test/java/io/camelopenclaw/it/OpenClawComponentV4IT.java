package io.camelopenclaw.it;

import java.nio.file.Path;

import io.camelopenclaw.test.infra.RealGateway;
import io.camelopenclaw.test.infra.RealGateways;

/** The openclaw component from Camel routes against the real protocol-v4 gateway ({@link RealGateways#v4()}). */
class OpenClawComponentV4IT extends OpenClawComponentITSupport {

    private static final Path DEVICE_IDENTITY = newIdentityFile();

    @Override
    RealGateway gateway() {
        return RealGateways.v4();
    }

    @Override
    Path deviceIdentityFile() {
        return DEVICE_IDENTITY;
    }
}
