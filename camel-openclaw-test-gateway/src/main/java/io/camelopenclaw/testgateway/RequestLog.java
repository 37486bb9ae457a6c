package io.camelopenclaw.testgateway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The newest received requests, bounded so that benchmarks do not fill the heap. Thread-safe. */
final class RequestLog {

    private final int capacity;
    private final Deque<ReceivedRequest> requests = new ArrayDeque<>();

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(ReceivedRequest request) {
        if (capacity <= 0) {
            return;
        }
        if (requests.size() == capacity) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    synchronized List<ReceivedRequest> snapshot() {
        return new ArrayList<>(requests);
    }

    synchronized void clear() {
        requests.clear();
    }
}
