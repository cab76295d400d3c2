package io.rigplane.access.token;

import io.rigplane.access.AuditOutcome;
import io.rigplane.access.AuditTrail;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Audits every API call refused to a device token before answering 403: a thin client that
 * tries what it may not do is either broken or stolen, and both are worth a line in the trail.
 */
public class DeviceRefusalAudit implements AccessDeniedHandler {

    private final AccessDeniedHandler answer;
    private final AuditTrail audit;

    public DeviceRefusalAudit(AccessDeniedHandler answer, AuditTrail audit) {
        this.answer = answer;
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof DeviceAuthentication device) {
            audit.record("device.refused", "device:" + device.getName(), AuditOutcome.REFUSED,
                    request.getMethod() + " " + request.getRequestURI());
        }
        answer.handle(request, response, e);
    }
}
