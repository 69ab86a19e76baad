-- plumb: lock_timeout=2s statement_timeout=15min
-- a comment
CREATE INDEX CONCURRENTLY i ON t (a);
