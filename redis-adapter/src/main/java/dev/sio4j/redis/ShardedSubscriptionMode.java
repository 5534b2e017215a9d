package dev.sio4j.redis;

/**
 * Which channels a sharded adapter uses (Node's {@code subscriptionMode} of {@code createShardedAdapter}); every node
 * of a cluster must use the same mode.
 */
public enum ShardedSubscriptionMode {
  /** One channel per namespace: every node receives every broadcast. */
  STATIC,
  /**
   * The default: a broadcast to exactly one public room (not a socket id) goes to that room's channel, which only
   * the nodes with members in it subscribe to.
   */
  DYNAMIC,
  /** As {@link #DYNAMIC}, private rooms (socket ids) included. */
  DYNAMIC_PRIVATE
}
