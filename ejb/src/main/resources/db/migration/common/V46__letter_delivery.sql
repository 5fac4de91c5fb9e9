-- Issue 7 (docs/mail.md "Letters by e-mail and by post"): the correspondence register records how each letter really
-- reached the requester. delivery: NONE (not issued), TO_SEND (no e-mail possible: to post), QUEUED, SENT (sent_at),
-- FAILED, BOUNCED (a delivery status notification came back), POSTED (registered-mail number, date), DELIVERED,
-- RETURNED (the post brought it back). message_id: the outbox message that carries it (threading, bounces).
alter table case_letter add column delivery varchar(20) default 'TO_SEND' not null;
alter table case_letter add column delivery_note varchar(500);
alter table case_letter add column message_id varchar(250);
alter table case_letter add column registered_mail_number varchar(40);
alter table case_letter add column posted_on date;
alter table case_letter add column delivered_on date;
alter table case_letter add column delivery_recorded_at timestamp with time zone;
alter table case_letter add column delivery_recorded_by varchar(100);
create index ix_case_letter_message_id on case_letter (message_id);
-- Letters registered before: issued ones are still to send (by post or by hand), the others were never issued.
update case_letter set delivery = 'NONE' where document_id is null;

-- Delivery status notifications recorded against our messages (Bounces.record): one row per bounce, so that the same
-- bounce read twice changes nothing.
create sequence mail_bounce_seq start with 1 increment by 1;
create table mail_bounce (
    id                  bigint                   not null,
    dedup_key           varchar(600)             not null,
    original_message_id varchar(250)             not null,
    failed_recipient    varchar(254),
    status              varchar(20),
    diagnostic          varchar(1000),
    bounce_message_id   varchar(250),
    case_reference      varchar(20),
    letter_id           bigint,
    recorded_at         timestamp with time zone not null,
    constraint pk_mail_bounce primary key (id),
    constraint uq_mail_bounce_dedup unique (dedup_key)
);
create index ix_mail_bounce_original on mail_bounce (original_message_id);
