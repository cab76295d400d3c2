package io.rigplane.system.proxy;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.util.NetMaskSet;
import org.apache.catalina.valves.ValveBase;

/**
 * Takes the client's address, scheme and host from {@code X-Forwarded-For},
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Port} only when the request comes from a proxy the operator named. Tomcat's own valve trusts every
 * private and loopback address by default, which lets any caller in such a network choose the
 * address the throttle counts and the audit records.
 *
 * <p>The header is read from the right: addresses of trusted proxies are skipped, and the first
 * other one is the client. Anything but an IP literal there is ignored (never looked up), and the
 * request keeps the proxy's address.
 */
public class TrustedProxiesValve extends ValveBase {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9a-fA-F:.]{2,45}])(:(\\d{1,5}))?");

    private final NetMaskSet trusted;

    public TrustedProxiesValve(NetMaskSet trusted) {
        super(true);
        this.trusted = trusted;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (trusted.isEmpty() || !isTrusted(request.getRemoteAddr())) {
            getNext().invoke(request, response);
            return;
        }
        String originalAddr = request.getRemoteAddr();
        String originalHost = request.getRemoteHost();
        String originalScheme = request.getScheme();
        boolean originalSecure = request.isSecure();
        int originalPort = request.getServerPort();
        String originalServerName = request.getServerName();
        try {
            String client = client(request.getHeaders("X-Forwarded-For"));
            if (client != null) {
                request.setRemoteAddr(client);
                request.setRemoteHost(client);
            }
            String proto = request.getHeader("X-Forwarded-Proto");
            if (proto != null) {
                boolean https = "https".equals(proto.strip().toLowerCase(Locale.ROOT));
                request.setSecure(https);
                request.getCoyoteRequest().scheme().setString(https ? "https" : "http");
                request.setServerPort(https ? 443 : 80);
            }
            forwardedHost(request);
            getNext().invoke(request, response);
        } finally {
            request.setRemoteAddr(originalAddr);
            request.setRemoteHost(originalHost);
            request.setSecure(originalSecure);
            request.getCoyoteRequest().scheme().setString(originalScheme);
            request.setServerPort(originalPort);
            request.getCoyoteRequest().serverName().setString(originalServerName);
        }
    }

    /** The host (and port) the client asked the proxy for, so links Rigplane makes point at the proxy. */
    private static void forwardedHost(Request request) {
        String host = request.getHeader("X-Forwarded-Host");
        if (host != null) {
            java.util.regex.Matcher parsed = HOST.matcher(host.split(",")[0].strip());
            if (parsed.matches()) {
                request.getCoyoteRequest().serverName().setString(parsed.group(1));
                if (parsed.group(3) != null && Integer.parseInt(parsed.group(3)) <= 65535) {
                    request.setServerPort(Integer.parseInt(parsed.group(3)));
                }
            }
        }
        String port = request.getHeader("X-Forwarded-Port");
        if (port != null && port.strip().matches("\\d{1,5}") && Integer.parseInt(port.strip()) <= 65535) {
            request.setServerPort(Integer.parseInt(port.strip()));
        }
    }

    /** The rightmost address in the header chain that is not a trusted proxy, if it is an IP literal. */
    String client(java.util.Enumeration<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(headers)) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isLiteral(hop)) {
                return null;
            }
            if (i == 0 || !isTrusted(hop)) {
                return hop;
            }
        }
        return null;
    }

    private boolean isTrusted(String address) {
        if (!isLiteral(address)) {
            return false;
        }
        try {
            return trusted.contains(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Only IP literals: InetAddress would look a name up in DNS, on a caller's say-so. */
    private static boolean isLiteral(String address) {
        return IPV4.matcher(address).matches() || (address.contains(":") && IPV6.matcher(address).matches());
    }
}
