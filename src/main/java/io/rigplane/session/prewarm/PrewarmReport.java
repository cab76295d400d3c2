package io.rigplane.session.prewarm;

import java.util.List;

/** A profile's pre-warming: its settings, when it is wanted and the next warm-up, what warm-ups did. */
public record PrewarmReport(String profile, PrewarmSettings settings, PrewarmOutlook outlook, PrewarmFigures figures,
        List<PrewarmRun> recent) {
}
