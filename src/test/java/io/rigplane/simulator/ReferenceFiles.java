package io.rigplane.simulator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the shared reference data (read only, never copied into the project). */
final class ReferenceFiles {

    private ReferenceFiles() {
    }

    static Path reference() {
        for (Path p : List.of(Path.of("..", "shared", "reference"), Path.of("/work/shared/reference"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    static Path require(String relative) {
        Path root = reference();
        assumeTrue(root != null && Files.exists(root.resolve(relative)),
                "reference file " + relative + " not found under ../shared/reference or /work/shared/reference: skipped");
        return root.resolve(relative);
    }
}
