package io.camelopenclaw.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** An {@link OpenClawInstallation} marked complete whose "node" is a shell script, for tests without npm. */
final class FakeInstallation {

    private FakeInstallation() {}

    /** @param nodeScript body of the {@code sh} script that stands in for node (gets node's arguments) */
    static OpenClawInstallation create(Path cacheDir, String version, String nodeScript) throws IOException {
        OpenClawInstallation installation = OpenClawInstallation.of(version, cacheDir);
        Path node = installation.nodeBinary();
        Files.createDirectories(node.getParent());
        Files.writeString(node, "#!/bin/sh\n" + nodeScript + "\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwx------"));
        Path nodeFolder = installation.nodeBinDir().getParent().getParent().getParent();
        Files.writeString(nodeFolder.resolve(CacheFolder.MARKER), "fake");
        Files.createDirectories(installation.entrypoint().getParent());
        Files.writeString(installation.entrypoint(), "// fake");
        Files.writeString(installation.directory().resolve(CacheFolder.MARKER), "fake");
        return installation;
    }
}
