package io.rigplane.bench;

/**
 * A benchmark whose main thread fails must end the JVM with an error: the in-process service's
 * threads would otherwise keep it running, and the benchmark command would hang instead of failing.
 */
final class FailFast {

    private FailFast() {
    }

    static void onUncaughtFailure() {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            System.err.println("Benchmark failed on " + thread.getName() + ":");
            failure.printStackTrace();
            System.exit(1);
        });
    }
}
