-- Extracts of recorded footage (issue 5, docs/archive.md "Extraction"): one row per camera of an extraction an
-- operator or the DPO asked for a case, its progress, its output file and what became of it. The rows of one request
-- share request_id (what the procès-verbal d'extraction covers). Table named footage_extract, not extract: EXTRACT is
-- an SQL keyword. Windows are half-open [window_start, window_end), UTC. Portable SQL: H2 and PostgreSQL.
create sequence footage_extract_seq start with 1 increment by 1;
create sequence footage_extract_request_seq start with 1 increment by 1;

create table footage_extract (
    id                    bigint                   not null primary key,
    request_id            bigint                   not null,
    case_id               bigint                   not null,
    case_reference        varchar(20)              not null,
    camera_id             varchar(16)              not null,
    window_start          timestamp with time zone not null,
    window_end            timestamp with time zone not null,
    -- QUEUED → RUNNING → DONE | FAILED | CANCELLED; DONE → DESTROYED (the file is gone, the row stays: the record)
    status                varchar(12)              not null,
    frames_done           bigint                   default 0 not null,
    frames_total          bigint                   default 0 not null,
    -- last time the running worker wrote its progress (at most once a second): its heartbeat
    progress_at           timestamp with time zone,
    attempts              integer                  default 0 not null,
    run_node              varchar(100),
    cancel_requested      boolean                  default false not null,
    -- JSON: {"thirdParties":[{"x","y","width","height","from","to"}],"privacyMasks":[{"index","x","y","width","height"}]}
    masks                 varchar(20000)           not null,
    purpose_category      varchar(30)              not null,
    -- why, in French (mandatory): journalled as the purpose of the extraction and of every download
    purpose               varchar(1000)            not null,
    requested_by          varchar(100)             not null,
    requested_role        varchar(20)              not null,
    requested_at          timestamp with time zone not null,
    started_at            timestamp with time zone,
    finished_at           timestamp with time zone,
    -- why it failed, in French (names the segment at fault)
    failure               varchar(2000),
    -- relative to the extracts folder (regard.extracts.dir), never a web path
    output_location       varchar(300),
    output_size           bigint,
    output_sha256         char(64),
    output_duration_ms    bigint,
    output_frames         bigint,
    output_first_frame    timestamp with time zone,
    output_end            timestamp with time zone,
    -- JSON array of the periods of the window without footage: [{"from","to"}]
    output_gaps           varchar(4000),
    engine                varchar(100),
    -- JSON: the masks as applied, with the frames each covered
    applied_masks         varchar(20000),
    delivery_expires_at   timestamp with time zone,
    destroyed_at          timestamp with time zone,
    destroyed_by          varchar(100),
    -- SHA-256 of the file read just before its deletion (null when it was already gone), and the check after it
    destroyed_sha256      char(64),
    destruction_note      varchar(1000),
    constraint footage_extract_status check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED', 'DESTROYED')),
    constraint footage_extract_window check (window_end > window_start),
    constraint footage_extract_progress check (frames_done >= 0 and frames_total >= 0),
    constraint footage_extract_done check (status not in ('DONE', 'DESTROYED')
        or (output_location is not null and output_sha256 is not null and output_size is not null)),
    constraint footage_extract_destroyed check ((status = 'DESTROYED') = (destroyed_at is not null)),
    constraint footage_extract_case_fk foreign key (case_id) references access_case (id),
    constraint footage_extract_camera_fk foreign key (camera_id) references camera (id)
);

create index footage_extract_case_idx on footage_extract (case_reference);
create index footage_extract_request_idx on footage_extract (request_id);
create index footage_extract_status_idx on footage_extract (status);

-- The segments an extract was made from, in order, with the SHA-256 taken at ingest (checked before use: chain of
-- custody). Copied from footage_segment so that the record stays whole once the purge destroys the segments.
create table footage_extract_source (
    extract_id            bigint                   not null,
    position              integer                  not null,
    segment_id            bigint                   not null,
    camera_id             varchar(16)              not null,
    start_at              timestamp with time zone not null,
    end_at                timestamp with time zone not null,
    size_bytes            bigint                   not null,
    sha256                char(64)                 not null,
    location              varchar(300)             not null,
    constraint footage_extract_source_pk primary key (extract_id, position),
    constraint footage_extract_source_extract_fk foreign key (extract_id) references footage_extract (id)
);
