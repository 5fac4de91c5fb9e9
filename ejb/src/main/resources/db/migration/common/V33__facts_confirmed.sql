-- Issue 7 (e-mail intake): a request read from free text (an e-mail) has no reliable facts window; the case is opened
-- with a provisional window (the whole retention before receipt, so everything that may concern it is held) and the
-- DPO confirms the real facts (PUT /api/v1/requests/{ref}/facts) before qualifying it. Suggestions extracted from the
-- text are only proposals (docs/mail.md).
alter table access_case add column facts_confirmed boolean default true not null;
