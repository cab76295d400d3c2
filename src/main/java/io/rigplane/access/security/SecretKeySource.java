package io.rigplane.access.security;

import io.rigplane.access.SecretBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The AES key of {@link SecretBox}. {@code RIGPLANE_SECRET_KEY} wins; a malformed one stops the
 * start at once rather than at the first secret. Without one (a demo, a laptop), a key is made
 * on first use and kept, readable by its owner only, in the data folder; its path is logged,
 * never the key. That key sits beside the data, so production sets the variable.
 */
@Component
public class SecretKeySource {

    private static final Logger log = LoggerFactory.getLogger(SecretKeySource.class);
    private static final int KEY_BYTES = 32;

    private final SecretProperties properties;
    private volatile SecretKey key;

    public SecretKeySource(SecretProperties properties) {
        this.properties = properties;
        if (StringUtils.hasText(properties.key())) {
            this.key = parse(properties.key().trim(), "RIGPLANE_SECRET_KEY");
        }
    }

    public SecretKey key() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = fromFile(Path.of(properties.keyFile()));
                }
                current = key;
            }
        }
        return current;
    }

    private static SecretKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return parse(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("RIGPLANE_SECRET_KEY is unset and the key file " + file
                    + " cannot be read or made; set RIGPLANE_SECRET_KEY to store secrets", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException anotherReplicaWasFirst) {
            return;
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
        log.warn("RIGPLANE_SECRET_KEY is unset: generated a secret key in {}. Keep that file, or stored "
                + "secrets are lost; in production set RIGPLANE_SECRET_KEY instead.", file.toAbsolutePath());
    }

    public static SecretKey parse(String base64, String origin) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(origin + " is not base64; make one with: openssl rand -base64 32");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(origin + " must hold 32 bytes (base64, 44 characters), not "
                    + bytes.length + "; make one with: openssl rand -base64 32");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
