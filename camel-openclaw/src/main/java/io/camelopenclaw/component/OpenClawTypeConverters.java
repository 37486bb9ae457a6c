package io.camelopenclaw.component;

import io.camelopenclaw.client.run.RunMethod;
import org.apache.camel.Converter;

/** Converts option values that Camel's enum conversion cannot: {@code runMethod=chat.send}. */
@Converter(generateLoader = true)
public final class OpenClawTypeConverters {

    private OpenClawTypeConverters() {}

    /** The run method with this wire name ({@code chat.send}, {@code agent}) or constant name. */
    @Converter
    public static RunMethod toRunMethod(String name) {
        return RunMethod.of(name);
    }
}
