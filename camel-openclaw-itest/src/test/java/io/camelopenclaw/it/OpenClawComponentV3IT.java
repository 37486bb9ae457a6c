package io.camelopenclaw.it;

import java.nio.file.Path;

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
