package io.rigplane.access.token;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Audits API calls refused to a device token before answering 403: a thin client that tries what
 * it may not do is either broken or stolen, and both are worth a line in the trail. Repeated
 * refusals are counted ({@link RefusalTally}), not written one row each.
 */
public class DeviceRefusalAudit implements AccessDeniedHandler {

    private final AccessDeniedHandler answer;
    private final RefusalTally tally;

    public DeviceRefusalAudit(AccessDeniedHandler answer, RefusalTally tally) {
        this.answer = answer;
        this.tally = tally;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof DeviceAuthentication device) {
            tally.refused(device.getName(), request.getMethod() + " " + request.getRequestURI(),
                    request.getRemoteAddr());
        }
        answer.handle(request, response, e);
    }
}
