package io.rigplane.access;

import io.rigplane.access.security.SecretKeySource;
import io.rigplane.system.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Encrypts secrets at rest (Proxmox token secrets, stream-host credentials) with AES-256-GCM.
 * A sealed value is {@code v1:} + base64(nonce + ciphertext + tag). The {@code purpose} is bound
 * in as associated data, so a secret sealed for one use cannot be swapped into another row.
 * Every value opened is registered with {@link SecretMask}, so it never shows in a log line.
 */
@Service
public class SecretBox {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySource keys;

    SecretBox(SecretKeySource keys) {
        this.keys = keys;
    }

    public String seal(String plaintext, String purpose) {
        SecretMask.register(plaintext);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.key(), nonce, purpose);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    public String open(String sealed, String purpose) {
        if (!sealed.startsWith(VERSION)) {
            throw new SecretUnreadableException();
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            if (in.length <= NONCE_BYTES) {
                throw new SecretUnreadableException();
            }
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, keys.key(), nonce, purpose);
            String plaintext = new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
            SecretMask.register(plaintext);
            return plaintext;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // wrong key, tampered value or another purpose: never say more, the value stays secret
            throw new SecretUnreadableException();
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String purpose)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A sealed secret that this key cannot open: another key, or a changed value. */
    public static class SecretUnreadableException extends ProblemException {
        SecretUnreadableException() {
            super(HttpStatus.INTERNAL_SERVER_ERROR, "secret-unreadable", "Secret unreadable",
                    "A stored secret cannot be decrypted with the configured RIGPLANE_SECRET_KEY; "
                            + "was the key changed? Enter the secret again.");
        }
    }
}
