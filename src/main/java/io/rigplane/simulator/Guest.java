package io.rigplane.simulator;

/** What runs inside a VM: the QEMU guest agent and the Apollo stream host, each ready after a delay. */
final class Guest {
    /** 127.x.y.z address of this VM (all of 127/8 reaches the loopback device on Linux). */
    final String ip;
    final String mac;
    long agentReadyAtMillis = Long.MAX_VALUE;
    long streamReadyAtMillis = Long.MAX_VALUE;
    StreamHost streamHost;

    Guest(String ip, String mac) {
        this.ip = ip;
        this.mac = mac;
    }
}
