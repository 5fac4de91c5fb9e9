-- Issue 7 (docs/mail.md "Outbox"): every e-mail Regard sends is first queued here, in the transaction of whatever
-- caused it (a letter issued, a rejection notice), then sent after commit by the outbox sender with retry and backoff.
-- The message is composed at enqueue and kept whole (RFC 5322 bytes in the content-addressed store, raw_sha256): its
-- Message-ID is fixed there, so a resend after a crash is the same message and receivers dedupe it.
-- States: QUEUED -> SENDING (claimed under a lease by one node) -> SENT, or back to QUEUED with a backoff, or FAILED
-- (permanent refusal, or still unsent after regard.mail.outbox.max-age: flagged to the DPO).
create sequence mail_outbox_seq start with 1 increment by 1;
create table mail_outbox (
    id              bigint                   not null,
    message_id      varchar(250)             not null,
    kind            varchar(30)              not null,
    case_reference  varchar(20),
    letter_id       bigint,
    letter_type     varchar(40),
    sender          varchar(254)             not null,
    recipient       varchar(254)             not null,
    subject         varchar(500)             not null,
    raw_sha256      varchar(64)              not null,
    raw_size        bigint                   not null,
    state           varchar(10)              not null,
    attempts        integer                  not null,
    queued_at       timestamp with time zone not null,
    next_attempt_at timestamp with time zone not null,
    lease_owner     varchar(100),
    lease_until     timestamp with time zone,
    last_attempt_at timestamp with time zone,
    last_error      varchar(1000),
    sent_at         timestamp with time zone,
    failed_at       timestamp with time zone,
    constraint pk_mail_outbox primary key (id),
    constraint uq_mail_outbox_message_id unique (message_id),
    constraint ck_mail_outbox_state check (state in ('QUEUED', 'SENDING', 'SENT', 'FAILED'))
);
-- The sender's scan: what is due, oldest first.
create index ix_mail_outbox_due on mail_outbox (state, next_attempt_at);
create index ix_mail_outbox_case on mail_outbox (case_reference);
create index ix_mail_outbox_letter on mail_outbox (letter_id);
