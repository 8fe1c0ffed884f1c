// An actor's alignment with each counterpart, aggregated per edge in the database (services/alignment.py has the same arithmetic in Python, the reference its unit tests check): every edge of actor $id with its non-negated statements whose time (the event's date when known, else the report's: write/upsert_statements sets s.date to the document's date) is on or before $end: counts, weight, intensity, first and last day; the same before $since (none when $since is null); the decayed sums num = Σ w·I/10 and den = Σ w of the statements before $since at $since and of all at $end (w = 0.5^(age in days / $half_life) · modality weight ($speculative_weight for $speculative, else 1) · confidence); the $evidence strongest statements from $since on (all when null) and of all (|modality weight · confidence · intensity/10|, then newest, then id).
MATCH (:Actor {id: $id})<-[:SUBJECT|OBJECT]-(t:Statement)
WHERE NOT coalesce(t.negated, false)
WITH t, coalesce(t.event_date, t.date) AS day
WHERE day IS NOT NULL AND day <= $end
WITH t, day, split(t.pair_key, $sep) AS parts
WHERE parts[0] <> parts[2]
WITH t, day, parts,
     CASE WHEN t.modality = $speculative THEN $speculative_weight ELSE 1.0 END * t.confidence AS mc
WITH t, day, parts, mc,
     CASE WHEN t.intensity IS NULL THEN 0.0 ELSE mc * t.intensity / 10.0 END AS strength,
     CASE WHEN t.intensity IS NULL THEN 0.0 ELSE mc END AS scored,
     $since IS NOT NULL AND day < $since AS before,
     CASE WHEN $since IS NULL THEN 0.0
          ELSE 0.5 ^ (toFloat(duration.inDays(day, $since).days) / $half_life) END AS decay_since,
     0.5 ^ (toFloat(duration.inDays(day, $end).days) / $half_life) AS decay_end
ORDER BY t.pair_key, abs(strength) DESC, day DESC, t.id
WITH t.pair_key AS key, parts,
     count(t) AS statements, sum(t.confidence) AS weight,
     count(t.intensity) AS intensity_statements, sum(coalesce(t.intensity, 0.0)) AS intensity_sum,
     min(day) AS first_seen, max(day) AS last_seen,
     sum(CASE WHEN before THEN 1 ELSE 0 END) AS before_statements,
     count(CASE WHEN before THEN t.intensity END) AS before_intensity_statements,
     sum(CASE WHEN before THEN coalesce(t.intensity, 0.0) ELSE 0.0 END) AS before_intensity_sum,
     sum(CASE WHEN before THEN decay_since * strength ELSE 0.0 END) AS before_num,
     sum(CASE WHEN before THEN decay_since * scored ELSE 0.0 END) AS before_den,
     sum(decay_end * strength) AS after_num, sum(decay_end * scored) AS after_den,
     collect(CASE WHEN NOT before THEN {id: t.id, strength: strength, day: day} END)[..$evidence]
       AS evidence,
     collect({id: t.id, strength: strength, day: day})[..$evidence] AS evidence_all
MATCH (a:Actor {id: parts[0]})
MATCH (b:Actor {id: parts[2]})
RETURN key, parts[1] AS type, a {.id, .name, .kind} AS source, b {.id, .name, .kind} AS target,
       statements, weight, intensity_statements, intensity_sum, first_seen, last_seen,
       before_statements, before_intensity_statements, before_intensity_sum,
       before_num, before_den, after_num, after_den, evidence, evidence_all
ORDER BY key
