package io.rigplane.notification;

import io.rigplane.access.SecretBox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.stereotype.Component;

/** Makes one request to a target and says how it went; never throws for the target's failures. */
@Component
class TargetSender {

    private static final int MAX_ERROR = 500;

    private final SecretBox secrets;
    private final NotificationProperties properties;
    private final HttpClient http;

    TargetSender(SecretBox secrets, NotificationProperties properties) {
        this.secrets = secrets;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Attempt send(StoredTarget target, long delivery, Notification notification) {
        String secret = target.sealedSecret() == null ? null
                : secrets.open(target.sealedSecret(), StoredTarget.secretPurpose(target.id()));
        OutgoingRequest outgoing = OutgoingRequest.of(target, delivery, notification, secret);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(outgoing.url()))
                .timeout(properties.requestTimeout())
                .header("User-Agent", "Rigplane notifications")
                .POST(HttpRequest.BodyPublishers.ofByteArray(outgoing.body()));
        outgoing.headers().forEach(request::header);
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Attempt(true, status, null)
                    : new Attempt(false, status, "the target answered HTTP " + status);
        } catch (IOException e) {
            return new Attempt(false, null, clip("could not reach the target: " + describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, null, "interrupted while sending (the replica is stopping)");
        } catch (IllegalArgumentException e) {
            return new Attempt(false, null, clip("the request could not be made: " + describe(e)));
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String clip(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
