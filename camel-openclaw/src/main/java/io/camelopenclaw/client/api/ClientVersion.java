package io.camelopenclaw.client.api;

/** The client's version as sent in {@code client.version}. */
final class ClientVersion {

    static final String VERSION = resolve();

    private ClientVersion() {}

    private static String resolve() {
        String v = ClientVersion.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
