package io.rigplane.operation.internal;

import io.rigplane.operation.OperationView;
import io.rigplane.operation.Operations;
import io.rigplane.system.DashboardPage;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's operation page and its live progress: the same server-sent events as the API,
 * behind the dashboard's session login instead of a bearer token.
 */
@Controller
@RequestMapping("/operations/{id}")
public class OperationPage implements DashboardPage {

    /** Seconds between reloads of an unfinished operation's page in a browser without JavaScript. */
    static final int REFRESH_SECONDS = 3;

    private final Operations operations;
    private final OperationEvents events;

    public OperationPage(Operations operations, OperationEvents events) {
        this.operations = operations;
        this.events = events;
    }

    @GetMapping
    public String operation(@PathVariable UUID id, Model model) {
        OperationView operation = operations.get(id);
        model.addAttribute("operation", operation);
        if (!operation.state().finished()) {
            model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        }
        return "operation/operation";
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    public SseEmitter events(@PathVariable UUID id,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        operations.get(id);
        return events.follow(id, lastEventId);
    }
}
