# The shared review registry (yeta-registry): every error a client receives, by code.
registry-unauthorized = Not signed in: send a valid registry token (Authorization: Bearer …). A removed user's token no longer works.
registry-forbidden = Your role may not { $action }.
registry-not-found = No such { $what }, or it is not visible to you.
registry-bad-field = The field { $path } is not acceptable: { $reason }.
registry-bad-json = The request is not valid JSON (line { $line }, column { $column }): { $reason }
registry-bad-body = The request body cannot be read: { $reason }
registry-bad-query = The query string cannot be read: { $reason }
registry-too-large = The request body is larger than the registry accepts.
registry-study-invalid = The study does not appraise ({ $count } problem(s)); at { $path }: { $reason }
registry-wrong-status = The study is { $status }; { $action } does not apply now.
registry-exists = That already exists.
registry-no-trust = The registry has no trusted reviewer certificates yet: an administrator must add them before any sign-off.
registry-signoff-refused = The sign-off is refused: { $reason }
registry-busy = The registry is busy; try again.
registry-unavailable = The registry's database is unavailable; try again later.
registry-internal = The registry failed; the administrator finds the details in the server log.
