package id.kinerja.notification;

/** Life of an outbox row. */
public enum OutboxStatus {
  /** Waiting to be sent (now or after a backoff). */
  PENDING,
  /** The SMTP server accepted it. */
  SENT,
  /** Given up: permanent SMTP failure, attempts exhausted, no address or a broken template. */
  DEAD,
  /** Collected for the recipient's daily digest; sent as part of the digest row (digest_id). */
  DIGESTED
}
