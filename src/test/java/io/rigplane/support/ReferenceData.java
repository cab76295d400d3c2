package io.rigplane.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The shared reference data (real servers' captured answers, the Proxmox VE API schema) beside
 * the project: the nearest {@code shared/reference} folder next to the project folder or next to
 * one of its parents (a git worktree may sit a level deeper than the main checkout). Its licences
 * (AGPL, GPL and others, see its READMEs) do not allow copying it into the project, so tests read
 * it in place; where it is absent, {@link Prerequisites#missing} fails the test under CI and skips
 * it elsewhere.
 */
public final class ReferenceData {

    private static final @Nullable Path ROOT = find(Path.of("").toAbsolutePath());

    private ReferenceData() {
    }

    /** The file or folder at {@code relative} under the reference root. */
    public static Path require(String relative) {
        Path path = ROOT == null ? null : ROOT.resolve(relative);
        if (path == null || !Files.exists(path)) {
            Prerequisites.missing("the shared reference data " + (path == null
                    ? "(no shared/reference folder beside the project or its parents)" : path.toString()));
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

    /** Maven runs the tests in the project folder. */
    private static @Nullable Path find(Path project) {
        for (Path dir = project.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("reference");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
