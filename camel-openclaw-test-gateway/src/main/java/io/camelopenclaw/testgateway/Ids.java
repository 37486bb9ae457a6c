package io.camelopenclaw.testgateway;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for the ids a run creates (item, task and message ids), from a thread-local generator:
 * they only need to be unique, and {@link UUID#randomUUID()} draws from a synchronized {@code SecureRandom} on
 * every call. Values a client must not guess (the handshake nonce) keep using {@link UUID#randomUUID()}.
 */
final class Ids {

    private Ids() {}

    static UUID random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC0L << 56)) | (0x80L << 56);
        return new UUID(high, low);
    }

    static String uuid() {
        return random().toString();
    }
}
