package io.camelopenclaw.benchmark.peer;

import io.camelopenclaw.gateway.OpenClawInstallation;

/**
 * Prints the folder of the Node 24 binary the build uses (the install cache's {@code node-24-<os>-<arch>}, see
 * {@link OpenClawInstallation}), installing it first if needed. Node comes with an OpenClaw release in that API: the
 * release given as the argument (the ITs' one, normally in the cache already) is installed too when it is missing.
 */
public final class PeerNode {

    private PeerNode() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PeerNode <openclaw version>");
        }
        System.out.println(
                OpenClawInstallation.of(args[0]).install().nodeBinary().getParent());
    }
}
