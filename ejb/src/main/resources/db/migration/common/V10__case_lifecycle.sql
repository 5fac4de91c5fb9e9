-- Case lifecycle (issue 4): the state, deadlines, qualification, search, extraction and decision of a case, the
-- catalogue grounds of a refusal, complements received, and the registers of letters and archive requests that the
-- documents, mail and archive capabilities will act on. Portable SQL: H2 and PostgreSQL run the same file.

-- Dates computed by CaseClock from the policy, kept on the case (see CaseDeadlines) and everything the DPO and the
-- operators record about it (see AccessCase). All nullable: a step fills them when it happens.
alter table access_case add column response_reminder_at timestamp with time zone;
alter table access_case add column complement_reminder_at timestamp with time zone;
alter table access_case add column complement_deadline timestamp with time zone;
alter table access_case add column delivery_expires_at timestamp with time zone;
alter table access_case add column personal_data_purge_at timestamp with time zone;
alter table access_case add column within_charter_window boolean;
alter table access_case add column regime varchar(20);
alter table access_case add column identity_doubt boolean;
alter table access_case add column request_precise boolean;
alter table access_case add column missing_information varchar(2000);
alter table access_case add column qualified_at timestamp with time zone;
alter table access_case add column qualified_by varchar(100);
alter table access_case add column clock_paused_at timestamp with time zone;
alter table access_case add column days_left_at_pause integer;
alter table access_case add column extension_requested_at timestamp with time zone;
alter table access_case add column extension_requested_by varchar(100);
alter table access_case add column extension_reasons varchar(2000);
alter table access_case add column extension_granted_at timestamp with time zone;
alter table access_case add column response_due_before_extension timestamp with time zone;
alter table access_case add column overdue boolean default false not null;
alter table access_case add column search_outcome varchar(20);
alter table access_case add column search_cameras varchar(1000);
alter table access_case add column search_note varchar(2000);
alter table access_case add column footage_destroyed_at timestamp with time zone;
alter table access_case add column searched_at timestamp with time zone;
alter table access_case add column searched_by varchar(100);
alter table access_case add column extract_cameras varchar(1000);
alter table access_case add column extract_start timestamp with time zone;
alter table access_case add column extract_end timestamp with time zone;
alter table access_case add column masking varchar(20);
alter table access_case add column extraction_note varchar(2000);
alter table access_case add column extracted_at timestamp with time zone;
alter table access_case add column extracted_by varchar(100);
alter table access_case add column decision varchar(20);
alter table access_case add column decision_note varchar(4000);
alter table access_case add column viewing_at timestamp with time zone;
alter table access_case add column viewing_place varchar(500);
alter table access_case add column viewing_outcome varchar(20);
alter table access_case add column decided_at timestamp with time zone;
alter table access_case add column decided_by varchar(100);
alter table access_case add column destruction_finding varchar(20);
alter table access_case add column destruction_due_at timestamp with time zone;
alter table access_case add column closed_at timestamp with time zone;
alter table access_case add column closure_reason varchar(30);
alter table access_case add column withdrawn_at timestamp with time zone;
alter table access_case add column personal_data_purged_at timestamp with time zone;

-- Existing cases were filed inside or outside the charter window by their receipt date.
update access_case set within_charter_window = (received_at <= charter_window_end) where within_charter_window is null;

create index ix_access_case_closed_at on access_case (closed_at);

-- Grounds of a refusal or partial answer: codes of the RefusalGround catalogue (legal basis and letter text there).
create table case_refusal_ground (
    case_id  bigint      not null,
    ground   varchar(40) not null,
    constraint pk_case_refusal_ground primary key (case_id, ground),
    constraint fk_case_refusal_ground_case foreign key (case_id) references access_case (id)
);

-- What the requester sent to complete a request (personal data: deleted by the purge).
create sequence case_complement_seq start with 1 increment by 1;
create table case_complement (
    id           bigint                   not null,
    case_id      bigint                   not null,
    received_at  timestamp with time zone not null,
    awaited      boolean                  not null,
    content      varchar(4000)            not null,
    constraint pk_case_complement primary key (id),
    constraint fk_case_complement_case foreign key (case_id) references access_case (id)
);
create index ix_case_complement_case on case_complement (case_id);

-- Register of letters to the requester. Until the documents and mail capabilities exist every letter stays
-- TO_ISSUE ("à émettre") with a note saying why; nothing here claims a letter was sent.
create sequence case_letter_seq start with 1 increment by 1;
create table case_letter (
    id              bigint                   not null,
    case_id         bigint                   not null,
    case_reference  varchar(20)              not null,
    letter_type     varchar(40)              not null,
    status          varchar(20)              not null,
    status_note     varchar(500),
    particulars     varchar(4000),
    prepared_at     timestamp with time zone not null,
    sent_at         timestamp with time zone,
    constraint pk_case_letter primary key (id),
    constraint fk_case_letter_case foreign key (case_id) references access_case (id)
);
create index ix_case_letter_reference on case_letter (case_reference);

-- Register of what the case lifecycle asked of the recording archive (hold, release, extract, destruction check).
-- Until the archive capability exists every row stays NOT_PERFORMED ("à effectuer") with a note saying why.
create sequence case_action_seq start with 1 increment by 1;
create table case_action (
    id              bigint                   not null,
    case_id         bigint                   not null,
    case_reference  varchar(20)              not null,
    action_type     varchar(30)              not null,
    status          varchar(20)              not null,
    note            varchar(1000),
    window_start    timestamp with time zone,
    window_end      timestamp with time zone,
    recorded_at     timestamp with time zone not null,
    constraint pk_case_action primary key (id),
    constraint fk_case_action_case foreign key (case_id) references access_case (id)
);
create index ix_case_action_reference on case_action (case_reference);
