// What changed within $since … $until ($until optional), aggregated per edge in the database (services/alignment.py has the same arithmetic in Python, the reference its unit tests check). First the pairs of actors with a non-negated statement in the window (found through the statement_event_date and statement_date indexes; with $actor_prefix 'ID|' and $actor_suffix '|ID' only pair keys with that actor at one end), then every edge between each such pair ($types, $symmetric_types; $sep is the pair-key separator) with its non-negated statements up to $until: counts, weight, intensity, first and last day; the same before $since; the decayed sums num = Σ w·I/10 and den = Σ w of the statements before $since at $since and of all at $end (w = 0.5^(age in days, at least 0 / $half_life) · modality weight ($speculative_weight for $speculative, else 1) · confidence); and the $evidence strongest statements of the window (|modality weight · confidence · intensity/10|, then newest, then id).
CALL {
  MATCH (s:Statement)
  WHERE s.event_date >= $since AND ($until IS NULL OR s.event_date <= $until)
  RETURN s.pair_key AS active, s.negated AS negated
  UNION ALL
  MATCH (s:Statement)
  WHERE s.date >= $since AND ($until IS NULL OR s.date <= $until) AND s.event_date IS NULL
  RETURN s.pair_key AS active, s.negated AS negated
}
WITH active, negated
WHERE NOT coalesce(negated, false)
  AND ($actor_prefix IS NULL OR active STARTS WITH $actor_prefix OR active ENDS WITH $actor_suffix)
WITH DISTINCT active
WITH split(active, $sep) AS parts
WHERE parts[0] <> parts[2]
WITH DISTINCT CASE WHEN parts[0] < parts[2] THEN [parts[0], parts[2]]
                   ELSE [parts[2], parts[0]] END AS pair
UNWIND $types AS type
UNWIND CASE WHEN type IN $symmetric_types THEN [pair] ELSE [pair, [pair[1], pair[0]]] END AS ends
WITH ends, type, ends[0] + $sep + type + $sep + ends[1] AS key
MATCH (t:Statement {pair_key: key})
WHERE NOT coalesce(t.negated, false)
WITH ends, type, key, t, coalesce(t.event_date, t.date) AS day
WHERE day IS NOT NULL AND ($until IS NULL OR day <= $until)
WITH ends, type, key, t, day,
     CASE WHEN t.modality = $speculative THEN $speculative_weight ELSE 1.0 END * t.confidence AS mc
WITH ends, type, key, t, day, mc,
     CASE WHEN t.intensity IS NULL THEN 0.0 ELSE mc * t.intensity / 10.0 END AS strength,
     CASE WHEN t.intensity IS NULL THEN 0.0 ELSE mc END AS scored,
     day < $since AS before,
     0.5 ^ (toFloat(duration.inDays(day, $since).days) / $half_life) AS decay_since,
     0.5 ^ (toFloat(CASE WHEN day > $end THEN 0 ELSE duration.inDays(day, $end).days END)
            / $half_life) AS decay_end
ORDER BY key, abs(strength) DESC, day DESC, t.id
WITH ends, type, key,
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
       AS evidence
MATCH (a:Actor {id: ends[0]})
MATCH (b:Actor {id: ends[1]})
RETURN key, type, a {.id, .name, .kind} AS source, b {.id, .name, .kind} AS target,
       statements, weight, intensity_statements, intensity_sum, first_seen, last_seen,
       before_statements, before_intensity_statements, before_intensity_sum,
       before_num, before_den, after_num, after_den, evidence
ORDER BY key
