package io.rigplane.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared reference data (real servers' captured answers, the Proxmox VE API schema) beside
 * the project, in {@code ../shared/reference}. Its licences (AGPL, GPL and others, see its
 * READMEs) do not allow copying it into the project, so tests read it in place; where it is
 * absent, {@link Prerequisites#missing} fails the test under CI and skips it elsewhere.
 */
public final class ReferenceData {

    /** Relative to the project folder, where Maven runs the tests. */
    public static final Path ROOT = Path.of("..", "shared", "reference");

    private ReferenceData() {
    }

    /** The file or folder at {@code relative} under the reference root. */
    public static Path require(String relative) {
        Path path = ROOT.resolve(relative);
        if (!Files.exists(path)) {
            Prerequisites.missing("the shared reference data " + path);
        }
        return path;
    }

    public static String read(String relative) {
        try {
            return Files.readString(require(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
