package io.rigplane.simulator;

/** Who makes a call: {@code root@pam} with a password ticket, or a user's API token. */
record Caller(String user, String tokenId) {

    boolean isToken() {
        return tokenId != null;
    }

    /** Root-only options need root@pam itself, never a token (not even root's own). */
    boolean isRootWithPassword() {
        return tokenId == null && "root@pam".equals(user);
    }

    String fullName() {
        return tokenId == null ? user : user + "!" + tokenId;
    }
}
