// A pair's alignment series aggregated per calendar period in the database (services/alignment.py has the same arithmetic in Python, the reference its unit tests check). Non-negated statements between the two actors ($keys: the pair keys of every type and direction), whose time (the event's date when known, else the report's: write/upsert_statements sets s.date to the document's date) lies within $since (optional) … $until. Per period ($unit month|quarter|year, $months its length; the end is clipped to $until): statements, intensity count and sum, the decayed sums num = Σ w·I/10 and den = Σ w with w = 0.5^(age at the period's end / $half_life) · modality weight ($speculative_weight for modality $speculative, else 1) · confidence, and the $evidence strongest statements (|modality weight · confidence · intensity/10|, then newest, then id) with subject, object and document.
MATCH (s:Statement)
WHERE s.pair_key IN $keys AND NOT coalesce(s.negated, false)
WITH s, coalesce(s.event_date, s.date) AS day
WHERE day IS NOT NULL AND ($since IS NULL OR day >= $since) AND day <= $until
WITH s, day, date.truncate($unit, day) AS start,
     CASE WHEN s.modality = $speculative THEN $speculative_weight ELSE 1.0 END AS m
WITH s, day, start, m, start + duration({months: $months}) - duration({days: 1}) AS last
WITH s, day, start, m, CASE WHEN last > $until THEN $until ELSE last END AS end
WITH s, day, start,
     CASE WHEN s.intensity IS NULL THEN 0.0
          ELSE 0.5 ^ (toFloat(duration.inDays(day, end).days) / $half_life) * m * s.confidence
     END AS w,
     CASE WHEN s.intensity IS NULL THEN 0.0 ELSE m * s.confidence * s.intensity / 10.0 END
       AS strength
ORDER BY start, abs(strength) DESC, day DESC, s.id
WITH start, min(day) AS first, count(s) AS statements, count(s.intensity) AS intensity_statements,
     sum(coalesce(s.intensity, 0.0)) AS intensity_sum,
     sum(w * coalesce(s.intensity, 0.0) / 10.0) AS num, sum(w) AS den,
     collect(s)[..$evidence] AS strongest
RETURN start, first, statements, intensity_statements, intensity_sum, num, den,
       [e IN strongest | {
         statement: e {.*},
         subject: [(e)-[:SUBJECT]->(x:Actor) | x {.id, .name, .kind}][0],
         object: [(e)-[:OBJECT]->(y:Actor) | y {.id, .name, .kind}][0],
         document: [(e)-[:IN]->(d:Document) | d {.id, .title, .url, .date, .source, .lang}][0]
       }] AS evidence
ORDER BY start
