package io.camelopenclaw.testgateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code req} frame the gateway received, for test assertions ({@link TestGateway#receivedRequests()}).
 *
 * @param connId the {@code server.connId} of the connection (as told in its hello-ok)
 * @param method the request method, {@code connect} included
 * @param params the request params ({@code {}} when absent)
 */
public record ReceivedRequest(String connId, String method, JsonNode params) {}
