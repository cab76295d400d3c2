package io.rigplane.session.web;

import io.rigplane.session.device.DeviceQrCode;
import io.rigplane.system.DashboardPage;
import io.rigplane.system.FieldError;
import io.rigplane.system.InvalidRequestException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a thin client opens: one big button per profile of its device, live progress, and the
 * one-tap link with its QR code when the stream host is ready. It needs no sign-in: the page's
 * script holds the device token and calls the API with it, so this controller serves only the
 * page and the QR image, which reveal nothing by themselves.
 */
@Controller
public class PlayPage implements DashboardPage {

    /** Longer than any Artemis link, short enough that a QR code stays scannable on a phone. */
    public static final int MAX_QR_TEXT = 512;

    @GetMapping("/play")
    String play() {
        return "session/play";
    }

    /** A QR code of a short text (the Artemis link) as SVG, for a phone beside the TV to scan. */
    @GetMapping(value = "/play/qr", produces = "image/svg+xml")
    ResponseEntity<String> qr(@RequestParam(required = false) @Nullable String data) {
        if (data == null || data.isBlank() || data.length() > MAX_QR_TEXT) {
            throw new InvalidRequestException(List.of(new FieldError("data",
                    "must be a text of 1 to " + MAX_QR_TEXT + " characters")));
        }
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                // the link may carry a one-time PIN: keep it out of shared caches
                .cacheControl(CacheControl.noStore())
                .body(DeviceQrCode.svg(data));
    }
}
