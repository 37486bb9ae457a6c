package io.camelopenclaw.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheFolderTest {

    @TempDir
    Path cache;

    @Test
    void fillsOnceEvenWhenManyThreadsAskAtOnce() {
        CacheFolder folder = new CacheFolder(cache.resolve("thing-1"));
        AtomicInteger fills = new AtomicInteger();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.runAsync(() -> folder.ensure("thing", dir -> {
                fills.incrementAndGet();
                sleep(200);
                Files.writeString(dir.resolve("content"), "x");
            })));
        }
        calls.forEach(CompletableFuture::join);

        assertThat(fills).hasValue(1);
        assertThat(folder.isComplete()).isTrue();
        assertThat(folder.path().resolve("content")).exists();
    }

    @Test
    void aFailedFillIsNotMarkedCompleteAndIsRedoneFromScratch() throws Exception {
        CacheFolder folder = new CacheFolder(cache.resolve("thing-2"));

        assertThatThrownBy(() -> folder.ensure("thing", dir -> {
                    Files.writeString(dir.resolve("partial"), "x");
                    throw new OpenClawInstallException("npm failed", "tail of npm output");
                }))
                .isInstanceOf(OpenClawInstallException.class)
                .hasMessageContaining("tail of npm output");
        assertThat(folder.isComplete()).isFalse();

        folder.ensure("thing", dir -> Files.writeString(dir.resolve("content"), "x"));

        assertThat(folder.isComplete()).isTrue();
        assertThat(folder.path().resolve("partial")).doesNotExist();
        assertThat(folder.path().resolve("content")).exists();
    }

    @Test
    void aCompleteFolderIsNotFilledAgain() {
        CacheFolder folder = new CacheFolder(cache.resolve("thing-3"));
        folder.ensure("thing", dir -> Files.writeString(dir.resolve("content"), "x"));

        folder.ensure("thing", dir -> {
            throw new IOException("must not be called");
        });

        assertThat(folder.isComplete()).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
