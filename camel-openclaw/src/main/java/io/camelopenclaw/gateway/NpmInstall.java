package io.camelopenclaw.gateway;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code npm install} (the {@code npm} on this JVM's {@code PATH}) in a folder that holds a package.json,
 * writing npm's output to {@code npm-install.log} in that folder.
 */
final class NpmInstall {

    static final String LOG_FILE = "npm-install.log";

    private NpmInstall() {}

    /**
     * @param folder     the folder with the package.json
     * @param nodeBinDir put first on npm's {@code PATH} so that npm itself runs on that Node; {@code null} keeps the
     *                   inherited {@code PATH}
     * @param timeout    how long npm may take
     * @param what       what is installed, for messages
     */
    static void run(Path folder, Path nodeBinDir, Duration timeout, String what) {
        Path log = folder.resolve(LOG_FILE);
        ProcessBuilder builder = new ProcessBuilder(
                        List.of("npm", "install", "--no-audit", "--no-fund", "--no-update-notifier"))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        if (nodeBinDir != null) {
            String path = env.get("PATH");
            env.put("PATH", nodeBinDir + (path == null || path.isEmpty() ? "" : File.pathSeparator + path));
        }
        env.put("npm_config_update_notifier", "false");
        Process npm;
        try {
            npm = builder.start();
            npm.getOutputStream().close();
        } catch (IOException e) {
            throw new OpenClawInstallException(
                    "Cannot run npm to install " + what + " (is npm on the PATH?): " + e.getMessage(), "", e);
        }
        try {
            if (!npm.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTrees.kill(npm.toHandle());
                throw new OpenClawInstallException(
                        "npm install of " + what + " timed out after " + timeout.toSeconds() + " s in " + folder,
                        LogTail.of(log, LogTail.DEFAULT_LINES));
            }
        } catch (InterruptedException e) {
            ProcessTrees.kill(npm.toHandle());
            Thread.currentThread().interrupt();
            throw new OpenClawInstallException("Interrupted while installing " + what, "", e);
        }
        if (npm.exitValue() != 0) {
            throw new OpenClawInstallException(
                    "npm install of " + what + " failed with exit code " + npm.exitValue() + " in " + folder,
                    LogTail.of(log, LogTail.DEFAULT_LINES));
        }
    }
}
