package io.rigplane.streamhost;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the shared captures of real servers (never copied into the project); skips when absent. */
public final class ReferenceCaptures {

    private ReferenceCaptures() {
    }

    public static String read(String relative) {
        for (Path root : List.of(Path.of("..", "shared", "reference"), Path.of("/work/shared/reference"))) {
            Path file = root.resolve(relative);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assumeTrue(false, "reference capture " + relative + " not found under ../shared/reference: skipped");
        throw new AssertionError("unreachable");
    }
}
