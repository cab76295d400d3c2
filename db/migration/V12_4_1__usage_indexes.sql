-- The usage figures read power operations by the time they finished and sessions by when they were READY.
create index operation_succeeded_finished on operation (finished_at) where state = 'SUCCEEDED';
create index stream_session_ready on stream_session (ready_at) where ready_at is not null;
