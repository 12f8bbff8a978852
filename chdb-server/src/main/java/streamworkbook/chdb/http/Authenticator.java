package streamworkbook.chdb.http;

import com.sun.net.httpserver.Headers;
import streamworkbook.chdb.protocol.ClickHouseException;
import streamworkbook.chdb.protocol.ErrorCodes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * Checks credentials the ways ClickHouse's HTTP interface accepts them, with its rules:
 * {@code X-ClickHouse-User}/{@code X-ClickHouse-Key} headers, or {@code Authorization: Basic},
 * or {@code user}/{@code password} URL parameters — never two of these at once — and user
 * {@code default} when none is given.
 */
final class Authenticator {

    private final Map<String, String> passwords;

    Authenticator(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** Returns the authenticated user name, or throws code 516 (AUTHENTICATION_FAILED). */
    String authenticate(Headers headers, UrlParameters params) {
        String user = headers.getFirst("X-ClickHouse-User");
        String password = headers.getFirst("X-ClickHouse-Key");
        String authorization = headers.getFirst("Authorization");
        boolean inHeaders = (user != null && !user.isEmpty()) || (password != null && !password.isEmpty());
        boolean inParams = params.has("user") || params.has("password");
        if (inHeaders) {
            if (authorization != null) {
                throw failed("Invalid authentication: it is not allowed to use X-ClickHouse HTTP headers"
                        + " and other authentication methods simultaneously");
            }
            if (inParams) {
                throw failed("Invalid authentication: it is not allowed to use X-ClickHouse HTTP headers"
                        + " and authentication via parameters simultaneously");
            }
            user = user == null || user.isEmpty() ? "default" : user;
            password = password == null ? "" : password;
        } else if (authorization != null) {
            if (inParams) {
                throw failed("Invalid authentication: it is not allowed to use Authorization HTTP header"
                        + " and authentication via parameters simultaneously");
            }
            int space = authorization.indexOf(' ');
            String scheme = space < 0 ? authorization : authorization.substring(0, space);
            if (!scheme.equalsIgnoreCase("Basic")) {
                throw failed("Invalid authentication: '" + scheme + "' HTTP Authorization scheme is not supported");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(space + 1).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw failed("Invalid authentication: malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            user = colon < 0 ? decoded : decoded.substring(0, colon);
            password = colon < 0 ? "" : decoded.substring(colon + 1);
        } else {
            user = params.get("user") == null ? "default" : params.get("user");
            password = params.get("password") == null ? "" : params.get("password");
        }
        String expected = passwords.get(user);
        boolean matches = expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            throw failed(user + ": Authentication failed: password is incorrect, or there is no user with such name");
        }
        return user;
    }

    private static ClickHouseException failed(String message) {
        return ClickHouseException.of(ErrorCodes.AUTHENTICATION_FAILED, message);
    }
}
