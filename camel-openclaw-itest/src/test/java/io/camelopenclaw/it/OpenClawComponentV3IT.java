package io.camelopenclaw.it;

import java.nio.file.Path;

import io.camelopenclaw.test.infra.RealGateway;
import io.camelopenclaw.test.infra.RealGateways;

/** The openclaw component from Camel routes against the real protocol-v3 gateway ({@link RealGateways#v3()}). */
class OpenClawComponentV3IT extends OpenClawComponentITSupport {

    private static final Path DEVICE_IDENTITY = newIdentityFile();

    @Override
    RealGateway gateway() {
        return RealGateways.v3();
    }

    @Override
    Path deviceIdentityFile() {
        return DEVICE_IDENTITY;
    }
}
