-- What stores read of a machine's context, mirrored into columns of its row by the runtime
-- (the machine definition's project()), so that no query reads a snapshot by JSON path: which
-- secrets of an app authenticate (its clientSecretRotation machine) and until when the
-- previous signing secret of a webhook signs (its subscription machine's secret region).
-- Times stay the machines' own ISO 8601 text; the services compare them (machines/graceWindow.ts).
alter table app_secret_rotations
  add column current_secret_id text,
  add column previous_secret_id text,
  add column previous_valid_until text;
update app_secret_rotations
   set current_secret_id = snapshot #>> '{context,currentSecretId}',
       previous_secret_id = snapshot #>> '{context,previousSecretId}',
       previous_valid_until = snapshot #>> '{context,previousValidUntil}';

alter table webhook_subscriptions add column previous_secret_until text;
update webhook_subscriptions set previous_secret_until = snapshot #>> '{context,previousSecretUntil}';
