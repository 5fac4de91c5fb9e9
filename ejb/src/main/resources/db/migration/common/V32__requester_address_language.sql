-- Issue 6 (documents): what a letter needs to reach its requester, recorded at intake.
--
-- requester_postal_address  the postal address lines, one per line ('\n'), as the letter prints them (a registered
--                           letter's sender; optional for the web and e-mail). Personal data: purged with the case.
-- requester_language        the language the requester reads letters in: 'fr' (default) or 'en' (DOMAIN.md:
--                           English second where the citizen asks for it)
-- intake_registered_mail    the number of the registered letter (lettre recommandée) that brought a postal request
alter table access_case add column requester_postal_address varchar(700);
alter table access_case add column requester_language varchar(2) default 'fr' not null;
alter table access_case add column intake_registered_mail varchar(40);
alter table access_case add constraint ck_access_case_language check (requester_language in ('fr', 'en'));
