package io.rigplane.streamhost.apollo;

/** A stream host's admin login. The password never leaves this record except to Apollo's login call. */
public record ApolloCredentials(String username, String password) {

    @Override
    public String toString() {
        return "ApolloCredentials[username=" + username + ", password=****]";
    }
}
