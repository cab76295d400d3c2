package io.rigplane.operation.internal;

import io.rigplane.operation.OperationState;
import io.rigplane.operation.Operations;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every operation, newest first, one page at a time, of one target or in one state: the overview
 * shows only the last few, and a failed start a week ago is found here.
 */
@Controller
class OperationListPage implements DashboardPage {

    static final int PAGE_SIZE = 25;

    private final Operations operations;

    OperationListPage(Operations operations) {
        this.operations = operations;
    }

    @GetMapping("/operations")
    String list(@RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String wantedTarget = target == null || target.isBlank() ? null : target.strip();
        OperationState wantedState = state(state);
        Operations.OperationPage found = operations.list(wantedTarget, wantedState, page, PAGE_SIZE);
        model.addAttribute("operations", found);
        model.addAttribute("target", wantedTarget == null ? "" : wantedTarget);
        model.addAttribute("state", wantedState == null ? "" : wantedState.name());
        model.addAttribute("states", OperationState.values());
        model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < found.totalItems());
        return "operation/list";
    }

    /** The state asked for, in any case; a state that does not exist is a 400, as in the API. */
    private static @Nullable OperationState state(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return OperationState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequestException(List.of(new FieldError("state", "must be one of "
                    + Arrays.toString(OperationState.values()))));
        }
    }
}
