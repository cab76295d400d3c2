package io.rigplane.access.security;

import io.rigplane.access.SecretMask;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** The log pattern's stack traces ({@code %wEx}), with secrets hidden: exception messages carry input too. */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretMask.mask(super.convert(event));
    }
}
