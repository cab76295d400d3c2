package io.rigplane.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error page, as an RFC 9457 problem: it answers requests Tomcat refuses before
 * Spring sees them (an encoded slash or NUL in the path, invalid UTF-8 in the URL), which would
 * otherwise get an HTML page. Never shows the server, the exception or a stack trace.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String kind = status == 400 ? "malformed-request" : known == null ? "http-" + status
                : known.name().toLowerCase().replace('_', '-');
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400 ? "The request line is not valid: check the encoding of the URL"
                : "The server could not answer the request";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + ProblemTypes.of(kind) + "\",\"title\":\"" + title + "\",\"status\":"
                        + status + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response is already on its way; nothing more to say
        }
    }
}
