package io.rigplane.session.device;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as inline SVG, so a phone can scan a device's sign-in link off the dashboard; the
 * page needs no script and no image request, and the secret never leaves the page.
 */
public final class DeviceQrCode {

    /** The quiet zone the QR standard asks for around the code, in modules. */
    private static final int BORDER = 4;
    private static final int PIXELS = 264;

    private DeviceQrCode() {
    }

    public static String svg(String text) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int extent = code.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\"QR code of the "
                + "device's sign-in link\" width=\"" + PIXELS + "\" height=\"" + PIXELS + "\" viewBox=\"0 0 "
                + extent + " " + extent + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
