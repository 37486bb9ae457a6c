package io.camelopenclaw.component;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an option of {@link OpenClawConfiguration} that defines the gateway connection: endpoints share a connection
 * only when all of these options are equal (see {@link ConnectionSettings}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface ConnectionOption {}
