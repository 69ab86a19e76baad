-- plumb: lock_timeout=2s nonsense
SELECT 1;
