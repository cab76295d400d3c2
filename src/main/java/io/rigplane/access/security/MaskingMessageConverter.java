package io.rigplane.access.security;

import io.rigplane.access.SecretMask;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** The log pattern's {@code %m}, with secrets hidden (see logback-spring.xml). */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String message = super.convert(event);
        return reveals(event) ? message : SecretMask.mask(message);
    }

    public static boolean reveals(ILoggingEvent event) {
        return event.getMarkerList() != null && event.getMarkerList().contains(SecretMask.REVEAL_ONCE);
    }
}
