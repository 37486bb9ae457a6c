package io.camelopenclaw.testgateway;

/**
 * Who may abort a run, as the real gateways decide ({@code canRequesterAbortChatRun}): an admin, the connection that
 * started it, or any connection of the device that started it. So a client without a device identity cannot abort
 * its own run after a reconnect (its connection id is new), while one with a stable device identity can.
 */
final class RunOwners {

    private RunOwners() {}

    static boolean mayAbort(ClientConnection requester, Run run) {
        if (requester.scopes().contains(Scopes.ADMIN) || requester == run.starter) {
            return true;
        }
        String owner = deviceId(run.starter);
        return owner != null && owner.equals(deviceId(requester));
    }

    private static String deviceId(ClientConnection connection) {
        ConnectParams connect = connection.connect();
        return connect == null || connect.device() == null
                ? null
                : connect.device().id();
    }
}
